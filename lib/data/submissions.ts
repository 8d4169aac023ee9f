import "server-only";
import { and, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db/client";
import {
  awards,
  evidenceReviews,
  openSubmissionStatuses,
  type SubmissionStatus,
  type SubmissionTier,
  submissions,
  users,
} from "@/db/schema";
import { type ApplicationRefusal, applicationRefusal, awardInForce } from "@/lib/rules";
import { sendAll } from "@/lib/mail/mailer";
import type { MailMessage } from "@/lib/mail/message";
import { recordAudit } from "./audit";
import { carryVerdictsForward } from "./carried-verdicts";
import { violatedUniqueConstraint } from "./constraints";
import { ConflictError, NotFoundError } from "./errors";
import { notify } from "./notifications";
import { takeSnapshot } from "./snapshot";
import type { SubmissionSnapshot } from "./snapshot-types";

interface Actor {
  organizationId: string;
  actorId: string;
}

/** The latest submission of the organization whose requested changes nobody has answered yet. */
async function unansweredChangeRequest(tx: Executor, organizationId: string): Promise<{ id: string; round: number } | null> {
  const answer = alias(submissions, "answer");
  const [row] = await tx
    .select({ id: submissions.id, round: submissions.round })
    .from(submissions)
    .where(
      and(
        eq(submissions.organizationId, organizationId),
        eq(submissions.status, "changes_requested"),
        notExists(tx.select({ id: answer.id }).from(answer).where(eq(answer.previousSubmissionId, submissions.id))),
      ),
    )
    .orderBy(desc(submissions.submittedAt))
    .limit(1);
  return row ?? null;
}

const applicationRefusalMessages: Record<ApplicationRefusal, string> = {
  application_open: "submissions.errors.alreadyOpen",
  tier_not_met: "submissions.errors.tierNotMet",
  award_in_force: "submissions.errors.awardInForce",
};

/**
 * Applies for `tier` on `asOf`: refused unless lib/rules says the organization may
 * (applicationRefusal: it meets the tier, has no open application, and no award in force
 * grants the tier outside its renewal window). Freezes the evidence in a snapshot; a submission answering requested changes is
 * linked to the one it answers. The partial unique index keeps one open per organization.
 */
export async function submitApplication(db: Database, { organizationId, actorId }: Actor, tier: SubmissionTier, asOf: string) {
  const mails: MailMessage[] = [];
  const submission = await db
    .transaction(async (tx) => {
      const snapshot = await takeSnapshot(tx, organizationId, asOf);
      const [award, open] = await Promise.all([
        currentAward(tx, organizationId, asOf),
        tx
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(eq(submissions.organizationId, organizationId), inArray(submissions.status, openSubmissionStatuses))),
      ]);
      const refusal = applicationRefusal(tier, { tiers: snapshot.evaluation.tiers, award, applicationOpen: open.length > 0, asOf });
      if (refusal) throw new ConflictError(`application refused: ${refusal}`, { messageKey: applicationRefusalMessages[refusal] });
      const answered = await unansweredChangeRequest(tx, organizationId);
      const [row] = await tx
        .insert(submissions)
        .values({
          organizationId,
          tier,
          asOf,
          snapshot,
          previousSubmissionId: answered?.id ?? null,
          round: answered ? answered.round + 1 : 1,
          submittedBy: actorId,
        })
        .returning({ id: submissions.id, tier: submissions.tier, previousSubmissionId: submissions.previousSubmissionId });
      const carried = answered ? await carryVerdictsForward(tx, answered.id, { id: row.id, snapshot }) : 0;
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        action: row.previousSubmissionId ? "submission.resubmitted" : "submission.submitted",
        entityType: "submission",
        entityId: row.id,
        after: {
          tier,
          asOf,
          previousSubmissionId: row.previousSubmissionId,
          evaluatedTier: snapshot.evaluation.tier,
          carriedVerdicts: carried,
        },
      });
      mails.push(...(await notify(tx, "reviewers", "submission.submitted", row.id, { organization: snapshot.organization.name, tier })));
      return row;
    })
    .catch((error: unknown) => {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === "submissions_one_open_per_organization" || constraint === "submissions_previous_once") {
        throw new ConflictError("a submission is already open", { messageKey: "submissions.errors.alreadyOpen" });
      }
      throw error;
    });
  await sendAll(mails);
  return submission;
}

