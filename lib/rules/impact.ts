import type { CalendarDate } from "./dates";
import type { ProgramDefinition } from "./definition";
import { cloudCrm } from "./cloud-crm";
import { evaluate } from "./evaluate";
import { type Forecast, forecast } from "./forecast";
import type { EvaluationInput } from "./schema";

/** A change not made yet, whose consequences a partner wants to see first. */
export type HypotheticalChange =
  | { readonly kind: "departure"; readonly personId: string; readonly on: CalendarDate }
  | { readonly kind: "pass-removed"; readonly personId: string; readonly passId: string }
  | { readonly kind: "revenue-removed"; readonly lineId: string };

export interface Standing {
  /** The tier met on the input's `asOf`. */
  readonly tier: string;
  readonly forecast: Forecast;
}

export interface Impact {
  readonly before: Standing;
  readonly after: Standing;
  /** The tier the change leads to first, and when: on `asOf` itself or on a later forecast day; null when no tier changes. */
  readonly firstDifference: { readonly on: CalendarDate; readonly before: string; readonly after: string } | null;
}

/** The input as it would be with the change made; the same input when the change names nothing in it. */
export function applyChange(input: EvaluationInput, change: HypotheticalChange): EvaluationInput {
  switch (change.kind) {
    case "departure":
      return {
        ...input,
        people: input.people.map((person) => (person.id === change.personId ? { ...person, leftOn: change.on } : person)),
      };
    case "pass-removed":
      return {
        ...input,
        people: input.people.map((person) =>
          person.id === change.personId ? { ...person, exams: person.exams.filter((pass) => pass.id !== change.passId) } : person,
        ),
      };
    case "revenue-removed":
      return { ...input, revenue: input.revenue.filter((line) => line.id !== change.lineId) };
  }
}

function standingOf(input: EvaluationInput, definition: ProgramDefinition): Standing {
  return { tier: evaluate(input, definition).tier, forecast: forecast(input, { definition }) };
}

/** The tier held on each day from `asOf`: the tier of `asOf`, then each forecast change. */
function tierOn(standing: Standing, day: CalendarDate): string {
  let tier = standing.tier;
  for (const change of standing.forecast.changes) {
    if (change.on > day) break;
    tier = change.to;
  }
  return tier;
}

/**
 * What a change would do: the tier on `asOf` and the forecast a year ahead, before and after,
 * and the first day they differ ("Contoso drops from Gold to Silver on Dec 15, 2026").
 */
export function impactOf(input: EvaluationInput, change: HypotheticalChange, definition: ProgramDefinition = cloudCrm): Impact {
  const before = standingOf(input, definition);
  const after = standingOf(applyChange(input, change), definition);
  const days = [input.asOf, ...new Set([...before.forecast.changes, ...after.forecast.changes].map((item) => item.on))].sort();
  const on = days.find((day) => tierOn(before, day) !== tierOn(after, day));
  return { before, after, firstDifference: on ? { on, before: tierOn(before, on), after: tierOn(after, on) } : null };
}
