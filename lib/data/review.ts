import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db/client";
import {
  type CheckMethod,
  evidenceReviews,
  type EvidenceKind,
  type EvidenceVerdict,
  type Market,
  openSubmissionStatuses,
  organizations,
  people,
  type SubmissionStatus,
  type SubmissionTier,
  submissions,
  users,
} from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { sendAll } from "@/lib/mail/mailer";
import type { QueueFilter } from "@/lib/schemas/submissions";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { notify } from "./notifications";
import type { SubmissionSnapshot } from "./snapshot-types";

/** Somebody else has the submission: the action names them to the reviewer who asked. */
export class ClaimedByOtherError extends ConflictError {
  constructor(readonly claimedByName: string) {
    super(`already claimed by ${claimedByName}`, { messageKey: "review.errors.alreadyClaimed" });
    this.name = "ClaimedByOtherError";
  }
}

/** A case waiting longer than this many days is marked in the queue. */
export const reviewWaitWarningDays = 10;

const claimer = alias(users, "claimer");
const decider = alias(users, "decider");
const earlierRound = alias(submissions, "earlier_round");
const verdictGiver = alias(users, "verdict_giver");

/**
 * The reviewers' queue across every organization, oldest first: a reviewer's view, so it
 * asks for the reviewer rather than an organization id. Open submissions unless filtered.
 */
