import { rolesHeld } from "./assessment";
import { findExam, rejectionOf } from "./catalogue";
import { cloudCrm } from "./cloud-crm";
import { type CalendarDate, dateOfDayNumber, dayNumber, sameDateYearsLater } from "./dates";
import type { ProgramDefinition } from "./definition";
import { fillSlots } from "./matching";
import { type Program, programOf } from "./program";
import { ineligibility } from "./revenue";
import { type EvaluationInput, examPassId, forecastUntilIssue } from "./schema";
import { NO_TIER } from "./tiers";
import { firstDayOutsideWindow } from "./window";

/** What changed on a day, in the order causes are listed. */
export const CHANGE_CAUSES = [
  "revenue-expired",
  "revenue-entered",
  "exam-no-longer-accepted",
  "exam-passed",
  "person-left",
  // A later version of the program comes into force (`forecastAcross`); its id is the cause's.
  "requirements-changed",
] as const;
export type ChangeCause = (typeof CHANGE_CAUSES)[number];

export interface TierChange {
  readonly on: CalendarDate;
  readonly from: string;
  readonly to: string;
  /** Ids of revenue lines, exam passes (`exam-*`), people (`person-left`) or a program version (`requirements-changed`). */
  readonly causes: readonly { readonly kind: ChangeCause; readonly ids: readonly string[] }[];
}

export interface Forecast {
  readonly asOf: CalendarDate;
  readonly until: CalendarDate;
  readonly changes: readonly TierChange[];
}

/** A record that starts or stops counting on `day`: a revenue line moves the total... */
interface RevenueTransition {
  readonly day: number;
  readonly cause: ChangeCause;
  readonly id: string;
  readonly cents: number;
}

/** ...an exam pass moves one person's count of passes in one group. */
interface PassTransition {
  readonly day: number;
  readonly cause: ChangeCause;
  readonly id: string;
  readonly person: number;
  readonly group: number;
  readonly delta: 1 | -1;
}

type Transition = RevenueTransition | PassTransition;

/**
 * The days after `asOf`, up to `until` (default and latest: one year after `asOf`), on which the
 * tier changes if nothing new is recorded: revenue leaving (or, dated in the future, entering)
 * the window, an exam ceasing to be accepted, a recorded departure, a pass dated in the future.
 *
 * Every record counts on an interval of days, so only the ends of those intervals can change
 * the tier: the state is carried from one such day to the next rather than re-evaluated daily.
 */
export function forecast(input: EvaluationInput, options: { until?: CalendarDate; definition?: ProgramDefinition } = {}): Forecast {
  return forecastFromStart(input, options).forecast;
}

/** The forecast and the tier on `asOf` it starts from (what `evaluate` would say of the tier, without the rest). */
export function forecastFromStart(
  input: EvaluationInput,
  options: { until?: CalendarDate; definition?: ProgramDefinition } = {},
): { forecast: Forecast; startTier: string } {
  const definition = options.definition ?? cloudCrm;
  const program = programOf(definition);
  const until = options.until ?? sameDateYearsLater(input.asOf, 1);
  const issue = forecastUntilIssue(input.asOf, until);
  if (issue !== null) throw new RangeError(`forecast until ${until}: ${issue}`);

  const state = new TierState(program, input);
  const transitions = [
    ...revenueTransitions(program, input, state, dayNumber(until)),
    ...examTransitions(program, input, state, dayNumber(until)),
  ].sort((a, b) => a.day - b.day);

  const changes: TierChange[] = [];
  const startTier = state.tier();
  let tier = startTier;
  for (let start = 0; start < transitions.length;) {
    let end = start;
    while (end < transitions.length && transitions[end].day === transitions[start].day) end++;
    const causes = state.apply(transitions.slice(start, end));
    const next = state.tier();
    if (next !== tier) changes.push({ on: dateOfDayNumber(transitions[start].day), from: tier, to: next, causes });
    tier = next;
    start = end;
  }
  return { forecast: { asOf: input.asOf, until, changes }, startTier };
}

/**
 * A counting revenue line counts from its booking day to the day before
 * `firstDayOutsideWindow`.
 */
function revenueTransitions(program: Program, input: EvaluationInput, state: TierState, untilDay: number): RevenueTransition[] {
  const asOfDay = dayNumber(input.asOf);
  const years = program.definition.revenueWindowYears;
  const transitions: RevenueTransition[] = [];
  for (const line of input.revenue) {
    if (line.amountCents === 0 || ineligibility(program, line) !== null) continue;
    const from = dayNumber(line.bookedOn);
    const to = dayNumber(firstDayOutsideWindow(line.bookedOn, years));
    const { id, amountCents: cents } = line;
    if (from <= asOfDay && asOfDay < to) state.revenueCents += cents;
    if (asOfDay < from && from <= untilDay) transitions.push({ day: from, cause: "revenue-entered", id, cents });
    if (asOfDay < to && to <= untilDay) transitions.push({ day: to, cause: "revenue-expired", id, cents: -cents });
  }
  return transitions;
}

