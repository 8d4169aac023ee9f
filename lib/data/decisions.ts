import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { awards, evidenceReviews, examPasses, type NotificationKind, revenueLines, submissions } from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { today } from "@/lib/clock";
import { sendAll } from "@/lib/mail/mailer";
import { nextAwardTerm } from "@/lib/rules";
import type { DecisionInput, VerdictInput } from "@/lib/schemas/submissions";
import { recordAudit } from "./audit";
import { enqueueWebhookEvents } from "./webhooks";
import { evaluateCase, type Verdict } from "./case-evaluation";
import { ConflictError, NotFoundError } from "./errors";
import { notify } from "./notifications";
import { ClaimedByOtherError, mcidConflicts, whyNotClaimable } from "./review";
import type { SubmissionSnapshot } from "./snapshot-types";
import { transitions } from "./submission-states";

/**
 * Locks the submission row for the rest of the transaction and checks that `reviewer` holds
 * the claim. Concurrent decisions and verdicts on one submission queue on this lock, so the
 * second sees the first's outcome ("already decided") instead of overwriting it.
 */
async function lockClaimedCase(tx: Executor, reviewer: SessionUser, id: string) {
  const [row] = await tx.select().from(submissions).where(eq(submissions.id, id)).for("update");
  if (!row) throw new NotFoundError("submission");
  if (row.status === "submitted") throw new ConflictError("not claimed", { messageKey: "review.errors.notClaimed" });
  if (row.status !== "claimed") throw await whyNotClaimable(tx, id);
  if (row.claimedBy !== reviewer.id) throw await claimedByOther(tx, id);
  return { ...row, snapshot: row.snapshot as SubmissionSnapshot };
}

async function claimedByOther(tx: Executor, id: string): Promise<Error> {
  const error = await whyNotClaimable(tx, id);
  return error instanceof ClaimedByOtherError ? error : new ConflictError("claimed by another reviewer");
}

/**
 * The snapshot's passes of people whose MCID its holder confirmed for another organization
 * (and not for this one): an MCID counts for one organization at a time, so they cannot be
 * verified here.
 */
async function passesCountingElsewhere(tx: Executor, submission: { organizationId: string; snapshot: SubmissionSnapshot }) {
  const conflicts = await mcidConflicts(tx, submission.organizationId, submission.snapshot);
  const elsewhere = new Set(conflicts.filter((conflict) => conflict.confirmedElsewhere).map((conflict) => conflict.personId));
  return new Set(submission.snapshot.examPasses.filter((pass) => elsewhere.has(pass.personId)).map((pass) => pass.id));
}

const countsElsewhere = () => new ConflictError("mcid confirmed elsewhere", { messageKey: "review.errors.mcidConfirmedElsewhere" });

/** A verdict as the data layer takes it: how a pass was checked is recorded when given. */
type VerdictRecord = Omit<VerdictInput, "checkMethod" | "checkNote"> & Partial<Pick<VerdictInput, "checkMethod" | "checkNote">>;

/**
 * Marks one exam pass or revenue line of the snapshot verified or rejected (a rejection says
 * why; a verified pass, how it was checked).
 */
export async function recordVerdict(db: Database, reviewer: SessionUser, input: VerdictRecord) {
  requireRole(reviewer, ["reviewer"]);
  await db.transaction(async (tx) => {
    const submission = await lockClaimedCase(tx, reviewer, input.submissionId);
    const items = input.itemKind === "exam_pass" ? submission.snapshot.examPasses : submission.snapshot.revenueLines;
    if (!items.some((item) => item.id === input.itemId)) throw new NotFoundError("evidence of this submission");
    if (
      input.status === "verified" &&
      input.itemKind === "exam_pass" &&
      (await passesCountingElsewhere(tx, submission)).has(input.itemId)
    ) {
      throw countsElsewhere();
    }
    // A verdict given now replaces one carried from an earlier round.
    const checked = input.status === "verified" && input.itemKind === "exam_pass" && input.checkMethod;
    const values = {
      status: input.status,
      reason: input.reason,
      checkMethod: checked ? input.checkMethod : null,
      // A note says how, when it was by other means than the transcript or the certificate.
      checkNote: checked && input.checkMethod === "other" ? (input.checkNote ?? null) : null,
      reviewerId: reviewer.id,
      reviewedAt: new Date(),
      carriedFromSubmissionId: null,
    };
    await tx
      .insert(evidenceReviews)
      .values({ submissionId: input.submissionId, itemKind: input.itemKind, itemId: input.itemId, ...values })
      .onConflictDoUpdate({ target: [evidenceReviews.submissionId, evidenceReviews.itemKind, evidenceReviews.itemId], set: values });
    await recordAudit(tx, {
      organizationId: submission.organizationId,
      actorUserId: reviewer.id,
      action: `evidence.${input.status}`,
      entityType: input.itemKind,
      entityId: input.itemId,
      after: {
        submissionId: input.submissionId,
        status: input.status,
        reason: input.reason,
        ...(values.checkMethod ? { checkMethod: values.checkMethod, checkNote: values.checkNote } : {}),
      },
    });
  });
}

