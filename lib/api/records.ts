import "server-only";
import type { z } from "zod";
import type { examPasses, people, revenueLines } from "@/db/schema";
import { writeAmount } from "@/lib/i18n/parse-money";
import type { examPassSchema, personSchema, revenueLineSchema } from "./schemas";

/** Stored rows as the API shows them: its own field names, dates as ISO text, amounts in dollars. */

export function personRecord(row: typeof people.$inferSelect): z.output<typeof personSchema> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    mcid: row.mcid,
    mcidConfirmed: row.mcidConfirmedAt !== null,
    leftOn: row.leftOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function examPassRecord(row: typeof examPasses.$inferSelect): z.output<typeof examPassSchema> {
  return {
    id: row.id,
    personId: row.personId,
    code: row.examCode,
    passedOn: row.passedOn,
    certificationRef: row.certificationRef,
    transcriptId: row.transcriptId,
    transcriptCode: row.transcriptCode,
    verificationStatus: row.verificationStatus,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function revenueLineRecord(row: typeof revenueLines.$inferSelect): z.output<typeof revenueLineSchema> {
  return {
    id: row.id,
    reference: row.reference,
    customerName: row.customerName,
    product: row.product,
    amount: writeAmount(row.amountCents, "plain"),
    bookedOn: row.bookedOn,
    dporAssociated: row.dporAssociated,
    verificationStatus: row.verificationStatus,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
