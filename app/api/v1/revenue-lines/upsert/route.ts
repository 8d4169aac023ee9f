import { apiRoute, json, parseBody } from "@/lib/api/route";
import { revenueLineRecord } from "@/lib/api/records";
import { revenueLineIdByReference } from "@/lib/data/api-lists";
import { createRevenueLine, getRevenueLine, updateRevenueLine } from "@/lib/data/revenue";
import { plainRevenueLineInput, productToStore } from "@/lib/schemas/revenue";

/**
 * POST /api/v1/revenue-lines/upsert: the line with this invoice reference takes the fields
 * sent, or is created (201). A line sent again as it is stays as it is, verdict included.
 */
export const POST = apiRoute({ scope: "write" }, async (context) => {
  const input = parseBody(context, plainRevenueLineInput);
  const { organizationId } = context.principal;
  const id = await revenueLineIdByReference(context.db, organizationId, input.reference);
  if (id === null) {
    const line = await createRevenueLine(context.db, context.actor, input);
    return json(revenueLineRecord(line), { status: 201, etag: line.version });
  }
  const before = await getRevenueLine(context.db, organizationId, id);
  const unchanged =
    before.customerName === input.customerName &&
    before.product === productToStore(input.product, before.product) &&
    before.amountCents === input.amountCents &&
    before.bookedOn === input.bookedOn &&
    before.dporAssociated === input.dporAssociated;
  const line = unchanged ? before : await updateRevenueLine(context.db, context.actor, { ...input, id, version: before.version });
  return json(revenueLineRecord(line), { etag: line.version });
});
