import "server-only";
import type { ApiContext } from "@/lib/api/route";
import { parseQuery } from "@/lib/api/route";
import { today } from "@/lib/clock";
import { loadOrganizationEvidence } from "@/lib/data/evidence";
import { publishedProgram } from "@/lib/data/program";
import { evaluateOn, type CalendarDate, type Evaluation, type EvaluationInput, type VersionedProgram } from "@/lib/rules";
import { asOfQuery } from "./schemas";

/** The token's organization's evidence on `asOf`, and the program as published. */
export async function evidenceAndProgram(
  context: ApiContext,
  asOf: CalendarDate,
): Promise<{ input: EvaluationInput; program: VersionedProgram }> {
  const [{ input }, { program }] = await Promise.all([
    loadOrganizationEvidence(context.db, context.principal.organizationId, asOf),
    publishedProgram(context.db),
  ]);
  return { input, program };
}

/** The token's organization evaluated on `?asOf=` (today when omitted) under the version in force then. */
export async function evaluationOfRequest(context: ApiContext): Promise<Evaluation> {
  const { asOf = today() } = parseQuery(context, asOfQuery);
  const { input, program } = await evidenceAndProgram(context, asOf);
  return evaluateOn(input, program);
}
