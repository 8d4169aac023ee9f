import { type Assessment, assess, missingGroups, type RejectedPass, type TierAssessment } from "./assessment";
import { criticalPeople, revenueHeadroomCents } from "./resilience";
import { cloudCrm } from "./cloud-crm";
import type { CalendarDate } from "./dates";
import type { ProgramDefinition } from "./definition";
import { usdFromCents } from "./money";
import { minimumExamPlan } from "./plan";
import type { EvaluationInput } from "./schema";
import { NO_TIER } from "./tiers";

/** The contract's output (shared/contracts/rules-cli.md), key for key. */
export interface Evaluation {
  readonly competency: string;
  readonly asOf: CalendarDate;
  /** The id of the highest tier met, or "none". */
  readonly tier: string;
  readonly revenue: {
    readonly totalUsd: number;
    readonly windowStart: CalendarDate;
    readonly windowEnd: CalendarDate;
    readonly countedIds: readonly string[];
  };
  readonly tiers: Readonly<Record<string, TierStatus>>;
  readonly people: readonly PersonStatus[];
  readonly rejected: readonly RejectedPass[];
  readonly nextTier: NextTier | null;
}

export interface TierStatus {
  readonly met: boolean;
  readonly revenue: {
    readonly met: boolean;
    readonly thresholdUsd: number;
    readonly totalUsd: number;
    readonly shortfallUsd: number;
    /** How much counted revenue can be lost before the threshold fails; 0 when it is not met. */
    readonly headroomUsd: number;
  };
  readonly people: {
    readonly met: boolean;
    /** Those whose departure alone would leave a slot empty, in input order; none when the slots are not all filled. */
    readonly criticalPersonIds: readonly string[];
    readonly slots: Readonly<Record<string, SlotFill>>;
  };
}

export interface SlotFill {
  readonly needed: number;
  readonly filled: number;
  readonly personIds: readonly string[];
}

/** Each missing group is the list of exam codes that can still be passed, sorted. */
export type MissingGroups = readonly (readonly string[])[];

export interface PersonStatus {
  readonly id: string;
  readonly counts: boolean;
  readonly qualifiesFor: readonly string[];
  readonly missing: Readonly<Record<string, MissingGroups>>;
}

export interface NextTier {
  readonly tier: string;
  readonly revenueShortfallUsd: number;
  /** Null only when some slot can no longer be filled: a group has no exam left to pass. */
  readonly minimumAdditionalExams: number | null;
  readonly steps: readonly PlanStepView[];
}

export interface PlanStepView {
  /** Null for somebody the partner does not have yet. */
  readonly personId: string | null;
  readonly role: string;
  readonly groups: MissingGroups;
}

/**
 * The competency at `input.asOf`: which tier is held, who fills which slot, what each person is
 * missing, and the fewest exams that reach the next tier. The result shares read-only lists
 * between people who stand alike; do not mutate it.
 */
export function evaluate(input: EvaluationInput, definition: ProgramDefinition = cloudCrm): Evaluation {
  return evaluationOf(assess(input, definition));
}

export function evaluationOf(assessment: Assessment): Evaluation {
  const { program, input, window, revenue, tiers, reached } = assessment;
  const totalUsd = usdFromCents(revenue.totalCents);
  return {
    competency: program.definition.id,
    asOf: input.asOf,
    tier: reached === -1 ? NO_TIER : tiers[reached].tier.tier.id,
    revenue: { totalUsd, windowStart: window.start, windowEnd: window.end, countedIds: revenue.countedIds },
    tiers: Object.fromEntries(tiers.map((tier) => [tier.tier.tier.id, tierStatus(assessment, tier, totalUsd)])),
    people: personStatuses(assessment),
    rejected: assessment.rejected,
    nextTier: nextTier(assessment),
  };
}

function tierStatus(assessment: Assessment, tier: TierAssessment, totalUsd: number): TierStatus {
  const { roles } = assessment.program.definition;
  const { people } = assessment.input;
  const slots: Record<string, SlotFill> = {};
  roles.forEach((role, index) => {
    if (!(role.id in tier.tier.tier.slots)) return;
    const personIds = tier.slots[index].map((person) => people[person].id);
    slots[role.id] = { needed: tier.tier.needed[index], filled: personIds.length, personIds };
  });
  return {
    met: tier.met,
    revenue: {
      met: tier.revenueMet,
      thresholdUsd: usdFromCents(tier.thresholdCents),
      totalUsd,
      shortfallUsd: usdFromCents(shortfallCents(assessment, tier)),
      headroomUsd: usdFromCents(revenueHeadroomCents(assessment, tier)),
    },
    people: { met: tier.peopleMet, criticalPersonIds: criticalPeople(assessment, tier).map((person) => people[person].id), slots },
  };
}

function shortfallCents(assessment: Assessment, tier: TierAssessment): number {
  return Math.max(0, tier.thresholdCents - assessment.revenue.totalCents);
}

const nothing = Object.freeze([]);
const nothingMissing = Object.freeze({});

function personStatuses(assessment: Assessment): PersonStatus[] {
  const { program, input, counts, held, qualifies } = assessment;
  const { roles } = program.definition;
  // People who hold the same groups stand alike: their lists are built once and shared.
  const byGroups = new Map<number, Pick<PersonStatus, "qualifiesFor" | "missing">>();
  const statuses = new Array<PersonStatus>(input.people.length);
  for (let index = 0; index < statuses.length; index++) {
    const id = input.people[index].id;
    if (counts[index] === 0) {
      statuses[index] = { id, counts: false, qualifiesFor: nothing, missing: nothingMissing };
      continue;
    }
    let standing = byGroups.get(held[index]);
    if (!standing) {
      const qualifiesFor: string[] = [];
      const missing: Record<string, MissingGroups> = {};
      roles.forEach((role, roleIndex) => {
        if (qualifies[index] & (1 << roleIndex)) qualifiesFor.push(role.id);
        else missing[role.id] = Object.freeze(missingGroups(assessment, roleIndex, held[index]));
      });
      standing = { qualifiesFor: Object.freeze(qualifiesFor), missing: Object.freeze(missing) };
      byGroups.set(held[index], standing);
    }
    statuses[index] = { id, counts: true, qualifiesFor: standing.qualifiesFor, missing: standing.missing };
  }
  return statuses;
}

function nextTier(assessment: Assessment): NextTier | null {
  const { program, input, tiers, reached } = assessment;
  // The contract: null when the highest tier is held, else the lowest tier not met.
  const target = tiers.find((tier) => !tier.met);
  if (reached === tiers.length - 1 || !target) return null;
  const people: number[] = [];
  assessment.counts.forEach((counts, person) => {
    if (counts === 1) people.push(person);
  });
  const plan = minimumExamPlan(program, target.tier, people, assessment.held, assessment.blockedGroups);
  return {
    tier: target.tier.tier.id,
    revenueShortfallUsd: usdFromCents(shortfallCents(assessment, target)),
    minimumAdditionalExams: plan ? plan.exams : null,
    steps: (plan?.steps ?? []).map((step) => ({
      personId: step.person === null ? null : input.people[step.person].id,
      role: program.definition.roles[step.role].id,
      groups: missingGroups(assessment, step.role, step.person === null ? 0 : assessment.held[step.person]),
    })),
  };
}
