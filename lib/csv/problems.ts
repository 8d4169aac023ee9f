import type { z } from "zod";

/** Why a row or a file cannot be imported: a message key, or the issue a form's schema raised. */
export type ProblemReason =
  { kind: "message"; key: string; values?: Record<string, string | number> } | { kind: "issue"; issue: z.core.$ZodIssue };

export interface ImportProblem {
  /** The line of the file the row starts on; the header is line 1. */
  line: number;
  /** The CSV column the problem is about, when it is about one. */
  column: string | null;
  reason: ProblemReason;
}

export function messageProblem(line: number, column: string | null, key: string, values?: Record<string, string | number>): ImportProblem {
  return { line, column, reason: { kind: "message", key, ...(values && { values }) } };
}
