"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import { today } from "@/lib/clock";
import * as submissions from "@/lib/data/submissions";
import { applyInput, submissionIdInput } from "@/lib/schemas/submissions";
import { formAction, revalidate } from "./action";

/** A partner admin applies for the tier lib/rules says the organization meets today, then sees the submission. */
export const applyForTier = formAction(applyInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const submission = await submissions.submitApplication(
    db,
    { organizationId: requireOrganization(user), actorId: user.id },
    input.tier,
    today(),
  );
  revalidate("/dashboard");
  revalidate("/submissions");
  revalidate("/review");
  redirect(`/submissions/${submission.id}`);
});

export const withdrawSubmission = formAction(submissionIdInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await submissions.withdrawSubmission(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  revalidate("/dashboard");
  revalidate(`/submissions/${input.id}`);
  revalidate("/review");
  return { notice: t("submissions.withdrawn") };
});
