import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  awards,
  type CheckMethod,
  type EvidenceKind,
  type EvidenceVerdict,
  type SubmissionStatus,
  type SubmissionTier,
  submissions,
  users,
} from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { ConflictError, NotFoundError } from "./errors";
import { submissionVerdicts } from "./review";
import type { SubmissionSnapshot } from "./snapshot-types";

/** The statuses a reviewer's decision leaves: a pack records a decision, so only these have one. */
const decidedStatuses: readonly SubmissionStatus[] = ["approved", "rejected", "changes_requested"];

export interface AuditPackVerdict {
  itemKind: EvidenceKind;
  itemId: string;
  status: EvidenceVerdict;
  reason: string | null;
  /** How a verified exam pass was checked (null for revenue lines and for verdicts given before it was recorded). */
  checkMethod: CheckMethod | null;
  checkNote: string | null;
  reviewerName: string;
  reviewedAt: Date;
  /** The round whose verdict this is, when it was carried forward unchanged; null when given in this round. */
  carriedFromRound: number | null;
}

/** Everything one decision rests on, as stored: the frozen evidence, each verdict and the decision. */
export interface AuditPackRecord {
  id: string;
  tier: SubmissionTier;
  status: SubmissionStatus;
  round: number;
  asOf: string;
  snapshot: SubmissionSnapshot;
  submittedAt: Date;
  submittedByName: string;
  decidedAt: Date;
  decidedByName: string;
  message: string | null;
  verdicts: AuditPackVerdict[];
  award: { tier: string; awardedOn: string; anniversaryOn: string } | null;
}

const submitter = alias(users, "submitter");
const decider = alias(users, "decider");

/**
 * A decided submission's record for its audit pack: any submission for a reviewer, one of
 * their own organization's for a partner admin (another's is "not found"). A submission not
 * yet decided has no decision to record.
 */
export async function loadAuditPack(db: Executor, user: SessionUser, id: string): Promise<AuditPackRecord> {
  requireRole(user, ["reviewer", "partner_admin"]);
  const [row] = await db
    .select({
      id: submissions.id,
      organizationId: submissions.organizationId,
      tier: submissions.tier,
      status: submissions.status,
      round: submissions.round,
      asOf: submissions.asOf,
      snapshot: submissions.snapshot,
      submittedAt: submissions.submittedAt,
      submittedByName: submitter.displayName,
      decidedAt: submissions.decidedAt,
      decidedByName: decider.displayName,
      message: submissions.message,
    })
    .from(submissions)
    .innerJoin(submitter, eq(submitter.id, submissions.submittedBy))
    .leftJoin(decider, eq(decider.id, submissions.decidedBy))
    .where(eq(submissions.id, id));
  if (!row || (user.role === "partner_admin" && row.organizationId !== user.organizationId)) throw new NotFoundError("submission");
  const status = row.status as SubmissionStatus;
  if (!decidedStatuses.includes(status) || !row.decidedAt) {
    throw new ConflictError("not decided yet", { messageKey: "auditPack.notDecided" });
  }
  const [verdicts, [award]] = await Promise.all([
    submissionVerdicts(db, id),
    db
      .select({ tier: awards.tier, awardedOn: awards.awardedOn, anniversaryOn: awards.anniversaryOn })
      .from(awards)
      .where(eq(awards.submissionId, id)),
  ]);
  return {
    id: row.id,
    tier: row.tier as SubmissionTier,
    status,
    round: row.round,
    asOf: row.asOf,
    snapshot: row.snapshot as SubmissionSnapshot,
    submittedAt: row.submittedAt,
    submittedByName: row.submittedByName,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName ?? "",
    message: row.message,
    verdicts,
    award: award ?? null,
  };
}
