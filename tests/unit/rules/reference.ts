import type { Evaluation, EvaluationInput, Person } from "@/lib/rules";

/**
 * A second, naive reading of the contract for Cloud CRM, written from its tables without the
 * engine's code: JS `Date` in UTC for the window, sets for the groups, and brute force (every
 * assignment of people to slots) instead of matching and the Hungarian method. Only for small
 * organizations.
 */

const GROUPS: Record<string, string[]> = {
  application: ["MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877"],
  deployment: ["MB2-710", "MB2-706", "MB2-715"],
  customization: ["MB2-712", "MB2-707", "MB2-716"],
};
const AVAILABLE_FROM: Record<string, string> = { "MB2-877": "2018-01-01" };
const RETIRED_ON: Record<string, string> = { "MB2-709": "2017-12-31" };
const ACCEPTED_UNTIL: Record<string, string> = { "MB2-709": "2018-12-31" };

export const ROLES: Record<string, string[]> = {
  "application-deployment": ["application", "deployment"],
  customization: ["customization"],
};
export const TIERS = [
  { id: "silver", slots: { "application-deployment": 1, customization: 1 } },
  { id: "gold", slots: { "application-deployment": 2, customization: 2 } },
];
const THRESHOLD_CENTS = 10_000_000;

const groupOf = (code: string) => Object.keys(GROUPS).find((group) => GROUPS[group].includes(code));

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function referenceWindowStart(asOf: string): string {
  const [year, month, day] = asOf.split("-").map(Number);
  const sameDay = month === 2 && day === 29 ? 28 : day;
  return iso(new Date(Date.UTC(year - 1, month - 1, sameDay + 1)));
}

export function referenceRevenueCents(input: EvaluationInput): number {
  const start = referenceWindowStart(input.asOf);
  return input.revenue
    .filter((line) => line.dporAssociated && ["crm-online", "d365-ce-plan-1"].includes(line.product))
    .filter((line) => utc(line.bookedOn) >= utc(start) && utc(line.bookedOn) <= utc(input.asOf))
    .reduce((sum, line) => sum + line.amountCents, 0);
}

export function counts(person: Person, asOf: string): boolean {
  return person.leftOn == null || utc(person.leftOn) > utc(asOf);
}

export function heldGroups(person: Person, asOf: string): Set<string> {
  const held = new Set<string>();
  if (!counts(person, asOf)) return held;
  for (const pass of person.exams) {
    const code = pass.code.trim().toUpperCase();
    const group = groupOf(code);
    if (!group) continue;
    if (AVAILABLE_FROM[code] && pass.passedOn < AVAILABLE_FROM[code]) continue;
    if (RETIRED_ON[code] && pass.passedOn > RETIRED_ON[code]) continue;
    if (pass.passedOn > asOf) continue;
    if (ACCEPTED_UNTIL[code] && asOf > ACCEPTED_UNTIL[code]) continue;
    held.add(group);
  }
  return held;
}

export function missingCount(held: Set<string>, role: string): number {
  return ROLES[role].filter((group) => !held.has(group)).length;
}

/** Every way to give each person at most one slot: calls `visit` with the role of each (or null). */
function everyAssignment(
  people: number,
  slots: Record<string, number>,
  allowed: (person: number, role: string) => boolean,
  visit: (roles: (string | null)[]) => void,
): void {
  const chosen: (string | null)[] = [];
  const left = { ...slots };
  const step = (person: number) => {
    if (person === people) return visit(chosen);
    chosen[person] = null;
    step(person + 1);
    for (const role of Object.keys(left)) {
      if (left[role] === 0 || !allowed(person, role)) continue;
      left[role]--;
      chosen[person] = role;
      step(person + 1);
      left[role]++;
    }
    chosen.length = person;
  };
  step(0);
}

