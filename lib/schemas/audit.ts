import { z } from "zod";
import { calendarDate, hasNoControlCharacters } from "./fields";

const one = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value): unknown => one(value) || undefined, schema.optional().catch(undefined));

/** The audit page's and the CSV export's filters, from the query string; a bad value is no filter. */
export const auditFilter = z.object({
  actor: optional(z.uuid()),
  action: optional(z.string().max(100).refine(hasNoControlCharacters)),
  entity: optional(z.string().max(100).refine(hasNoControlCharacters)),
  organization: optional(z.uuid()),
  from: optional(calendarDate),
  to: optional(calendarDate),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});

export type AuditFilter = z.output<typeof auditFilter>;
