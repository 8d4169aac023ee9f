import { findExam, passStanding, rejectionOf } from "./catalogue";
import { addDays, type CalendarDate } from "./dates";
import { definitionChanges } from "./definition-changes";
import type { ProgramDefinition } from "./definition";
import { type Evaluation, evaluate } from "./evaluate";
import { programOf } from "./program";
import type { EvaluationInput } from "./schema";
import { forecastAcrossFromStart, type VersionedProgram, versionInForce } from "./versions";

/** A span of days on which the draft gives another tier than the published program. */
export interface TierDifference {
  readonly from: CalendarDate;
  /** The last day of the span within the year looked at; null when it lasts to its end. */
  readonly until: CalendarDate | null;
  readonly current: string;
  readonly draft: string;
  readonly cause: DifferenceCause;
}

/** Why the tiers differ on the span's first day, as the two evaluations of that day show it. */
export interface DifferenceCause {
  /** Exam codes whose passes count under the current program and not under the draft, and the other way. */
  readonly examsNoLongerCounting: readonly string[];
  readonly examsNowCounting: readonly string[];
  /** People who qualify for a role under one and not under the other. */
  readonly rolesLost: readonly { readonly personId: string; readonly role: string }[];
  readonly rolesGained: readonly { readonly personId: string; readonly role: string }[];
  /** Tiers whose slots or revenue threshold differ between the two definitions in force that day. */
  readonly requirementsChanged: readonly string[];
}

export interface ProgramImpact {
  /** The tier today under each. */
  readonly today: { readonly current: string; readonly draft: string };
  readonly differences: readonly TierDifference[];
}

/** The tier on each day it changes, from `asOf`: the first entry is `asOf` itself. */
function tierTimeline(input: EvaluationInput, program: VersionedProgram, until: CalendarDate) {
  const { forecast, startTier } = forecastAcrossFromStart(input, program, { until });
  return [{ on: input.asOf, tier: startTier }, ...forecast.changes.map((change) => ({ on: change.on, tier: change.to }))];
}

/** The published timeline up to the day before `from`, then the draft's from `from` on. */
function timelineFrom(
  input: EvaluationInput,
  published: readonly { on: CalendarDate; tier: string }[],
  draft: VersionedProgram,
  from: CalendarDate,
  until: CalendarDate,
) {
  const later = from < until ? until : undefined;
  const { forecast, startTier } = forecastAcrossFromStart({ ...input, asOf: from }, draft, later ? { until: later } : {});
  const changes = later ? forecast.changes : [];
  return [
    ...published.filter((entry) => entry.on < from),
    { on: from, tier: startTier },
    ...changes.map((change) => ({ on: change.on, tier: change.to })),
  ];
}

function tierOn(timeline: readonly { on: CalendarDate; tier: string }[], day: CalendarDate): string {
  let tier = timeline[0].tier;
  for (const entry of timeline) {
    if (entry.on > day) break;
    tier = entry.tier;
  }
  return tier;
}

/**
 * What a draft would do to one organization: its tier today and on every day of the year
 * ahead under the published program and under the program with the draft added, and where
 * they differ, why. Null when the draft changes nothing for it. Each timeline is a forecast
 * across versions, so only the days a record or a version starts or stops counting are looked at.
 * `differsFrom` is the draft's first day, when the two programs are the same but for the version
 * in force from that day (`programWithDraft`): before it, and before the first day the draft can
 * change this organization's tier (`firstDayOfEffect`), the draft's timeline is the published
 * one's, and only what follows is forecast again.
 */
export function programImpact(
  input: EvaluationInput,
  current: VersionedProgram,
  draft: VersionedProgram,
  until: CalendarDate,
  differsFrom?: CalendarDate,
): ProgramImpact | null {
  const before = tierTimeline(input, current, until);
  let after: typeof before;
  if (differsFrom && differsFrom > input.asOf && differsFrom <= until) {
    const [published, drafted] = [versionInForce(current, differsFrom).definition, versionInForce(draft, differsFrom).definition];
    const first = firstDayOfEffect(input, published, drafted, differsFrom);
    // The versions after the draft's are the published program's: from the next one on, the two agree.
    const next = draft.versions.find((version) => version.effectiveFrom !== null && version.effectiveFrom > differsFrom)?.effectiveFrom;
    if (first === null || first > until || (next != null && first >= next)) return null;
    after = timelineFrom(input, before, draft, first, until);
  } else {
    after = tierTimeline(input, draft, until);
  }
  const days = [...new Set([...before, ...after].map((entry) => entry.on))].sort();
  const differences: TierDifference[] = [];
  let open: Omit<TierDifference, "until"> | null = null;
  const close = (until: CalendarDate | null) => {
    if (open) differences.push({ ...open, until });
    open = null;
  };
  for (const [index, day] of days.entries()) {
    const [was, willBe] = [tierOn(before, day), tierOn(after, day)];
    if (open && open.current === was && open.draft === willBe) continue;
    close(previousDay(days, index));
    if (was !== willBe) open = { from: day, current: was, draft: willBe, cause: causeOn(input, day, current, draft) };
  }
  close(null);
  if (differences.length === 0) return null;
  return { today: { current: before[0].tier, draft: after[0].tier }, differences };
}

const comparisons = new WeakMap<ProgramDefinition, WeakMap<ProgramDefinition, ReadonlySet<string> | "more">>();