/** The most slots of the tier that distinct qualified people can fill at once. */
export function mostFilled(input: EvaluationInput, tier: (typeof TIERS)[number]): number {
  const held = input.people.map((person) => heldGroups(person, input.asOf));
  let best = 0;
  everyAssignment(
    held.length,
    tier.slots,
    (person, role) => missingCount(held[person], role) === 0,
    (roles) => {
      best = Math.max(best, roles.filter((role) => role !== null).length);
    },
  );
  return best;
}

export function referenceTier(input: EvaluationInput): string {
  const revenue = referenceRevenueCents(input);
  const met = TIERS.filter(
    (tier) => revenue >= THRESHOLD_CENTS && mostFilled(input, tier) === Object.values(tier.slots).reduce((sum, count) => sum + count, 0),
  );
  return met.length === 0 ? "none" : met[met.length - 1].id;
}

/** The fewest exams that fill every slot of the tier: every choice of who takes which role, new hires for the rest. */
export function referenceMinimumExams(input: EvaluationInput, tier: (typeof TIERS)[number]): number {
  const present = input.people.filter((person) => counts(person, input.asOf));
  const held = present.map((person) => heldGroups(person, input.asOf));
  let best = Infinity;
  everyAssignment(
    present.length,
    tier.slots,
    () => true,
    (roles) => {
      let cost = 0;
      const open: Record<string, number> = { ...tier.slots };
      roles.forEach((role, person) => {
        if (role === null) return;
        cost += missingCount(held[person], role);
        open[role]--;
      });
      for (const [role, count] of Object.entries(open)) cost += count * ROLES[role].length;
      best = Math.min(best, cost);
    },
  );
  return best;
}

/**
 * Checks a plan by validity: its cost is the sum of its steps, each step asks an existing
 * person for exactly what they miss, nobody takes two steps, and the steps plus people who
 * already qualify fill every slot of the target tier.
 */
export function planProblems(evaluation: Evaluation): string[] {
  const next = evaluation.nextTier;
  if (!next) return [];
  const problems: string[] = [];
  const cost = next.steps.reduce((sum, step) => sum + step.groups.length, 0);
  if (cost !== next.minimumAdditionalExams) problems.push(`steps cost ${cost}, not ${next.minimumAdditionalExams}`);
  const statuses = new Map(evaluation.people.map((status) => [status.id, status]));
  const stepping = next.steps.flatMap((step) => (step.personId === null ? [] : [step.personId]));
  if (new Set(stepping).size !== stepping.length) problems.push("somebody takes two steps");
  for (const step of next.steps) {
    if (step.groups.length === 0) problems.push("a step with nothing to pass");
    if (step.personId === null) {
      if (step.groups.length !== ROLES[step.role].length) problems.push(`a new hire for ${step.role} must pass every group`);
      continue;
    }
    const status = statuses.get(step.personId);
    if (!status?.counts) problems.push(`${step.personId} does not count`);
    else if (JSON.stringify(status.missing[step.role]) !== JSON.stringify(step.groups)) {
      problems.push(`${step.personId} is asked for other groups than they miss for ${step.role}`);
    }
  }
  const open: Record<string, number> = {};
  for (const [role, fill] of Object.entries(evaluation.tiers[next.tier].people.slots)) open[role] = fill.needed;
  for (const step of next.steps) open[step.role]--;
  if (Object.values(open).some((count) => count < 0)) problems.push("more steps than slots");
  const ready = evaluation.people.filter((status) => status.counts && !stepping.includes(status.id));
  let fillable = 0;
  everyAssignment(
    ready.length,
    Object.fromEntries(Object.entries(open).map(([role, count]) => [role, Math.max(0, count)])),
    (person, role) => ready[person].qualifiesFor.includes(role),
    (roles) => {
      fillable = Math.max(fillable, roles.filter((role) => role !== null).length);
    },
  );
  const needed = Object.values(open).reduce((sum, count) => sum + Math.max(0, count), 0);
  if (fillable < needed) problems.push(`the steps leave ${needed - fillable} slots empty`);
  return problems;
}
