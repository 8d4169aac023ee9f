import { apiRoute, json, parseBody } from "@/lib/api/route";
import { examPassRecord } from "@/lib/api/records";
import { examPassByKey } from "@/lib/data/api-lists";
import { recordExamPass } from "@/lib/data/exams";
import { publishedProgram } from "@/lib/data/program";
import { examPassInputFor } from "@/lib/schemas/exams";

/**
 * POST /api/v1/exam-passes/upsert: the pass of this person, exam and day, recorded if it is
 * not yet (201), answered as it is if it is (200): a pass is a fact, sending it again changes nothing.
 */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const { program } = await publishedProgram(context.db);
  const input = parseBody(context, examPassInputFor(program));
  const existing = await examPassByKey(context.db, context.principal.organizationId, input);
  if (existing) return json(examPassRecord(existing), { etag: existing.version });
  const pass = await recordExamPass(context.db, context.actor, input);
  return json(examPassRecord(pass), { status: 201, etag: pass.version });
});
