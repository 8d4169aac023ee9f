import "server-only";
import type { ApiContext } from "@/lib/api/route";
import { parseQuery } from "@/lib/api/route";
import { today } from "@/lib/clock";
import { loadOrganizationEvidence } from "@/lib/data/evidence";
import { publishedProgram } from "@/lib/data/program";
import { evaluateOn, type Evaluation } from "@/lib/rules";
import { asOfQuery } from "./schemas";

/** The token's organization evaluated on `?asOf=` (today when omitted) under the version in force then. */
export async function evaluationOfRequest(context: ApiContext): Promise<Evaluation> {
  const { asOf = today() } = parseQuery(context, asOfQuery);
  const [{ input }, { program }] = await Promise.all([
    loadOrganizationEvidence(context.db, context.principal.organizationId, asOf),
    publishedProgram(context.db),
  ]);
  return evaluateOn(input, program);
}
