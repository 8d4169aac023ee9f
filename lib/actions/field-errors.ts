import type { z } from "zod";
import type { Translate } from "./action";

/**
 * One zod issue in the visitor's language. A custom issue's message is a message key: either
 * under "errors" ("commonPassword") or a full path ("people.errors.mcidShape").
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return t("errors.required");
      // Of a value sent as JSON (the API): what was expected instead, which a form never meets.
      return t.has(`errors.expected.${issue.expected}`) ? t(`errors.expected.${issue.expected}`) : t("errors.invalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("errors.required") : t("errors.tooShort", { minimum: Number(issue.minimum) });
      }
      return t("errors.tooSmall", { minimum: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("errors.tooLong", { maximum: Number(issue.maximum) });
      return t("errors.tooBig", { maximum: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("errors.invalidEmail") : t("errors.invalid");
    case "invalid_value":
      return t("errors.invalidChoice");
    case "custom":
      if (t.has(`errors.${issue.message}`)) return t(`errors.${issue.message}`);
      return t.has(issue.message) ? t(issue.message) : t("errors.invalid");
    default:
      return t("errors.invalid");
  }
}

/**
 * Field errors keyed by the field's path ("email", "lines.0.amount"); issues about the whole
 * input become the message.
 */
export function localizeIssues(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
): { message: string; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const formMessages: string[] = [];
  for (const issue of issues) {
    const message = issueMessage(issue, t);
    if (issue.path.length === 0) {
      formMessages.push(message);
      continue;
    }
    const field = issue.path.map(String).join(".");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  }
  return { message: formMessages[0] ?? t("errors.checkFields"), fieldErrors };
}