/**
 * A pass that is not rejected counts from its date until the day after the exam's last accepted
 * day or the person's departure, whichever comes first.
 */
function examTransitions(program: Program, input: EvaluationInput, state: TierState, untilDay: number): PassTransition[] {
  const asOfDay = dayNumber(input.asOf);
  const transitions: PassTransition[] = [];
  for (let personIndex = 0; personIndex < input.people.length; personIndex++) {
    const person = input.people[personIndex];
    const leftDay = person.leftOn == null ? Infinity : dayNumber(person.leftOn);
    for (let passIndex = 0; passIndex < person.exams.length; passIndex++) {
      const pass = person.exams[passIndex];
      const found = findExam(program, pass.code);
      if (!found || rejectionOf(found.exam, pass.passedOn) !== null) continue;
      const from = dayNumber(pass.passedOn);
      const to = Math.min(leftDay, found.endDay);
      if (from >= to) continue;
      const group = found.groupIndex;
      if (from <= asOfDay && asOfDay < to) state.count(personIndex, group, 1);
      // Most passes count all year: their transitions, and their ids, are only made for the others.
      const enters = asOfDay < from && from <= untilDay;
      const ends = asOfDay < to && to <= untilDay;
      if (!enters && !ends) continue;
      const id = examPassId(person, passIndex);
      if (enters) transitions.push({ person: personIndex, group, day: from, cause: "exam-passed", id, delta: 1 });
      if (ends) {
        const left = to === leftDay;
        const cause = left ? "person-left" : "exam-no-longer-accepted";
        transitions.push({ person: personIndex, group, day: to, cause, id: left ? person.id : id, delta: -1 });
      }
    }
  }
  return transitions;
}

/** The revenue total and who qualifies for what, on one day, enough to tell the tier. */
class TierState {
  revenueCents = 0;
  private readonly groupCount: Int32Array;
  private readonly roles: Int32Array;
  /** How many people qualify for each bit set of roles, the empty set left out. */
  private readonly kinds = new Map<number, number>();
  private readonly groups: number;
  private readonly market: string;

  constructor(
    private readonly program: Program,
    input: EvaluationInput,
  ) {
    this.groups = program.definition.groups.length;
    this.groupCount = new Int32Array(input.people.length * this.groups);
    this.roles = new Int32Array(input.people.length);
    this.market = input.market;
  }

  /** Adds `delta` passes of `group` to `person`, and follows the roles they qualify for. */
  count(person: number, group: number, delta: number): void {
    this.groupCount[person * this.groups + group] += delta;
    let held = 0;
    for (let index = 0; index < this.groups; index++) {
      if (this.groupCount[person * this.groups + index] > 0) held |= 1 << index;
    }
    const before = this.roles[person];
    const after = rolesHeld(this.program, held);
    if (after === before) return;
    this.roles[person] = after;
    if (before !== 0) this.kinds.set(before, (this.kinds.get(before) ?? 0) - 1);
    if (after !== 0) this.kinds.set(after, (this.kinds.get(after) ?? 0) + 1);
  }

  /** Applies one day's transitions; returns the causes that changed the revenue or someone's roles. */
  apply(transitions: readonly Transition[]): TierChange["causes"] {
    const rolesBefore = new Map<number, number>();
    let revenueDelta = 0;
    for (const transition of transitions) {
      if ("cents" in transition) {
        revenueDelta += transition.cents;
        continue;
      }
      if (!rolesBefore.has(transition.person)) rolesBefore.set(transition.person, this.roles[transition.person]);
      this.count(transition.person, transition.group, transition.delta);
    }
    this.revenueCents += revenueDelta;
    // Only records whose day changed something that decides the tier are named as causes.
    const effective = transitions.filter((transition) =>
      "cents" in transition ? revenueDelta !== 0 : rolesBefore.get(transition.person) !== this.roles[transition.person],
    );
    return CHANGE_CAUSES.flatMap((kind) => {
      const ids = [...new Set(effective.filter((transition) => transition.cause === kind).map((transition) => transition.id))];
      return ids.length > 0 ? [{ kind, ids }] : [];
    });
  }

  tier(): string {
    const candidates: number[] = [];
    for (const [kind, people] of this.kinds) {
      // As in `matchingCandidates`: no tier needs more than `maxTotalSlots` people of one kind.
      for (let copy = 0; copy < Math.min(people, this.program.maxTotalSlots); copy++) candidates.push(kind);
    }
    for (let index = this.program.tiers.length - 1; index >= 0; index--) {
      const { tier, needed, totalSlots } = this.program.tiers[index];
      if (this.revenueCents < tier.revenueThresholdCents[this.market]) continue;
      const filled = fillSlots(candidates, needed).reduce((sum, members) => sum + members.length, 0);
      if (filled === totalSlots) return tier.id;
    }
    return NO_TIER;
  }
}
