"use server";

import { requireRole } from "@/lib/auth/roles";
import { appConnection } from "@/db/client";
import * as decisions from "@/lib/data/decisions";
import * as review from "@/lib/data/review";
import { dispatchWebhooksSoon } from "@/lib/jobs/server";
import { decisionInput, submissionIdInput, verdictInput, verifyRemainingInput } from "@/lib/schemas/submissions";
import { ActionFailure, formAction, revalidate, type Translate } from "./action";

/** "Already claimed by Rita Reviewer": the generic conflict message cannot name who. */
function naming<T>(t: Translate) {
  return (error: unknown): T => {
    if (error instanceof review.ClaimedByOtherError) {
      throw new ActionFailure("conflict", t("review.errors.alreadyClaimed", { name: error.claimedByName }));
    }
    throw error;
  };
}

function refreshCase(id: string) {
  revalidate("/review");
  revalidate(`/review/${id}`);
  revalidate(`/submissions/${id}`);
}

export const claimSubmission = formAction(submissionIdInput, async (input, { user, t }) => {
  requireRole(user, ["reviewer"]);
  const { db } = await appConnection();
  await review.claimSubmission(db, user, input.id).catch(naming<void>(t));
  refreshCase(input.id);
  return { notice: t("review.claimed") };
});

/** The claiming reviewer gives the case back to the queue. */
export const releaseSubmission = formAction(submissionIdInput, async (input, { user, t }) => {
  requireRole(user, ["reviewer"]);
  const { db } = await appConnection();
  await review.releaseSubmission(db, user, input.id).catch(naming<void>(t));
  refreshCase(input.id);
  return { notice: t("review.released") };
});

export const recordVerdict = formAction(verdictInput, async (input, { user, t }) => {
  requireRole(user, ["reviewer"]);
  const { db } = await appConnection();
  await decisions.recordVerdict(db, user, input).catch(naming<void>(t));
  revalidate(`/review/${input.submissionId}`);
  return { notice: t(input.status === "verified" ? "review.verifiedNotice" : "review.rejectedNotice") };
});

/** Verifies every item still without a verdict, once the reviewer confirmed how many. */
export const verifyRemaining = formAction(
  verifyRemainingInput,
  async (input, { user, t }): Promise<{ confirm: string } | { notice: string }> => {
    requireRole(user, ["reviewer"]);
    if (!input.confirmed) return { confirm: t("review.verifyRemaining.confirm", { count: input.expected }) };
    const { db } = await appConnection();
    const count = await decisions
      .verifyRemaining(db, user, { submissionId: input.id, expected: input.expected, checkMethod: input.checkMethod })
      .catch(naming<number>(t));
    revalidate(`/review/${input.id}`);
    return { notice: t("review.verifyRemaining.done", { count }) };
  },
);

export const decideSubmission = formAction(decisionInput, async (input, { user, t }) => {
  requireRole(user, ["reviewer"]);
  const { db } = await appConnection();
  const { status } = await decisions.decideSubmission(db, user, input).catch(naming<{ status: string }>(t));
  await dispatchWebhooksSoon();
  refreshCase(input.id);
  revalidate("/dashboard");
  return { notice: t(`review.decided.${status}`) };
});
