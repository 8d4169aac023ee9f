import { pathId } from "@/lib/api/ids";
import { apiRoute, ifMatch, json, parseBody } from "@/lib/api/route";
import { personRecord } from "@/lib/api/records";
import { deletePerson, getPerson, updatePerson } from "@/lib/data/people";
import { personInput } from "@/lib/schemas/people";

/** GET /api/v1/people/{id}: one person; its ETag is the version an update names in If-Match. */
export const GET = apiRoute<{ id: string }>({ scope: "read" }, async (context, { id }) => {
  const { person } = await getPerson(context.db, context.principal.organizationId, pathId(id));
  return json(personRecord(person), { etag: person.version });
});

/** PATCH /api/v1/people/{id}: changes the fields sent (`leftOn` records a departure), if the record is still at If-Match. */
export const PATCH = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  const version = ifMatch(context);
  const changes = parseBody(context, personInput.partial());
  const person = await updatePerson(context.db, context.actor, { ...changes, id: pathId(id), version });
  return json(personRecord(person), { etag: person.version });
});

/**
 * DELETE /api/v1/people/{id}: deletes a person recorded by mistake (no exam pass, no account),
 * if still at If-Match; anyone else leaves instead (PATCH `leftOn`), so that history stays.
 */
export const DELETE = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  await deletePerson(context.db, context.actor, { id: pathId(id), version: ifMatch(context) });
  return new Response(null, { status: 204 });
});
