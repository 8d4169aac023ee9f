import type { EvidenceKind, EvidenceVerdict } from "@/db/schema";
import { type Evaluation, evaluate, explain, isApprovable, type Locale, type TierExplanation } from "@/lib/rules";
import type { SubmissionSnapshot } from "./snapshot-types";
import { snapshotDefinition, snapshotInput } from "./snapshot";

export interface Verdict {
  itemKind: EvidenceKind;
  itemId: string;
  status: EvidenceVerdict;
  reason?: string | null;
}

export interface CaseEvaluation {
  /** The submitted tier's explanation on the snapshot, as the partner's evidence stood. */
  submitted: TierExplanation;
  /** The snapshot without the rejected evidence: does the tier still hold if the rest checks out? */
  withoutRejected: Evaluation;
  /** Only the evidence a reviewer verified: approval needs the tier to hold on this alone. */
  verifiedOnly: Evaluation;
  tierHoldsWithoutRejected: boolean;
  /** The tier holds on verified evidence alone. */
  holdsOnVerified: boolean;
  /** How many items the reviewer must look at still lack a verdict. */
  remaining: number;
  /** Every item to review has a verdict, and the tier holds on the verified ones. */
  approvable: boolean;
  /** What the reviewer must look at: the passes filling the tier's slots and the counted revenue, now or at submission. */
  toReview: { examPassIds: string[]; revenueIds: string[] };
}

function ids(verdicts: readonly Verdict[], kind: EvidenceKind, keep: (status: EvidenceVerdict) => boolean): Set<string> {
  return new Set(verdicts.filter((verdict) => verdict.itemKind === kind && keep(verdict.status)).map((verdict) => verdict.itemId));
}

function slotPassIds(explanation: TierExplanation | undefined): string[] {
  return (explanation?.reasons ?? []).filter((reason) => reason.kind === "slots").flatMap((reason) => reason.evidence.examPassIds);
}

/**
 * The review's re-evaluation: lib/rules on the snapshot with rejected evidence removed, and
 * on verified evidence alone. Pure, so the case page and the approval refuse alike.
 */
export function evaluateCase(snapshot: SubmissionSnapshot, tier: string, verdicts: readonly Verdict[], locale: Locale): CaseEvaluation {
  const rejected = {
    examPassIds: ids(verdicts, "exam_pass", (s) => s === "rejected"),
    revenueIds: ids(verdicts, "revenue_line", (s) => s === "rejected"),
  };
  const verifiedPasses = ids(verdicts, "exam_pass", (s) => s === "verified");
  const verifiedRevenue = ids(verdicts, "revenue_line", (s) => s === "verified");
  const unverified = {
    examPassIds: new Set(snapshot.examPasses.map((pass) => pass.id).filter((id) => !verifiedPasses.has(id))),
    revenueIds: new Set(snapshot.revenueLines.map((line) => line.id).filter((id) => !verifiedRevenue.has(id))),
  };

  const definition = snapshotDefinition(snapshot);
  const submitted = explain(snapshotInput(snapshot), { locale, definition });
  const withoutRejected = explain(snapshotInput(snapshot, rejected), { locale, definition });
  const verifiedOnly = evaluate(snapshotInput(snapshot, unverified), definition);
  const tierOf = (explanation: typeof submitted) => explanation.tiers.find((candidate) => candidate.tier === tier);

  const examPassIds = new Set([...slotPassIds(tierOf(submitted)), ...slotPassIds(tierOf(withoutRejected))]);
  const revenueIds = new Set([...submitted.evaluation.revenue.countedIds, ...rejected.revenueIds]);
  const submittedTier = tierOf(submitted);
  if (!submittedTier) throw new Error(`submission tier ${tier} is not a tier of the competency`);
  const toReview = {
    examPassIds: snapshot.examPasses.map((pass) => pass.id).filter((id) => examPassIds.has(id) || rejected.examPassIds.has(id)),
    revenueIds: snapshot.revenueLines.map((line) => line.id).filter((id) => revenueIds.has(id)),
  };
  const judged = new Set(verdicts.map((verdict) => `${verdict.itemKind}:${verdict.itemId}`));
  const remaining =
    toReview.examPassIds.filter((id) => !judged.has(`exam_pass:${id}`)).length +
    toReview.revenueIds.filter((id) => !judged.has(`revenue_line:${id}`)).length;
  const holdsOnVerified = isApprovable(verifiedOnly, tier);
  return {
    submitted: submittedTier,
    withoutRejected: withoutRejected.evaluation,
    verifiedOnly,
    tierHoldsWithoutRejected: withoutRejected.evaluation.tiers[tier]?.met === true,
    holdsOnVerified,
    remaining,
    approvable: holdsOnVerified && remaining === 0,
    toReview,
  };
}
