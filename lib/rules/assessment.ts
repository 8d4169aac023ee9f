import { findExam, isRejection, normalizeExamCode, passableExamsByGroup, passStanding, type Rejection } from "./catalogue";
import type { CalendarDate } from "./dates";
import type { ProgramDefinition } from "./definition";
import { fillSlots } from "./matching";
import type { Cents } from "./money";
import { type IndexedTier, type Program, programOf } from "./program";
import { type CountedRevenue, countRevenue } from "./revenue";
import type { EvaluationInput } from "./schema";
import { type RevenueWindow, windowFor } from "./window";

export interface RejectedPass {
  readonly personId: string;
  readonly code: string;
  readonly passedOn: CalendarDate;
  readonly reason: Rejection;
}

export interface TierAssessment {
  readonly tier: IndexedTier;
  readonly thresholdCents: Cents;
  readonly revenueMet: boolean;
  /** Per role index, the indexes of the people standing in its slots. */
  readonly slots: readonly (readonly number[])[];
  readonly peopleMet: boolean;
  readonly met: boolean;
}

/** Everything the rules establish at `asOf`, by person index; `evaluate` and `explain` read it. */
export interface Assessment {
  readonly program: Program;
  readonly input: EvaluationInput;
  readonly window: RevenueWindow;
  readonly revenue: CountedRevenue;
  /** 1 when the person counts at `asOf`. */
  readonly counts: Uint8Array;
  /** The bit set of groups each person holds through passes that count. */
  readonly held: Int32Array;
  /** The bit set of roles each person qualifies for. */
  readonly qualifies: Int32Array;
  readonly rejected: readonly RejectedPass[];
  /** Per group index, the exam codes that can still be passed at `asOf`. */
  readonly passable: readonly (readonly string[])[];
  /** Groups with no exam left to pass at `asOf`. */
  readonly blockedGroups: number;
  readonly tiers: readonly TierAssessment[];
  /** The index of the highest tier met, or -1. */
  readonly reached: number;
}

export function assess(input: EvaluationInput, definition: ProgramDefinition): Assessment {
  const program = programOf(definition);
  if (input.competency !== undefined && input.competency !== definition.id) {
    throw new Error(`input for competency "${input.competency}" evaluated with the definition of "${definition.id}"`);
  }
  if (!definition.markets.includes(input.market)) {
    throw new Error(`market "${input.market}" is not a market of "${definition.id}"`);
  }
  const { asOf, people } = input;
  const window = windowFor(asOf, definition.revenueWindowYears);
  const counts = new Uint8Array(people.length);
  const held = new Int32Array(people.length);
  const qualifies = new Int32Array(people.length);
  const rejected: RejectedPass[] = [];

  for (let index = 0; index < people.length; index++) {
    const person = people[index];
    // The contract: a person counts while `leftOn` is absent, null, or after `asOf`.
    const personCounts = person.leftOn == null || person.leftOn > asOf;
    let groups = 0;
    for (const pass of person.exams) {
      const found = findExam(program, pass.code);
      const standing = passStanding(found?.exam, pass.passedOn, asOf, personCounts);
      if (standing === "counts" && found) groups |= found.groupBit;
      else if (isRejection(standing)) {
        const code = found?.exam.code ?? normalizeExamCode(pass.code);
        rejected.push({ personId: person.id, code, passedOn: pass.passedOn, reason: standing });
      }
    }
    counts[index] = personCounts ? 1 : 0;
    held[index] = groups;
    qualifies[index] = rolesHeld(program, groups);
  }

  const revenue = countRevenue(program, input.revenue, window);
  const candidates = matchingCandidates(program, counts, qualifies);
  const tiers = program.tiers.map((tier): TierAssessment => {
    const thresholdCents = tier.tier.revenueThresholdCents[input.market];
    const filled = fillSlots(candidates.roles, tier.needed);
    const slots = filled.map((members) => members.map((candidate) => candidates.people[candidate]));
    const revenueMet = revenue.totalCents >= thresholdCents;
    const peopleMet = slots.every((members, role) => members.length === tier.needed[role]);
    return { tier, thresholdCents, revenueMet, slots, peopleMet, met: revenueMet && peopleMet };
  });
  const passable = passableExamsByGroup(program, asOf);

  return {
    program,
    input,
    window,
    revenue,
    counts,
    held,
    qualifies,
    rejected,
    passable,
    blockedGroups: passable.reduce((mask, codes, group) => (codes.length === 0 ? mask | (1 << group) : mask), 0),
    tiers,
    reached: highestMet(tiers),
  };
}

/** The index of the highest tier met, or -1. */
function highestMet(tiers: readonly TierAssessment[]): number {
  for (let index = tiers.length - 1; index >= 0; index--) if (tiers[index].met) return index;
  return -1;
}

/** The bit set of roles whose groups are all in `groups`. */
export function rolesHeld(program: Program, groups: number): number {
  let roles = 0;
  program.roleGroups.forEach((needed, role) => {
    if ((groups & needed) === needed) roles |= 1 << role;
  });
  return roles;
}

/**
 * The people a matching needs to look at. People who qualify for the same roles are
 * interchangeable and no tier takes more than `maxTotalSlots` people, so keeping the first
 * `maxTotalSlots` of each kind, in input order, leaves every maximum matching as large as with
 * everybody, and the matching's size independent of the number of people. Asking whether
 * the slots fill without one given person needs one more of each kind (`perKind`).
 */
export function matchingCandidates(
  program: Program,
  counts: ArrayLike<number>,
  qualifies: ArrayLike<number>,
  perKind: number = program.maxTotalSlots,
): { people: number[]; roles: number[] } {
  const kept = new Map<number, number>();
  const people: number[] = [];
  const roles: number[] = [];
  for (let person = 0; person < qualifies.length; person++) {
    const kind = qualifies[person];
    if (kind === 0 || counts[person] === 0) continue;
    const count = kept.get(kind) ?? 0;
    if (count < perKind) {
      kept.set(kind, count + 1);
      people.push(person);
      roles.push(kind);
    }
  }
  return { people, roles };
}

/** Per role, the groups a person holding `groups` still lacks, each as the exams left to pass. */
export function missingGroups(assessment: Assessment, role: number, groups: number): (readonly string[])[] {
  return assessment.program.roleGroupIndexes[role]
    .filter((group) => (groups & (1 << group)) === 0)
    .map((group) => assessment.passable[group]);
}

/**
 * The passes of a person that can count on no day: dated on or after their departure. A person
 * counts while `leftOn` is after `asOf`, and a pass from the day it is dated.
 */
export function passesAfterDeparture<P extends { readonly passedOn: CalendarDate }>(person: {
  readonly leftOn?: CalendarDate | null;
  readonly exams: readonly P[];
}): P[] {
  const { leftOn } = person;
  return leftOn == null ? [] : person.exams.filter((pass) => pass.passedOn >= leftOn);
}
