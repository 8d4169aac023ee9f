import { type Assessment, matchingCandidates, type TierAssessment } from "./assessment";
import { fillSlots } from "./matching";

/**
 * The people who each alone hold `tier` up: with any one of them not counting, some slot of
 * the tier stays empty. Person indexes in input order; none when the slots are not all filled.
 *
 * Only someone standing in the tier's maximum assignment can be critical (the others leave it
 * intact), so at most `maxTotalSlots` matchings are tried, each over a bounded set of
 * candidates: one more of each kind of person than a matching ever needs.
 */
export function criticalPeople(assessment: Assessment, tier: TierAssessment): number[] {
  if (!tier.peopleMet) return [];
  const { program, counts, qualifies } = assessment;
  const candidates = matchingCandidates(program, counts, qualifies, program.maxTotalSlots + 1);
  const needed = tier.tier.needed.reduce((sum, count) => sum + count, 0);
  const standing = [...new Set(tier.slots.flat())].sort((a, b) => a - b);
  return standing.filter((person) => {
    const roles = candidates.roles.filter((_, index) => candidates.people[index] !== person);
    const filled = fillSlots(roles, tier.tier.needed).reduce((sum, members) => sum + members.length, 0);
    return filled < needed;
  });
}

/** How much counted revenue, in cents, can be lost before `tier`'s threshold fails; 0 when it is not met. */
export function revenueHeadroomCents(assessment: Assessment, tier: TierAssessment): number {
  return tier.revenueMet ? assessment.revenue.totalCents - tier.thresholdCents : 0;
}
