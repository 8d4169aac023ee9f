import { pathId } from "@/lib/api/ids";
import { apiRoute, ifMatch, json, parseChanges } from "@/lib/api/route";
import { revenueLineRecord } from "@/lib/api/records";
import { deleteRevenueLine, getRevenueLine, updateRevenueLine } from "@/lib/data/revenue";
import { writeAmount } from "@/lib/i18n/parse-money";
import { plainRevenueLineChanges, plainRevenueLineInput, productChoice } from "@/lib/schemas/revenue";

/** GET /api/v1/revenue-lines/{id}: one line. */
export const GET = apiRoute<{ id: string }>({ scope: "read" }, async (context, { id }) => {
  const line = await getRevenueLine(context.db, context.principal.organizationId, pathId(id));
  return json(revenueLineRecord(line), { etag: line.version });
});

/**
 * PATCH /api/v1/revenue-lines/{id}: the fields sent over the line as it is, checked whole with
 * the form's rules, if the line is still at If-Match. A changed line needs the program's verdict again.
 */
export const PATCH = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  const version = ifMatch(context);
  const before = await getRevenueLine(context.db, context.principal.organizationId, pathId(id));
  const current = {
    reference: before.reference,
    customerName: before.customerName,
    product: productChoice(before.product),
    amount: writeAmount(before.amountCents, "plain"),
    bookedOn: before.bookedOn,
    dporAssociated: before.dporAssociated,
  };
  const input = parseChanges(context, plainRevenueLineChanges, current, plainRevenueLineInput);
  const line = await updateRevenueLine(context.db, context.actor, { ...input, id: before.id, version });
  return json(revenueLineRecord(line), { etag: line.version });
});

/** DELETE /api/v1/revenue-lines/{id}: deletes the line if it is still at If-Match. */
export const DELETE = apiRoute<{ id: string }>({ scope: "write" }, async (context, { id }) => {
  await deleteRevenueLine(context.db, context.actor, { id: pathId(id), version: ifMatch(context) });
  return new Response(null, { status: 204 });
});
