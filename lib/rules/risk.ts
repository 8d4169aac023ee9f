import { cloudCrm } from "./cloud-crm";
import type { CalendarDate } from "./dates";
import type { ProgramDefinition } from "./definition";
import { type Evaluation, evaluate } from "./evaluate";
import type { Forecast, TierChange } from "./forecast";
import { applyChange } from "./impact";
import type { EvaluationInput } from "./schema";
import { NO_TIER } from "./tiers";

/** How fragile the tier met on `asOf` is, for the dashboard: who alone holds it, the spares, the headroom. */
export interface TierRisk {
  readonly tier: string;
  /**
   * Each person who alone holds a slot, the tier their departure today leaves, and the day of
   * their departure if one is already recorded (still to come: they count until then).
   */
  readonly critical: readonly { readonly personId: string; readonly dropsTo: string; readonly leavesOn: CalendarDate | null }[];
  /** Per role of the tier, the counted people qualified for it who stand in none of its slots. */
  readonly spares: Readonly<Record<string, number>>;
  readonly headroomUsd: number;
  /** The next forecast day on which the tier changes, if within the forecast. */
  readonly nextChange: TierChange | null;
}

/**
 * The risk to the highest tier met on `asOf`; null when no tier is met. Takes the evaluation
 * and forecast of `input` the caller already has, so neither is computed twice.
 */
export function tierRisk(
  input: EvaluationInput,
  evaluation: Evaluation,
  upcoming: Forecast,
  definition: ProgramDefinition = cloudCrm,
): TierRisk | null {
  if (evaluation.tier === NO_TIER) return null;
  const status = evaluation.tiers[evaluation.tier];
  const standing = new Set(Object.values(status.people.slots).flatMap((fill) => fill.personIds));
  const spares = Object.fromEntries(
    Object.keys(status.people.slots).map((role) => [
      role,
      evaluation.people.filter((person) => person.counts && person.qualifiesFor.includes(role) && !standing.has(person.id)).length,
    ]),
  );
  return {
    tier: evaluation.tier,
    critical: status.people.criticalPersonIds.map((personId) => ({
      personId,
      dropsTo: evaluate(applyChange(input, { kind: "departure", personId, on: input.asOf }), definition).tier,
      leavesOn: input.people.find((person) => person.id === personId)?.leftOn ?? null,
    })),
    spares,
    headroomUsd: status.revenue.headroomUsd,
    nextChange: upcoming.changes[0] ?? null,
  };
}
