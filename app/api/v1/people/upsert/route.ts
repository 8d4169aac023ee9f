import { apiRoute, json, parseBody } from "@/lib/api/route";
import { personRecord } from "@/lib/api/records";
import { personUpsertBody } from "@/lib/api/schemas";
import { personIdByMcid } from "@/lib/data/api-lists";
import { createPerson, getPerson, updatePerson } from "@/lib/data/people";

/**
 * POST /api/v1/people/upsert: the person with this MCID takes the fields sent, or is created
 * (201). What an HR system sends every night: a person unchanged is answered as they are.
 */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const input = parseBody(context, personUpsertBody);
  const { organizationId } = context.principal;
  const id = await personIdByMcid(context.db, organizationId, input.mcid!);
  if (id === null) {
    const person = await createPerson(context.db, context.actor, input);
    return json(personRecord(person), { status: 201, etag: person.version });
  }
  const { person: before } = await getPerson(context.db, organizationId, id);
  const unchanged = before.name === input.name && before.email === input.email && before.leftOn === input.leftOn;
  const person = unchanged ? before : await updatePerson(context.db, context.actor, { ...input, id, version: before.version });
  return json(personRecord(person), { etag: person.version });
});
