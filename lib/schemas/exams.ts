import { z } from "zod";
import { today } from "@/lib/clock";
import { examOfPass, normalizeExamCode, rejectionOf, type VersionedProgram } from "@/lib/rules";
import { calendarDate, optionalText, recordId, rowVersion, text } from "./fields";

const transcriptShape = /^[A-Za-z0-9-]+$/;

const problemKeys = {
  "unknown-exam": "exams.errors.unknownExam",
  "not-yet-available": "exams.errors.notYetAvailable",
  retired: "exams.errors.retired",
} as const;

const examPassFields = z.object({
  personId: recordId,
  code: text(20).transform(normalizeExamCode),
  passedOn: calendarDate,
  // A free note (a transcript id, "part 2" on another line): line breaks are kept.
  certificationRef: optionalText(100, { multiline: true }),
  // Microsoft's transcript id and the code its owner shares it with: letters, digits and dashes.
  transcriptId: optionalText(40).refine((value) => value === null || transcriptShape.test(value), "exams.errors.transcriptShape"),
  transcriptCode: optionalText(40).refine((value) => value === null || transcriptShape.test(value), "exams.errors.transcriptShape"),
});

/**
 * One exam pass as a person records it. The catalogue and the lifecycle dates are the
 * program's, in the version in force on the pass's date (lib/rules): a pass the rules would
 * reject is refused here, at the field it is about.
 */
export function examPassInputFor(program: VersionedProgram) {
  return examPassFields.superRefine((input, context) => {
    if (input.transcriptCode && !input.transcriptId) {
      context.addIssue({ code: "custom", path: ["transcriptId"], message: "exams.errors.transcriptIdNeeded" });
    }
    // A date already refused (empty, no date at all) is told only that; an exam too.
    const refused = new Set(context.issues.map((issue) => issue.path?.[0]));
    if (refused.has("passedOn")) return;
    if (input.passedOn > today()) {
      context.addIssue({ code: "custom", path: ["passedOn"], message: "exams.errors.future" });
    }
    if (refused.has("code")) return;
    const exam = examOfPass(program, input.code, input.passedOn);
    const rejection = rejectionOf(exam, input.passedOn);
    if (rejection) {
      context.addIssue({
        code: "custom",
        path: [rejection === "unknown-exam" ? "code" : "passedOn"],
        message: problemKeys[rejection],
      });
    } else if (exam?.acceptedUntil && input.passedOn > exam.acceptedUntil) {
      context.addIssue({ code: "custom", path: ["passedOn"], message: "exams.errors.noLongerAccepted" });
    }
  });
}

/** A change of a pass's notes and transcript, each field checked as the form checks it; the pass they make is checked with `examPassNotes`. */
export const examPassNotesChanges = examPassFields.pick({ certificationRef: true, transcriptId: true, transcriptCode: true }).partial();

/** A pass's notes and transcript as a whole: a sharing code needs its transcript id. */
export const examPassNotes = examPassFields
  .pick({ certificationRef: true, transcriptId: true, transcriptCode: true })
  .superRefine((input, context) => {
    if (input.transcriptCode && !input.transcriptId) {
      context.addIssue({ code: "custom", path: ["transcriptId"], message: "exams.errors.transcriptIdNeeded" });
    }
  });

/** `confirmed`: the partner saw that deleting the pass drops a tier and deletes it anyway. */
export const deleteExamPassInput = z.object({ id: recordId, version: rowVersion, confirmed: z.literal("1").optional() });

export type ExamPassInput = z.output<typeof examPassFields>;
