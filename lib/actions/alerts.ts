"use server";

import { appConnection } from "@/db/client";
import { requireRole } from "@/lib/auth/roles";
import { chooseAlertEmails, unsubscribe } from "@/lib/data/alert-emails";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { alertEmailChoicesInput, unsubscribeInput } from "@/lib/schemas/alerts";
import { ActionFailure, formAction, publicFormAction, revalidate } from "./action";

/** A partner user chooses, per kind of alert, when its email reaches them. */
export const chooseAlertEmailsAction = formAction(alertEmailChoicesInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin", "employee"]);
  const { db } = await appConnection();
  await chooseAlertEmails(db, user.id, input);
  revalidate("/account");
  return { notice: t("alerts.settings.saved") };
});

/** The unsubscribe page's button: the signed token is the authority, no session is needed. */
export const unsubscribeAction = publicFormAction(unsubscribeInput, async (input, { t }) => {
  const request = readUnsubscribeToken(input.token);
  const { db } = await appConnection();
  if (!request || !(await unsubscribe(db, request.userId, request.scope)))
    throw new ActionFailure("invalid", t("alerts.unsubscribe.invalid"));
  return { notice: t("alerts.unsubscribe.done") };
});
