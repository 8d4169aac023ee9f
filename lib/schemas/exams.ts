import { z } from "zod";
import { today } from "@/lib/clock";
import { calendarDateSchema, examByCode, normalizeExamCode, rejectionOf } from "@/lib/rules";
import { optionalText, recordId, rowVersion } from "./fields";

const problemKeys = {
  "unknown-exam": "exams.errors.unknownExam",
  "not-yet-available": "exams.errors.notYetAvailable",
  retired: "exams.errors.retired",
} as const;

/**
 * One exam pass as a person records it. The catalogue and the lifecycle dates are the rules
 * library's: a pass the rules would reject is refused here, at the field it is about.
 */
export const examPassInput = z
  .object({
    personId: recordId,
    code: z.string().trim().min(1).max(20).transform(normalizeExamCode),
    passedOn: calendarDateSchema,
    certificationRef: optionalText(100),
  })
  .superRefine((input, context) => {
    const exam = examByCode(input.code);
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
    if (input.passedOn > today()) {
      context.addIssue({ code: "custom", path: ["passedOn"], message: "exams.errors.future" });
    }
  });

export const deleteExamPassInput = z.object({ id: recordId, version: rowVersion });

export type ExamPassInput = z.output<typeof examPassInput>;
