import { json, parseBody, parseQuery, apiRoute } from "@/lib/api/route";
import { personRecord } from "@/lib/api/records";
import { peopleListQuery } from "@/lib/api/schemas";
import { pageOfPeople } from "@/lib/data/api-lists";
import { createPerson } from "@/lib/data/people";
import { personInput } from "@/lib/schemas/people";

/** GET /api/v1/people: the token's organization's people, a page at a time. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const query = parseQuery(context, peopleListQuery);
  const page = await pageOfPeople(context.db, context.principal.organizationId, query);
  return json({ items: page.items.map(personRecord), next: page.next });
});

/** POST /api/v1/people: records a person, with the form's rules. */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const person = await createPerson(context.db, context.actor, parseBody(context, personInput));
  return json(personRecord(person), { status: 201, etag: person.version });
});