/**
 * Verifies, in one transaction, every item of the case that the reviewer must look at and
 * that has no verdict yet; returns how many. Verdicts already given (here or carried from an
 * earlier round) are left as they are. `expected` is the count the reviewer confirmed: if
 * the case moved since, nothing is written.
 */
export async function verifyRemaining(
  db: Database,
  reviewer: SessionUser,
  input: { submissionId: string; expected: number; checkMethod?: "transcript" | "certificate" },
): Promise<number> {
  requireRole(reviewer, ["reviewer"]);
  return db.transaction(async (tx) => {
    const submission = await lockClaimedCase(tx, reviewer, input.submissionId);
    const given = await tx
      .select({ itemKind: evidenceReviews.itemKind, itemId: evidenceReviews.itemId, status: evidenceReviews.status })
      .from(evidenceReviews)
      .where(eq(evidenceReviews.submissionId, input.submissionId));
    const verdicts = given.map((row) => ({
      ...row,
      itemKind: row.itemKind as Verdict["itemKind"],
      status: row.status as Verdict["status"],
    }));
    const judged = new Set(verdicts.map((verdict) => `${verdict.itemKind}:${verdict.itemId}`));
    const { toReview } = evaluateCase(submission.snapshot, submission.tier, verdicts, "en");
    const remaining = [
      ...toReview.examPassIds.filter((id) => !judged.has(`exam_pass:${id}`)).map((itemId) => ({ itemKind: "exam_pass" as const, itemId })),
      ...toReview.revenueIds
        .filter((id) => !judged.has(`revenue_line:${id}`))
        .map((itemId) => ({ itemKind: "revenue_line" as const, itemId })),
    ];
    if (remaining.length !== input.expected) throw new ConflictError("the case changed", { messageKey: "errors.stale" });
    const elsewhere = await passesCountingElsewhere(tx, submission);
    if (remaining.some((item) => item.itemKind === "exam_pass" && elsewhere.has(item.itemId))) throw countsElsewhere();
    if (remaining.length === 0) return 0;
    const reviewedAt = new Date();
    await tx.insert(evidenceReviews).values(
      remaining.map((item) => ({
        submissionId: input.submissionId,
        ...item,
        status: "verified",
        reason: null,
        checkMethod: item.itemKind === "exam_pass" ? (input.checkMethod ?? "transcript") : null,
        reviewerId: reviewer.id,
        reviewedAt,
      })),
    );
    await recordAudit(tx, {
      organizationId: submission.organizationId,
      actorUserId: reviewer.id,
      action: "evidence.verified",
      entityType: "submission",
      entityId: input.submissionId,
      after: { submissionId: input.submissionId, status: "verified", checkMethod: input.checkMethod ?? "transcript", items: remaining },
    });
    return remaining.length;
  });
}

/**
 * Copies the verdicts onto the live records they came from, when the record is still the
 * version that was submitted: a verdict on a line since edited says nothing about its new content.
 */
