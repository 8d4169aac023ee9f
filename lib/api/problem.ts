import "server-only";
import type { z } from "zod";
import type { Translate } from "@/lib/actions/action";
import { issueMessage } from "@/lib/actions/field-errors";
import { jsonPath } from "@/lib/rules";

/** One invalid field of a request: where (a JSON path into the body or the query) and what, in the caller's language. */
export interface InvalidParam {
  path: string;
  message: string;
}

/** An RFC 9457 problem: `type` names it for programs, `title` and `detail` say it for people. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: InvalidParam[];
}

/** What a route throws to answer a problem; the API's wrapper turns it into the response. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.title);
    this.name = "ApiProblem";
  }
}

export const problemTypes = {
  unauthenticated: "unauthenticated",
  insufficientScope: "insufficient-scope",
  rateLimited: "rate-limited",
  notFound: "not-found",
  invalid: "invalid",
  malformed: "malformed",
  conflict: "conflict",
  stale: "stale",
  preconditionRequired: "precondition-required",
  idempotencyKeyReused: "idempotency-key-reused",
  tooLarge: "too-large",
  unsupportedMediaType: "unsupported-media-type",
  internal: "internal",
} as const;

/** A problem's type is a reference into the API's reference page, whose description lists them all. */
const problemTypeBase = "/api/docs#problem-";

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ ...problem, type: `${problemTypeBase}${problem.type}` }), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** A zod path as the API names it: `$` for the whole body, `$.email`, `$.lines[0].amount`. */
export function apiPath(path: readonly PropertyKey[]): string {
  const inner = jsonPath(path);
  return inner === "" ? "$" : inner.startsWith("[") ? `$${inner}` : `$.${inner}`;
}

/** The zod issues of a body or query, each at its JSON path (`$.lines[0].amount`), worded as the forms word them. */
export function invalidProblem(issues: readonly z.core.$ZodIssue[], t: Translate, prefix: readonly PropertyKey[] = []): ApiProblem {
  const errors = issues.map((issue) => ({
    path: apiPath([...prefix, ...issue.path]),
    message: issueMessage(issue, t),
  }));
  return new ApiProblem({ type: problemTypes.invalid, title: t("api.problems.invalid"), status: 422, errors });
}
