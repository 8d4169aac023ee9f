import { cloudCrm } from "./cloud-crm";
import type { CalendarDate } from "./dates";
import type { CatalogueExam, ProgramDefinition } from "./definition";
import { type IndexedExam, type Program, programOf } from "./program";

/** Why a pass is listed as rejected and never counted. */
export type Rejection = "unknown-exam" | "not-yet-available" | "retired";

/** Where a recorded pass stands on a given day. */
export type PassStanding = "counts" | Rejection | "person-left" | "dated-after-as-of" | "no-longer-accepted";

export function isRejection(standing: PassStanding): standing is Rejection {
  return standing === "unknown-exam" || standing === "not-yet-available" || standing === "retired";
}

/** Codes are matched ignoring case and surrounding spaces, and reported upper case. */
export function normalizeExamCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The catalogue entry of an exam code, as a person may have typed it. */
export function examByCode(code: string, definition: ProgramDefinition = cloudCrm): CatalogueExam | undefined {
  return findExam(programOf(definition), code)?.exam;
}

export function findExam(program: Program, code: string): IndexedExam | undefined {
  // Most codes arrive already clean: skip building a normalized copy for them.
  return program.examByCode.get(code) ?? program.examByCode.get(normalizeExamCode(code));
}

export function rejectionOf(exam: CatalogueExam | undefined, passedOn: CalendarDate): Rejection | null {
  if (!exam) return "unknown-exam";
  if (exam.availableFrom !== null && passedOn < exam.availableFrom) return "not-yet-available";
  if (exam.retiredOn !== null && passedOn > exam.retiredOn) return "retired";
  return null;
}

function isAcceptedOn(exam: CatalogueExam, day: CalendarDate): boolean {
  return exam.acceptedUntil === null || day <= exam.acceptedUntil;
}

/** Whether somebody who still lacks this exam could pass it on `day` and have it count. */
function canBePassedOn(exam: CatalogueExam, day: CalendarDate): boolean {
  return rejectionOf(exam, day) === null && isAcceptedOn(exam, day);
}

/**
 * A pass that is not rejected counts at `asOf` when it is dated on or before `asOf`, the exam is
 * still accepted at `asOf`, and its person counts at `asOf`.
 */
export function passStanding(
  exam: CatalogueExam | undefined,
  passedOn: CalendarDate,
  asOf: CalendarDate,
  personCounts: boolean,
): PassStanding {
  if (!exam) return "unknown-exam";
  const rejection = rejectionOf(exam, passedOn);
  if (rejection !== null) return rejection;
  if (!personCounts) return "person-left";
  if (passedOn > asOf) return "dated-after-as-of";
  return isAcceptedOn(exam, asOf) ? "counts" : "no-longer-accepted";
}

/**
 * Per group (in definition order), the exam codes that can still be passed on `day`, sorted:
 * the lists that `missing` and the plan's steps show. A group with none left is `[]`.
 */
export function passableExamsByGroup(program: Program, day: CalendarDate): readonly (readonly string[])[] {
  return program.definition.groups.map((group) =>
    Object.freeze(
      program.definition.catalogue
        .filter((exam) => exam.group === group.id && canBePassedOn(exam, day))
        .map((exam) => exam.code)
        .sort(),
    ),
  );
}