async function flowBack(
  tx: Executor,
  submission: { organizationId: string; snapshot: SubmissionSnapshot },
  verdicts: readonly Verdict[],
  reviewerId: string,
) {
  const versions = new Map([...submission.snapshot.examPasses, ...submission.snapshot.revenueLines].map((item) => [item.id, item.version]));
  const reasons = new Map(verdicts.map((verdict) => [`${verdict.itemKind}:${verdict.itemId}`, verdict.reason ?? null]));
  const applied: Array<Verdict & { applied: boolean }> = [];
  for (const verdict of verdicts) {
    const table = verdict.itemKind === "exam_pass" ? examPasses : revenueLines;
    const updated = await tx
      .update(table)
      .set({
        verificationStatus: verdict.status,
        verificationReason: verdict.status === "rejected" ? (reasons.get(`${verdict.itemKind}:${verdict.itemId}`) ?? null) : null,
        verifiedBy: reviewerId,
        verifiedAt: new Date(),
        version: sql`${table.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(table.id, verdict.itemId),
          eq(table.organizationId, submission.organizationId),
          eq(table.version, versions.get(verdict.itemId) ?? -1),
        ),
      )
      .returning({ id: table.id });
    applied.push({ ...verdict, applied: updated.length > 0 });
  }
  return applied;
}

const notificationOf: Record<DecisionInput["decision"], NotificationKind> = {
  approve: "submission.approved",
  request_changes: "submission.changes_requested",
  reject: "submission.rejected",
};

/**
 * Approves, sends back for changes or rejects, in one transaction with its award, the
 * verdicts flowing back, the audit event and the notifications: all of it or none of it.
 * Approval is refused unless the tier holds on verified evidence alone.
 */
export async function decideSubmission(db: Database, reviewer: SessionUser, input: DecisionInput) {
  requireRole(reviewer, ["reviewer"]);
  const decidedOn = today();
  const { mails, status } = await db.transaction(async (tx) => {
    const submission = await lockClaimedCase(tx, reviewer, input.id);
    const verdicts = (
      await tx
        .select({
          itemKind: evidenceReviews.itemKind,
          itemId: evidenceReviews.itemId,
          status: evidenceReviews.status,
          reason: evidenceReviews.reason,
        })
        .from(evidenceReviews)
        .where(eq(evidenceReviews.submissionId, input.id))
    ).map((row) => ({ ...row, itemKind: row.itemKind as Verdict["itemKind"], status: row.status as Verdict["status"] }));
    if (input.decision === "approve") {
      const { remaining, holdsOnVerified } = evaluateCase(submission.snapshot, submission.tier, verdicts, "en");
      if (remaining > 0) throw new ConflictError(`${remaining} items lack a verdict`, { messageKey: "review.errors.itemsRemaining" });
      if (!holdsOnVerified)
        throw new ConflictError("tier does not hold on verified evidence", { messageKey: "review.errors.tierDoesNotHold" });
    }
    const status = transitions[input.decision].to;
    const decided = await tx
      .update(submissions)
      .set({
        status,
        decidedBy: reviewer.id,
        decidedAt: new Date(),
        message: input.message,
        version: sql`${submissions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(submissions.id, input.id), eq(submissions.version, submission.version)))
      .returning({ id: submissions.id });
    // The row lock makes this unreachable; the version check keeps it so should the lock ever go.
    if (decided.length === 0) throw new ConflictError("decided concurrently", { messageKey: "review.errors.alreadyDecided" });
    const granted =
      input.decision === "approve"
        ? await tx
            .select({ tier: awards.tier, awardedOn: awards.awardedOn, anniversaryOn: awards.anniversaryOn })
            .from(awards)
            .where(eq(awards.organizationId, submission.organizationId))
        : [];
    const award = input.decision === "approve" ? { tier: submission.tier, ...nextAwardTerm(granted, decidedOn) } : null;
    if (award) await tx.insert(awards).values({ organizationId: submission.organizationId, submissionId: input.id, ...award });
    const flowedBack = await flowBack(tx, submission, verdicts, reviewer.id);
    const { organizationId } = submission;
    await enqueueWebhookEvents(tx, [
      { organizationId, type: "submission.decided", data: { submissionId: input.id, tier: submission.tier, status, award } },
      // The verdicts the partner now sees on its records.
      ...flowedBack
        .filter((verdict) => verdict.applied)
        .map((verdict) => ({
          organizationId,
          type: "evidence.verdict" as const,
          data: {
            submissionId: input.id,
            evidenceType: verdict.itemKind,
            evidenceId: verdict.itemId,
            status: verdict.status,
            reason: verdict.status === "rejected" ? (verdict.reason ?? null) : null,
          },
        })),
    ]);
    await recordAudit(tx, {
      organizationId: submission.organizationId,
      actorUserId: reviewer.id,
      action: `submission.${status}`,
      entityType: "submission",
      entityId: input.id,
      before: { status: "claimed" },
      after: { status, message: input.message, award, verdicts: flowedBack },
    });
    const mails = await notify(tx, { partnerAdminsOf: submission.organizationId }, notificationOf[input.decision], input.id, {
      organization: submission.snapshot.organization.name,
      tier: submission.tier,
      message: input.message,
      reviewer: reviewer.displayName,
      awardedOn: award?.awardedOn,
      anniversaryOn: award?.anniversaryOn,
    });
    return { mails, status };
  });
  await sendAll(mails);
  return { status };
}
