import { apiRoute, json, parseBody, parseQuery } from "@/lib/api/route";
import { examPassRecord } from "@/lib/api/records";
import { examPassListQuery } from "@/lib/api/schemas";
import { pageOfExamPasses } from "@/lib/data/api-lists";
import { recordExamPass } from "@/lib/data/exams";
import { publishedProgram } from "@/lib/data/program";
import { examPassInputFor } from "@/lib/schemas/exams";

/** GET /api/v1/exam-passes: the organization's exam passes, a page at a time, of one person or one exam if asked. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const query = parseQuery(context, examPassListQuery);
  const page = await pageOfExamPasses(context.db, context.principal.organizationId, query);
  return json({ items: page.items.map(examPassRecord), next: page.next });
});

/** POST /api/v1/exam-passes: records a pass, checked against the program in force on its date as the form is. */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const { program } = await publishedProgram(context.db);
  const pass = await recordExamPass(context.db, context.actor, parseBody(context, examPassInputFor(program)));
  return json(examPassRecord(pass), { status: 201, etag: pass.version });
});
