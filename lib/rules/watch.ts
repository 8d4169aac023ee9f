import { type Award, awardInForce, renewalOpensOn } from "./award";
import { findExam } from "./catalogue";
import { cloudCrm } from "./cloud-crm";
import { addDays, type CalendarDate, dayNumber } from "./dates";
import type { ProgramDefinition } from "./definition";
import type { Evaluation } from "./evaluate";
import type { Forecast } from "./forecast";
import { programOf } from "./program";
import { type EvaluationInput, examPassId } from "./schema";
import { NO_TIER, tierRank } from "./tiers";

/**
 * What the daily watch warns an organization about. Each cause has a key that names it and
 * its threshold exactly, so the same cause seen again (another day, a retry, a second
 * worker) is recognised as already raised.
 */
export const ALERT_KINDS = [
  "tier-lost",
  "tier-ending",
  "sole-holder",
  "holder-leaving",
  "exam-expiring",
  "renewal-open",
  "renewal-due",
  "award-lapsed",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Days before a tier ends at which it is announced again, widest first. */
export const TIER_ENDING_THRESHOLDS = [90, 30, 7] as const;
/** Days before an award's anniversary at which its renewal is recalled. */
export const RENEWAL_DUE_THRESHOLDS = [30, 7] as const;
/** How far ahead an exam that stops counting is announced. */
export const EXAM_EXPIRING_DAYS = 90;

export interface AlertCause {
  readonly kind: AlertKind;
  /** Names the cause and its threshold: unique among an organization's open alerts. */
  readonly key: string;
  /** The tier at stake (for award alerts, the award's tier). */
  readonly tier: string | null;
  /** The day at stake: when the tier ends, the person leaves, the exam stops counting, the anniversary. */
  readonly on: CalendarDate | null;
  /** For alerts repeated as a day approaches: the number of days it was announced at. */
  readonly threshold: number | null;
  /** The people concerned, in input order. */
  readonly personIds: readonly string[];
  /** The exam passes and revenue lines concerned. */
  readonly evidenceIds: readonly string[];
  /** The exam concerned, for exam alerts. */
  readonly examCode: string | null;
}

/** An alert already raised and not yet resolved, as the watch finds it. */
export interface OpenAlert {
  readonly key: string;
  readonly kind: AlertKind;
  readonly tier: string | null;
}

export interface WatchFacts {
  /** The evidence, with `asOf` the day of the watch. */
  readonly input: EvaluationInput;
  readonly evaluation: Evaluation;
  /** The forecast from `input.asOf`, a year ahead. */
  readonly forecast: Forecast;
  readonly awards: readonly Award[];
  /** The tier the previous watch found, or null when the organization was never watched. */
  readonly previousTier: string | null;
  readonly open: readonly OpenAlert[];
}

/** The smallest threshold that `days` has reached, or null when it is beyond the widest. */
function thresholdReached(days: number, thresholds: readonly number[]): number | null {
  const reached = thresholds.filter((threshold) => days <= threshold);
  return reached.length === 0 ? null : Math.min(...reached);
}

const daysBetween = (from: CalendarDate, to: CalendarDate) => dayNumber(to) - dayNumber(from);

function tierAlerts({ input, evaluation, forecast, previousTier, open }: WatchFacts): AlertCause[] {
  const today = input.asOf;
  const causes: AlertCause[] = [];
  const none = { personIds: [], evidenceIds: [], examCode: null, threshold: null } as const;

  if (previousTier !== null && tierRank(previousTier) > tierRank(evaluation.tier)) {
    causes.push({ ...none, kind: "tier-lost", key: `tier-lost:${previousTier}:${today}`, tier: previousTier, on: today });
  }
  // A loss stays an alert until the tier is met again.
  for (const alert of open) {
    if (alert.kind === "tier-lost" && alert.tier !== null && tierRank(alert.tier) > tierRank(evaluation.tier)) {
      if (!causes.some((cause) => cause.key === alert.key))
        causes.push({ ...none, kind: "tier-lost", key: alert.key, tier: alert.tier, on: null });
    }
  }

  const drop = forecast.changes.find((change) => tierRank(change.to) < tierRank(change.from));
  if (drop) {
    const threshold = thresholdReached(daysBetween(today, drop.on), TIER_ENDING_THRESHOLDS);
    if (threshold !== null) {
      causes.push({
        ...none,
        kind: "tier-ending",
        key: `tier-ending:${drop.from}:${drop.on}:${threshold}`,
        tier: drop.from,
        on: drop.on,
        threshold,
        personIds: drop.causes.filter((cause) => cause.kind === "person-left").flatMap((cause) => cause.ids),
        // A new version of the program is no evidence of the organization's.
        evidenceIds: drop.causes
          .filter((cause) => cause.kind !== "person-left" && cause.kind !== "requirements-changed")
          .flatMap((cause) => cause.ids),
      });
    }
  }
  return causes;
}

function peopleAlerts({ input, evaluation }: WatchFacts, definition: ProgramDefinition): AlertCause[] {
  if (evaluation.tier === NO_TIER) return [];
  const today = input.asOf;
  const tier = evaluation.tiers[evaluation.tier];
  const causes: AlertCause[] = [];

  // A tier has a few critical people at most: each is looked up, rather than every person indexed.
  for (const personId of tier.people.criticalPersonIds) {
    const base = { tier: evaluation.tier, threshold: null, personIds: [personId], evidenceIds: [], examCode: null };
    causes.push({ ...base, kind: "sole-holder", key: `sole-holder:${evaluation.tier}:${personId}`, on: null });
    const leftOn = input.people.find((person) => person.id === personId)?.leftOn;
    if (leftOn != null && leftOn > today) {
      causes.push({ ...base, kind: "holder-leaving", key: `holder-leaving:${evaluation.tier}:${personId}:${leftOn}`, on: leftOn });
    }
  }

  // The passes of the people standing in the tier's slots whose exam stops counting soon.
  const program = programOf(definition);
  // A few people stand in the slots: each is looked up, and they are taken in input order.
  const standing = new Set(Object.values(tier.people.slots).flatMap((fill) => fill.personIds));
  const positions = [...standing].map((id) => input.people.findIndex((person) => person.id === id)).filter((at) => at >= 0);
  const horizon = addDays(today, EXAM_EXPIRING_DAYS);
  for (const at of positions.sort((a, b) => a - b)) {
    const person = input.people[at];
    person.exams.forEach((pass, index) => {
      const exam = findExam(program, pass.code)?.exam;
      const until = exam?.acceptedUntil;
      if (!exam || until == null || pass.passedOn > today || until < today || until > horizon) return;
      const id = examPassId(person, index);
      causes.push({
        kind: "exam-expiring",
        key: `exam-expiring:${id}:${until}`,
        tier: evaluation.tier,
        on: until,
        threshold: EXAM_EXPIRING_DAYS,
        personIds: [person.id],
        evidenceIds: [id],
        examCode: exam.code,
      });
    });
  }
  return causes;
}

/** Awards are keyed by their anniversary: an organization holds one award per term. */
function awardAlerts({ input, awards }: WatchFacts): AlertCause[] {
  const today = input.asOf;
  const none = { personIds: [], evidenceIds: [], examCode: null } as const;
  const current = awardInForce(awards, today);
  if (current) {
    const renewed = awards.some((award) => award.awardedOn > current.awardedOn);
    if (renewed || today < renewalOpensOn(current)) return [];
    const causes: AlertCause[] = [
      {
        ...none,
        kind: "renewal-open",
        key: `renewal-open:${current.anniversaryOn}`,
        tier: current.tier,
        on: current.anniversaryOn,
        threshold: null,
      },
    ];
    const threshold = thresholdReached(daysBetween(today, current.anniversaryOn), RENEWAL_DUE_THRESHOLDS);
    if (threshold !== null) {
      causes.push({
        ...none,
        kind: "renewal-due",
        key: `renewal-due:${current.anniversaryOn}:${threshold}`,
        tier: current.tier,
        on: current.anniversaryOn,
        threshold,
      });
    }
    return causes;
  }
  const lapsed = lastLapsedAward(awards, today);
  if (!lapsed) return [];
  return [
    {
      ...none,
      kind: "award-lapsed",
      key: `award-lapsed:${lapsed.anniversaryOn}`,
      tier: lapsed.tier,
      on: addDays(lapsed.anniversaryOn, 1),
      threshold: null,
    },
  ];
}

/** The latest award, when its anniversary has passed and no award is in force on `asOf`. */
export function lastLapsedAward<A extends Award>(awards: readonly A[], asOf: CalendarDate): A | null {
  if (awardInForce(awards, asOf)) return null;
  let latest: A | null = null;
  for (const award of awards) if (award.anniversaryOn < asOf && (!latest || award.anniversaryOn > latest.anniversaryOn)) latest = award;
  return latest;
}

/**
 * Every alert that holds for the organization on the day of `facts.input.asOf`, in a fixed
 * order: the watch raises those whose key is new and resolves the open ones not listed.
 */
export function watchAlerts(facts: WatchFacts, definition: ProgramDefinition = cloudCrm): AlertCause[] {
  return [...tierAlerts(facts), ...peopleAlerts(facts, definition), ...awardAlerts(facts)];
}
