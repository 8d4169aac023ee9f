import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { evidenceReviews, type EvidenceKind, submissions } from "@/db/schema";
import type { SnapshotExamPass, SnapshotRevenueLine, SubmissionSnapshot } from "./snapshot-types";

/** What a verdict vouches for: the content of the pass or the line, whatever its version number. */
function passContent(pass: SnapshotExamPass): string {
  return JSON.stringify([
    pass.personId,
    pass.code,
    pass.passedOn,
    pass.certificationRef,
    pass.transcriptId ?? null,
    pass.transcriptCode ?? null,
  ]);
}

function lineContent(line: SnapshotRevenueLine): string {
  return JSON.stringify([line.reference, line.customer, line.product, line.amountCents, line.bookedOn, line.dporAssociated]);
}

/**
 * The items of `next` whose content is what `previous` held: their verdicts still say
 * something. (Version numbers cannot tell: a verdict flowing back onto a record moves its
 * version without changing what it says.)
 */
export function unchangedItems(previous: SubmissionSnapshot, next: SubmissionSnapshot): Set<string> {
  const before = new Map<string, string>([
    ...previous.examPasses.map((pass): [string, string] => [`exam_pass:${pass.id}`, passContent(pass)]),
    ...previous.revenueLines.map((line): [string, string] => [`revenue_line:${line.id}`, lineContent(line)]),
  ]);
  const unchanged = new Set<string>();
  for (const pass of next.examPasses) if (before.get(`exam_pass:${pass.id}`) === passContent(pass)) unchanged.add(`exam_pass:${pass.id}`);
  for (const line of next.revenueLines)
    if (before.get(`revenue_line:${line.id}`) === lineContent(line)) unchanged.add(`revenue_line:${line.id}`);
  return unchanged;
}

/**
 * Carries each verdict of the answered submission forward to its resubmission, for evidence
 * that has not changed since, keeping who gave it, when and why, and the round it was given
 * in. Evidence the partner changed needs a verdict again. Call it in the resubmission's
 * transaction.
 */
export async function carryVerdictsForward(
  tx: Executor,
  previousId: string,
  next: { id: string; snapshot: SubmissionSnapshot },
): Promise<number> {
  const [previous] = await tx.select({ snapshot: submissions.snapshot }).from(submissions).where(eq(submissions.id, previousId));
  if (!previous) return 0;
  const unchanged = unchangedItems(previous.snapshot as SubmissionSnapshot, next.snapshot);
  const verdicts = await tx.select().from(evidenceReviews).where(eq(evidenceReviews.submissionId, previousId));
  const carried = verdicts
    .filter((verdict) => unchanged.has(`${verdict.itemKind as EvidenceKind}:${verdict.itemId}`))
    .map((verdict) => ({
      submissionId: next.id,
      itemKind: verdict.itemKind,
      itemId: verdict.itemId,
      status: verdict.status,
      reason: verdict.reason,
      checkMethod: verdict.checkMethod,
      checkNote: verdict.checkNote,
      reviewerId: verdict.reviewerId,
      reviewedAt: verdict.reviewedAt,
      carriedFromSubmissionId: verdict.carriedFromSubmissionId ?? verdict.submissionId,
    }));
  if (carried.length > 0) await tx.insert(evidenceReviews).values(carried);
  return carried.length;
}
