"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import * as notifications from "@/lib/data/notifications";
import { notificationIdInput } from "@/lib/schemas/submissions";
import { z } from "zod";
import { action, formAction, revalidate } from "./action";

/** Marks the notification read and opens what it is about, in the reader's own workspace. */
export const openNotification = formAction(notificationIdInput, async (input, { user }) => {
  const { db } = await appConnection();
  const { submissionId, programChange, webhookEndpointId } = await notifications.readNotification(db, user.id, input.id);
  if (webhookEndpointId) redirect(`/integrations/webhooks/${webhookEndpointId}`);
  // A new version of the program: the dashboard as of the day it changes the tier.
  const firstChange = programChange?.differences[0]?.from;
  if (firstChange) redirect(`/dashboard?asOf=${firstChange}`);
  // An alert is shown, with the others that hold, on the dashboard.
  if (submissionId === null) redirect("/dashboard#alerts");
  redirect(user.organizationId === null ? `/review/${submissionId}` : `/submissions/${submissionId}`);
});

export const readAllNotifications = action(z.object({}), async (_input, { user }) => {
  const { db } = await appConnection();
  await notifications.readAllNotifications(db, user.id);
  revalidate(user.organizationId === null ? "/review" : "/dashboard");
});