/** The codes of the exams whose dates differ between `a` and `b`, or "more" when they differ in more (computed once per pair). */
function examsWithOtherDates(a: ProgramDefinition, b: ProgramDefinition): ReadonlySet<string> | "more" {
  let withA = comparisons.get(a);
  if (!withA) comparisons.set(a, (withA = new WeakMap()));
  let found = withA.get(b);
  if (found === undefined) {
    found = compareExams(a, b);
    withA.set(b, found);
  }
  return found;
}

const examDate = /^catalogue\[([^\]]+)\]\.(availableFrom|retiredOn|acceptedUntil)$/;
const title = /(^|\.)title(\.|$)/;

function compareExams(a: ProgramDefinition, b: ProgramDefinition): ReadonlySet<string> | "more" {
  const changed = new Set<string>();
  for (const { path } of definitionChanges(a, b)) {
    if (title.test(path)) continue;
    const date = examDate.exec(path);
    if (!date) return "more";
    changed.add(date[1]);
  }
  return changed;
}

/**
 * The first day on or after `from` on which `a` and `b` can give this organization different
 * tiers, or null when they cannot. When the two differ in more than their exams' dates and
 * titles (a tier, a role, a group, a threshold, an exam's group), that is `from`. Otherwise
 * it is the first day one of its passes of an exam whose dates differ counts under one and
 * not under the other: a pass one rejects and the other does not, from its date; a pass whose
 * acceptance ends on different days, from the day after the earlier end; never once its
 * person has left.
 */
export function firstDayOfEffect(
  input: EvaluationInput,
  a: ProgramDefinition,
  b: ProgramDefinition,
  from: CalendarDate,
): CalendarDate | null {
  if (a === b) return null;
  const changed = examsWithOtherDates(a, b);
  if (changed === "more") return from;
  const [programA, programB] = [programOf(a), programOf(b)];
  let first: CalendarDate | null = null;
  for (const person of input.people) {
    for (const pass of person.exams) {
      const [underA, underB] = [findExam(programA, pass.code)?.exam, findExam(programB, pass.code)?.exam];
      if (!underA || !underB || !changed.has(underA.code)) continue;
      let day: CalendarDate | null;
      if (rejectionOf(underA, pass.passedOn) !== rejectionOf(underB, pass.passedOn)) day = pass.passedOn;
      else if (rejectionOf(underA, pass.passedOn) !== null || underA.acceptedUntil === underB.acceptedUntil) day = null;
      else {
        const ends = [underA.acceptedUntil, underB.acceptedUntil].filter((end): end is CalendarDate => end !== null).sort();
        day = ends[0] < pass.passedOn ? pass.passedOn : addDays(ends[0], 1);
      }
      if (day === null) continue;
      if (day < from) day = from;
      if (person.leftOn != null && person.leftOn <= day) continue;
      if (first === null || day < first) first = day;
    }
  }
  return first;
}

function previousDay(days: readonly CalendarDate[], index: number): CalendarDate | null {
  return index === 0 ? null : addDays(days[index], -1);
}

function causeOn(input: EvaluationInput, day: CalendarDate, current: VersionedProgram, draft: VersionedProgram): DifferenceCause {
  const dated = { ...input, asOf: day };
  const [old, next] = [versionInForce(current, day).definition, versionInForce(draft, day).definition];
  const [was, willBe] = [evaluate(dated, old), evaluate(dated, next)];
  return {
    examsNoLongerCounting: countedOnlyUnder(dated, old, next),
    examsNowCounting: countedOnlyUnder(dated, next, old),
    rolesLost: rolesOnlyIn(was, willBe),
    rolesGained: rolesOnlyIn(willBe, was),
    requirementsChanged: changedTiers(old, next),
  };
}

/** The codes of passes that count on `input.asOf` under `a` and not under `b`. */
function countedOnlyUnder(input: EvaluationInput, a: ProgramDefinition, b: ProgramDefinition): string[] {
  if (a === b) return [];
  const [programA, programB] = [programOf(a), programOf(b)];
  const codes = new Set<string>();
  for (const person of input.people) {
    const personCounts = person.leftOn == null || person.leftOn > input.asOf;
    for (const pass of person.exams) {
      const underA = findExam(programA, pass.code);
      const underB = findExam(programB, pass.code);
      const countsUnder = (exam: typeof underA) => passStanding(exam?.exam, pass.passedOn, input.asOf, personCounts) === "counts";
      if (underA && countsUnder(underA) && !countsUnder(underB)) codes.add(underA.exam.code);
    }
  }
  return [...codes].sort();
}

function rolesOnlyIn(a: Evaluation, b: Evaluation) {
  const inB = new Map(b.people.map((person) => [person.id, new Set(person.qualifiesFor)]));
  return a.people.flatMap((person) =>
    person.qualifiesFor.filter((role) => !inB.get(person.id)?.has(role)).map((role) => ({ personId: person.id, role })),
  );
}

function changedTiers(a: ProgramDefinition, b: ProgramDefinition): string[] {
  if (a === b) return [];
  return a.tiers
    .filter((tier) => {
      const other = b.tiers.find((candidate) => candidate.id === tier.id);
      return (
        !other || JSON.stringify([tier.slots, tier.revenueThresholdCents]) !== JSON.stringify([other.slots, other.revenueThresholdCents])
      );
    })
    .map((tier) => tier.id);
}