/** Withdraws a submission no reviewer has claimed yet; once claimed it is the reviewer's. */
export async function withdrawSubmission(db: Database, { organizationId, actorId }: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(submissions)
      .set({ status: "withdrawn", version: sql`${submissions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(submissions.id, id), eq(submissions.organizationId, organizationId), eq(submissions.status, "submitted")))
      .returning({ id: submissions.id, tier: submissions.tier });
    if (!row) {
      const current = await findSubmission(tx, organizationId, id);
      throw new ConflictError(`submission is ${current.status}`, {
        messageKey: current.status === "claimed" ? "submissions.errors.alreadyClaimed" : "submissions.errors.notOpen",
      });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "submission.withdrawn",
      entityType: "submission",
      entityId: id,
      before: { status: "submitted" },
      after: { status: "withdrawn" },
    });
  });
}

const summaryColumns = {
  id: submissions.id,
  tier: submissions.tier,
  status: submissions.status,
  asOf: submissions.asOf,
  submittedAt: submissions.submittedAt,
  claimedAt: submissions.claimedAt,
  decidedAt: submissions.decidedAt,
  message: submissions.message,
  previousSubmissionId: submissions.previousSubmissionId,
  version: submissions.version,
};

function typed<T extends { tier: string; status: string }>(row: T) {
  return { ...row, tier: row.tier as SubmissionTier, status: row.status as SubmissionStatus };
}

/** The organization's submissions, newest first. */
export async function listSubmissions(db: Executor, organizationId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(submissions)
    .where(eq(submissions.organizationId, organizationId))
    .orderBy(desc(submissions.submittedAt));
  return rows.map(typed);
}

/** One submission of the organization; another organization's is "not found". */
export async function findSubmission(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(submissions)
    .where(and(eq(submissions.id, id), eq(submissions.organizationId, organizationId)));
  if (!row) throw new NotFoundError("submission");
  return typed(row);
}

/**
 * A submission as its partner sees it: the snapshot, and the reviewer's verdicts once a
 * decision has been made (work in progress stays the reviewer's).
 */
export async function getPartnerSubmission(db: Executor, organizationId: string, id: string) {
  const claimer = alias(users, "claimer");
  const [row] = await db
    .select({ ...summaryColumns, snapshot: submissions.snapshot, reviewerName: claimer.displayName })
    .from(submissions)
    .leftJoin(claimer, eq(claimer.id, submissions.claimedBy))
    .where(and(eq(submissions.id, id), eq(submissions.organizationId, organizationId)));
  if (!row) throw new NotFoundError("submission");
  const decided = row.decidedAt !== null;
  const next = alias(submissions, "next");
  const [verdicts, [award], [answer]] = await Promise.all([
    decided
      ? db
          .select({
            itemKind: evidenceReviews.itemKind,
            itemId: evidenceReviews.itemId,
            status: evidenceReviews.status,
            reason: evidenceReviews.reason,
          })
          .from(evidenceReviews)
          .where(eq(evidenceReviews.submissionId, id))
      : Promise.resolve([]),
    db.select().from(awards).where(eq(awards.submissionId, id)),
    db.select({ id: next.id }).from(next).where(eq(next.previousSubmissionId, id)),
  ]);
  return {
    ...typed(row),
    snapshot: row.snapshot as SubmissionSnapshot,
    verdicts,
    award: award ?? null,
    nextSubmissionId: answer?.id ?? null,
  };
}

/** The award in force on `asOf`, as lib/rules picks it from the organization's awards. */
export async function currentAward(db: Executor, organizationId: string, asOf: string) {
  const granted = await db
    .select({ tier: awards.tier, awardedOn: awards.awardedOn, anniversaryOn: awards.anniversaryOn, submissionId: awards.submissionId })
    .from(awards)
    .where(eq(awards.organizationId, organizationId))
    .orderBy(awards.createdAt);
  const award = awardInForce(granted, asOf);
  return award ? { ...award, tier: award.tier as SubmissionTier } : null;
}
