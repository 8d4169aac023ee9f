import { cloudCrm } from "./cloud-crm";
import { type CalendarDate, sameDateYearsLater } from "./dates";
import type { ProgramDefinition } from "./definition";
import { type Evaluation, evaluate } from "./evaluate";
import { type Forecast, forecast, type TierChange } from "./forecast";
import type { EvaluationInput } from "./schema";

/**
 * The program as versions, each in force from a date (shared/contracts/program-definition.md):
 * an evaluation on a date uses the version in force on it.
 */
export interface ProgramVersion {
  readonly id: string;
  /** Null for the first version: in force since always. */
  readonly effectiveFrom: CalendarDate | null;
  readonly note: string;
  readonly definition: ProgramDefinition;
}

export interface VersionedProgram {
  readonly id: string;
  /** In ascending `effectiveFrom`. */
  readonly versions: readonly ProgramVersion[];
}

/** The built-in Cloud CRM competency as one version in force since always. */
export const builtInProgram: VersionedProgram = {
  id: cloudCrm.id,
  versions: [{ id: "v1", effectiveFrom: null, note: "As published in November 2017", definition: cloudCrm }],
};

/** The version with the latest `effectiveFrom` on or before `on`. */
export function versionInForce(program: VersionedProgram, on: CalendarDate): ProgramVersion {
  let found: ProgramVersion | undefined;
  for (const version of program.versions) {
    if (version.effectiveFrom === null || version.effectiveFrom <= on) found = version;
  }
  if (!found) throw new RangeError(`program "${program.id}" has no version in force on ${on}`);
  return found;
}

/** `evaluate` under the version in force on the input's `asOf`. */
export function evaluateOn(input: EvaluationInput, program: VersionedProgram): Evaluation {
  return evaluate(input, versionInForce(program, input.asOf).definition);
}

/**
 * The forecast across the program's versions: within each version's span, `forecast` under
 * it; on the first day of a later version, a change when that version gives another tier
 * than the day before did, caused by `requirements-changed` (after whatever else happened that day).
 */
export function forecastAcross(input: EvaluationInput, program: VersionedProgram, options: { until?: CalendarDate } = {}): Forecast {
  const until = options.until ?? sameDateYearsLater(input.asOf, 1);
  const starts = program.versions
    .map((version) => version.effectiveFrom)
    .filter((from): from is CalendarDate => from !== null && from > input.asOf && from <= until);
  let version = versionInForce(program, input.asOf);
  if (starts.length === 0) return forecast(input, { until, definition: version.definition });

  const changes: TierChange[] = [];
  let segmentStart = input.asOf;
  let tier = evaluate(input, version.definition).tier;
  for (const start of starts) {
    // Through the new version's first day under the old one: what else changes that day.
    const old = forecast({ ...input, asOf: segmentStart }, { until: start, definition: version.definition });
    const sameDay = old.changes.find((change) => change.on === start);
    changes.push(...old.changes.filter((change) => change.on !== start));
    const before = old.changes.filter((change) => change.on !== start).at(-1)?.to ?? tier;
    version = versionInForce(program, start);
    const after = evaluate({ ...input, asOf: start }, version.definition).tier;
    if (after !== before) {
      changes.push({
        on: start,
        from: before,
        to: after,
        causes: [...(sameDay?.causes ?? []), { kind: "requirements-changed", ids: [version.id] }],
      });
    }
    tier = after;
    segmentStart = start;
  }
  if (segmentStart < until) {
    changes.push(...forecast({ ...input, asOf: segmentStart }, { until, definition: version.definition }).changes);
  }
  return { asOf: input.asOf, until, changes };
}
