import { pathId } from "@/lib/api/ids";
import { apiRoute, ifMatch, json, parseChanges } from "@/lib/api/route";
import { examPassRecord } from "@/lib/api/records";
import { deleteExamPass, findExamPass, updateExamPassNotes } from "@/lib/data/exams";
import { examPassNotes, examPassNotesChanges } from "@/lib/schemas/exams";

/** GET /api/v1/exam-passes/{id}: one pass. */
export const GET = apiRoute<{ id: string }>({ scope: "read" }, async (context, { id }) => {
  const pass = await findExamPass(context.db, context.principal.organizationId, pathId(id));
  return json(examPassRecord(pass), { etag: pass.version });
});

/**
 * PATCH /api/v1/exam-passes/{id}: changes the pass's notes and transcript, if still at If-Match
 * (another person, exam or day is another pass: delete this one and record that one).
 */
export const PATCH = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  const version = ifMatch(context);
  const before = await findExamPass(context.db, context.principal.organizationId, pathId(id));
  const current = { certificationRef: before.certificationRef, transcriptId: before.transcriptId, transcriptCode: before.transcriptCode };
  const notes = parseChanges(context, examPassNotesChanges, current, examPassNotes);
  const pass = await updateExamPassNotes(context.db, context.actor, { ...notes, id: before.id, version });
  return json(examPassRecord(pass), { etag: pass.version });
});

/** DELETE /api/v1/exam-passes/{id}: deletes the pass if it is still at If-Match. */
export const DELETE = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  await deleteExamPass(context.db, context.actor, { id: pathId(id), version: ifMatch(context) });
  return new Response(null, { status: 204 });
});
