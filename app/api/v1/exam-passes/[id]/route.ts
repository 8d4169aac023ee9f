import { pathId } from "@/lib/api/ids";
import { apiRoute, ifMatch, json } from "@/lib/api/route";
import { examPassRecord } from "@/lib/api/records";
import { deleteExamPass, findExamPass } from "@/lib/data/exams";

/** GET /api/v1/exam-passes/{id}: one pass. */
export const GET = apiRoute<{ id: string }>({ scope: "read" }, async (context, { id }) => {
  const pass = await findExamPass(context.db, context.principal.organizationId, pathId(id));
  return json(examPassRecord(pass), { etag: pass.version });
});

/** DELETE /api/v1/exam-passes/{id}: deletes the pass if it is still at If-Match. */
export const DELETE = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  await deleteExamPass(context.db, context.actor, { id: pathId(id), version: ifMatch(context) });
  return new Response(null, { status: 204 });
});
