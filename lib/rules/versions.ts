import { cloudCrm } from "./cloud-crm";
import { addDays, type CalendarDate, sameDateYearsLater } from "./dates";
import type { ProgramDefinition } from "./definition";
import { type Evaluation, evaluate } from "./evaluate";
import { type Forecast, forecastFromStart, type TierChange } from "./forecast";
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
  return forecastAcrossFromStart(input, program, options).forecast;
}

/** `forecastAcross` and the tier on `asOf` it starts from. */
export function forecastAcrossFromStart(
  input: EvaluationInput,
  program: VersionedProgram,
  options: { until?: CalendarDate } = {},
): { forecast: Forecast; startTier: string } {
  const until = options.until ?? sameDateYearsLater(input.asOf, 1);
  const starts = program.versions
    .map((version) => version.effectiveFrom)
    .filter((from): from is CalendarDate => from !== null && from > input.asOf && from <= until);
  let version = versionInForce(program, input.asOf);
  if (starts.length === 0) return forecastFromStart(input, { until, definition: version.definition });

  const changes: TierChange[] = [];
  let segment = forecastFromStart(input, { until: starts[0], definition: version.definition });
  const startTier = segment.startTier;
  for (const [index, start] of starts.entries()) {
    // The old version's forecast runs through the new version's first day: what else changes that day.
    const sameDay = segment.forecast.changes.find((change) => change.on === start);
    const before = segment.forecast.changes.filter((change) => change.on !== start);
    changes.push(...before);
    const tierBefore = before.at(-1)?.to ?? segment.startTier;
    version = versionInForce(program, start);
    const next = starts[index + 1];
    // The new version's span starts on its first day: its forecast's start tier is the tier that day.
    // (a version starting on the forecast's last day is looked at one day further, and only its first day kept).
    const segmentUntil = next ?? (start < until ? until : addDays(start, 1));
    segment = forecastFromStart({ ...input, asOf: start }, { until: segmentUntil, definition: version.definition });
    if (segment.startTier !== tierBefore) {
      changes.push({
        on: start,
        from: tierBefore,
        to: segment.startTier,
        causes: [...(sameDay?.causes ?? []), { kind: "requirements-changed", ids: [version.id] }],
      });
    }
  }
  changes.push(...segment.forecast.changes.filter((change) => change.on <= until));
  return { forecast: { asOf: input.asOf, until, changes }, startTier };
}
