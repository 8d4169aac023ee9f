import * as z from "zod";
import { cloudCrm } from "./cloud-crm";
import type { ProgramDefinition } from "./definition";
import { type EvaluationInput, evaluationInputSchema, evaluationInputSchemaFor } from "./schema";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A zod path as a JSON path: `["people", 3, "exams", 0, "passedOn"]` is `people[3].exams[0].passedOn`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** One `path: message` line per issue; `prefix` names where the value came from (`until`). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.map((issue) => `${jsonPath([...prefix, ...issue.path]) || "input"}: ${issue.message}`);
}

export function parseWith<T>(schema: z.ZodType<T>, json: unknown, prefix: readonly PropertyKey[] = []): Parsed<T> {
  const result = schema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error.issues, prefix) };
}

const compiled = new WeakMap<ProgramDefinition, z.ZodType<EvaluationInput>>();

/**
 * The input schema of a definition, compiled by zod into generated code (several times faster
 * on a large file, with the same errors) on first use — unless zod is configured `jitless`,
 * as a page whose Content-Security-Policy forbids `eval` should be.
 */
function fastSchemaFor(definition: ProgramDefinition): z.ZodType<EvaluationInput> {
  let schema = compiled.get(definition);
  if (!schema) {
    const plain = definition === cloudCrm ? evaluationInputSchema : evaluationInputSchemaFor(definition);
    schema = z.config().jitless ? plain : z.compile(plain);
    compiled.set(definition, schema);
  }
  return schema;
}

/** Parses the contract's JSON (already `JSON.parse`d) into what `evaluate` takes. */
export function parseEvaluationInput(json: unknown, definition: ProgramDefinition = cloudCrm): Parsed<EvaluationInput> {
  return parseWith(fastSchemaFor(definition), json);
}
