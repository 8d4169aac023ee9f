import type { Award } from "./award";
import type { CalendarDate } from "./dates";
import type { Evaluation, MissingGroups } from "./evaluate";
import type { ChangeCause, Forecast } from "./forecast";
import { NO_TIER, tierRank } from "./tiers";

/** One person's part of the way to the next tier: for each group, the exams any one of which fills it. */
export interface HeadlineStep {
  /** Null for somebody the partner does not have yet. */
  readonly personId: string | null;
  readonly role: string;
  readonly groups: MissingGroups;
}

/**
 * Where an organization stands on a day and what to do next, in one sentence's worth of facts:
 * the tier held and the first day it drops (if within the forecast), the next tier and what it
 * takes, and when the award in force must be renewed.
 */
export interface Headline {
  /** The tier met on the day, or "none". */
  readonly tier: string;
  /** The first forecast day on which the tier falls below `tier`, and why; null when it holds all the forecast. */
  readonly drop: { readonly on: CalendarDate; readonly to: string; readonly cause: ChangeCause | null } | null;
  /** The next tier up and what it takes; null when the highest tier is met. */
  readonly next: {
    readonly tier: string;
    /** Null when some slot can no longer be filled. */
    readonly exams: number | null;
    readonly revenueShortfallUsd: number;
    readonly steps: readonly HeadlineStep[];
  } | null;
  /** The anniversary of the award in force, by which it must be renewed; null without an award. */
  readonly renewalDueOn: CalendarDate | null;
}

/** The headline of an evaluation, its forecast and the award in force on the same day. */
export function headline(evaluation: Evaluation, forecast: Forecast, award: Award | null): Headline {
  const held = tierRank(evaluation.tier);
  const drop = evaluation.tier === NO_TIER ? undefined : forecast.changes.find((change) => tierRank(change.to) < held);
  const next = evaluation.nextTier;
  return {
    tier: evaluation.tier,
    drop: drop ? { on: drop.on, to: drop.to, cause: drop.causes[0]?.kind ?? null } : null,
    next: next && {
      tier: next.tier,
      exams: next.minimumAdditionalExams,
      revenueShortfallUsd: next.revenueShortfallUsd,
      steps: next.steps.map(({ personId, role, groups }) => ({ personId, role, groups })),
    },
    renewalDueOn: award?.anniversaryOn ?? null,
  };
}