export async function listQueue(db: Executor, reviewer: SessionUser, filter: QueueFilter) {
  requireRole(reviewer, ["reviewer"]);
  const rows = await db
    .select({
      id: submissions.id,
      organizationName: organizations.name,
      market: organizations.market,
      tier: submissions.tier,
      status: submissions.status,
      submittedAt: submissions.submittedAt,
      claimedByName: claimer.displayName,
      resubmission: sql<boolean>`${submissions.previousSubmissionId} is not null`,
    })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .leftJoin(claimer, eq(claimer.id, submissions.claimedBy))
    .where(
      and(
        filter.status === "open"
          ? inArray(submissions.status, openSubmissionStatuses)
          : filter.status === "all"
            ? undefined
            : eq(submissions.status, filter.status),
        filter.tier ? eq(submissions.tier, filter.tier) : undefined,
        filter.market ? eq(organizations.market, filter.market) : undefined,
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(200);
  return rows.map((row) => ({
    ...row,
    tier: row.tier as SubmissionTier,
    status: row.status as SubmissionStatus,
    market: row.market as Market,
  }));
}

/** A submission with its snapshot, the verdicts so far and the snapshot it answers, for the case page. */
export async function getCase(db: Executor, reviewer: SessionUser, id: string) {
  requireRole(reviewer, ["reviewer"]);
  const [row] = await db
    .select({
      id: submissions.id,
      organizationId: submissions.organizationId,
      tier: submissions.tier,
      status: submissions.status,
      asOf: submissions.asOf,
      snapshot: submissions.snapshot,
      previousSubmissionId: submissions.previousSubmissionId,
      submittedAt: submissions.submittedAt,
      claimedBy: submissions.claimedBy,
      claimedByName: claimer.displayName,
      claimedAt: submissions.claimedAt,
      decidedByName: decider.displayName,
      decidedAt: submissions.decidedAt,
      message: submissions.message,
      version: submissions.version,
      round: submissions.round,
    })
    .from(submissions)
    .leftJoin(claimer, eq(claimer.id, submissions.claimedBy))
    .leftJoin(decider, eq(decider.id, submissions.decidedBy))
    .where(eq(submissions.id, id));
  if (!row) throw new NotFoundError("submission");
  const [verdicts, previous] = await Promise.all([
    submissionVerdicts(db, id),
    row.previousSubmissionId
      ? db
          .select({ id: submissions.id, snapshot: submissions.snapshot, message: submissions.message })
          .from(submissions)
          .where(eq(submissions.id, row.previousSubmissionId))
      : Promise.resolve([]),
  ]);
  const snapshot = row.snapshot as SubmissionSnapshot;
  return {
    ...row,
    tier: row.tier as SubmissionTier,
    status: row.status as SubmissionStatus,
    snapshot,
    mcidConflicts: await mcidConflicts(db, row.organizationId, snapshot),
    verdicts,
    previous: previous[0] ? { ...previous[0], snapshot: previous[0].snapshot as SubmissionSnapshot } : null,
  };
}

export type ReviewCase = Awaited<ReturnType<typeof getCase>>;

/** A submission's verdicts, oldest first: who gave each, when, how a pass was checked, and the round it was given in. */
export async function submissionVerdicts(db: Executor, submissionId: string) {
  const rows = await db
    .select({
      itemKind: evidenceReviews.itemKind,
      itemId: evidenceReviews.itemId,
      status: evidenceReviews.status,
      reason: evidenceReviews.reason,
      checkMethod: evidenceReviews.checkMethod,
      checkNote: evidenceReviews.checkNote,
      reviewerName: verdictGiver.displayName,
      reviewedAt: evidenceReviews.reviewedAt,
      /** The round the verdict was given in, when carried forward from an earlier one. */
      carriedFromRound: earlierRound.round,
    })
    .from(evidenceReviews)
    .innerJoin(verdictGiver, eq(verdictGiver.id, evidenceReviews.reviewerId))
    .leftJoin(earlierRound, eq(earlierRound.id, evidenceReviews.carriedFromSubmissionId))
    .where(eq(evidenceReviews.submissionId, submissionId))
    .orderBy(asc(evidenceReviews.reviewedAt), asc(evidenceReviews.id));
  return rows.map((verdict) => ({
    ...verdict,
    itemKind: verdict.itemKind as EvidenceKind,
    status: verdict.status as EvidenceVerdict,
    checkMethod: verdict.checkMethod as CheckMethod | null,
  }));
}

/**
 * The snapshot's MCIDs that other organizations record now, each with those organizations'
 * names: for reviewers only, who settle which organization an MCID counts for.
 */
export async function mcidConflicts(db: Executor, organizationId: string, snapshot: SubmissionSnapshot) {
  const byMcid = new Map(snapshot.people.filter((person) => person.mcid).map((person) => [person.mcid ?? "", person]));
  if (byMcid.size === 0) return [];
  const rows = await db
    .selectDistinct({
      mcid: people.mcid,
      organizationName: organizations.name,
      confirmed: sql<boolean>`${people.mcidConfirmedAt} is not null`,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(inArray(people.mcid, [...byMcid.keys()]), ne(people.organizationId, organizationId)))
    .orderBy(asc(people.mcid), asc(organizations.name));
  const conflicts = new Map<
    string,
    { mcid: string; personId: string; personName: string; organizations: string[]; confirmedElsewhere: string | null }
  >();
  for (const { mcid, organizationName, confirmed } of rows) {
    const person = mcid ? byMcid.get(mcid) : undefined;
    if (!mcid || !person) continue;
    const conflict = conflicts.get(mcid) ?? {
      mcid,
      personId: person.id,
      personName: person.name,
      organizations: [],
      confirmedElsewhere: null,
    };
    if (!conflict.organizations.includes(organizationName)) conflict.organizations.push(organizationName);
    // The holder confirmed it there, and not here: it counts for that organization.
    if (confirmed && !person.mcidConfirmed) conflict.confirmedElsewhere = organizationName;
    conflicts.set(mcid, conflict);
  }
  return [...conflicts.values()];
}

/**
 * Claims a submitted application. The conditional UPDATE is the lock: of two reviewers
 * claiming at once, the database lets one match `status = 'submitted'`; the other is told
 * who has it.
 */
export async function claimSubmission(db: Database, reviewer: SessionUser, id: string) {
  requireRole(reviewer, ["reviewer"]);
  const mails = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(submissions)
      .set({
        status: "claimed",
        claimedBy: reviewer.id,
        claimedAt: new Date(),
        version: sql`${submissions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(submissions.id, id), eq(submissions.status, "submitted")))
      .returning({ organizationId: submissions.organizationId, tier: submissions.tier });
    if (!claimed) throw await whyNotClaimable(tx, id);
    await recordAudit(tx, {
      organizationId: claimed.organizationId,
      actorUserId: reviewer.id,
      action: "submission.claimed",
      entityType: "submission",
      entityId: id,
      before: { status: "submitted" },
      after: { status: "claimed", claimedBy: reviewer.id },
    });
    const [organization] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, claimed.organizationId));
    return notify(tx, { partnerAdminsOf: claimed.organizationId }, "submission.claimed", id, {
      organization: organization.name,
      tier: claimed.tier,
      reviewer: reviewer.displayName,
    });
  });
  await sendAll(mails);
}

/**
 * Gives a claimed application back to the queue, for another reviewer (or the same one
 * later) to claim. Only the reviewer who holds the claim can release it; the verdicts
 * recorded so far stay with the submission, and the queue shows it as submitted again.
 */
export async function releaseSubmission(db: Database, reviewer: SessionUser, id: string) {
  requireRole(reviewer, ["reviewer"]);
  await db.transaction(async (tx) => {
    const [released] = await tx
      .update(submissions)
      .set({ status: "submitted", claimedBy: null, claimedAt: null, version: sql`${submissions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(submissions.id, id), eq(submissions.status, "claimed"), eq(submissions.claimedBy, reviewer.id)))
      .returning({ organizationId: submissions.organizationId });
    if (!released) throw await whyNotReleasable(tx, id);
    await recordAudit(tx, {
      organizationId: released.organizationId,
      actorUserId: reviewer.id,
      action: "submission.released",
      entityType: "submission",
      entityId: id,
      before: { status: "claimed", claimedBy: reviewer.id },
      after: { status: "submitted" },
    });
  });
}

/**
 * Why a reviewer's step was refused, from the submission's state now: another reviewer
 * holds it, the partner withdrew it, or it is decided. `whenSubmitted` answers for a
 * submission still waiting in the queue.
 */
async function refusal(tx: Executor, id: string, whenSubmitted: () => Error): Promise<Error> {
  const [current] = await tx
    .select({ status: submissions.status, claimedByName: claimer.displayName })
    .from(submissions)
    .leftJoin(claimer, eq(claimer.id, submissions.claimedBy))
    .where(eq(submissions.id, id));
  if (!current) return new NotFoundError("submission");
  if (current.status === "claimed") return new ClaimedByOtherError(current.claimedByName ?? "");
  if (current.status === "submitted") return whenSubmitted();
  if (current.status === "withdrawn") return new ConflictError("withdrawn", { messageKey: "review.errors.withdrawn" });
  return new ConflictError(`already ${current.status}`, { messageKey: "review.errors.alreadyDecided" });
}

/** The answer for a submission that is not (or no longer) `submitted`. */
export function whyNotClaimable(tx: Executor, id: string): Promise<Error> {
  return refusal(tx, id, () => new ConflictError("still submitted"));
}

/** The answer for a submission the reviewer does not (or no longer) hold a claim on. */
function whyNotReleasable(tx: Executor, id: string): Promise<Error> {
  return refusal(tx, id, () => new ConflictError("not claimed", { messageKey: "review.errors.notHeld" }));
}
