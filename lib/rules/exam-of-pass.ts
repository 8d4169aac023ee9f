import type { CalendarDate } from "./dates";
import type { CatalogueExam, ProgramDefinition } from "./definition";
import { type VersionedProgram, versionInForce } from "./versions";

/**
 * The exam a pass of `code` on `passedOn` is: as the version in force that day lists it, else
 * as the latest version does (an exam a later version adds counts from that version's start).
 */
export function examOfPass(program: VersionedProgram, code: string, passedOn: CalendarDate): CatalogueExam | undefined {
  const find = (definition: ProgramDefinition) => definition.catalogue.find((exam) => exam.code === code);
  const latest = program.versions[program.versions.length - 1];
  const inForce = program.versions[0].effectiveFrom === null || program.versions[0].effectiveFrom <= passedOn;
  return (inForce ? find(versionInForce(program, passedOn).definition) : undefined) ?? find(latest.definition);
}
