import { apiRoute, json, parseBody, parseQuery } from "@/lib/api/route";
import { revenueLineRecord } from "@/lib/api/records";
import { revenueListQuery } from "@/lib/api/schemas";
import { pageOfRevenueLines } from "@/lib/data/api-lists";
import { createRevenueLine } from "@/lib/data/revenue";
import { plainRevenueLineInput } from "@/lib/schemas/revenue";

/** GET /api/v1/revenue-lines: the organization's revenue lines, a page at a time, booked between two days if asked. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const query = parseQuery(context, revenueListQuery);
  const page = await pageOfRevenueLines(context.db, context.principal.organizationId, query);
  return json({ items: page.items.map(revenueLineRecord), next: page.next });
});

/** POST /api/v1/revenue-lines: records a line, with the form's rules. */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const line = await createRevenueLine(context.db, context.actor, parseBody(context, plainRevenueLineInput));
  return json(revenueLineRecord(line), { status: 201, etag: line.version });
});
