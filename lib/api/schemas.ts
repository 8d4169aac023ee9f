import { z } from "zod";
import { CHANGE_CAUSES } from "@/lib/rules";
import { personInput } from "@/lib/schemas/people";
import { calendarDate, recordId, searchText } from "@/lib/schemas/fields";

/**
 * The shapes of /api/v1, for the routes to answer with and for the OpenAPI document. Request
 * bodies are the forms' own schemas (lib/schemas): the same rules, the same messages.
 */

const date = z.string().meta({ format: "date", example: "2026-11-30" });
const timestamp = z.string().meta({ format: "date-time" });
const version = z.int().min(1).meta({ description: "The record's version: send it back in If-Match to update or delete." });

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    mcid: z.string().nullable(),
    mcidConfirmed: z.boolean().meta({ description: "Whether the person, signed in, confirmed that this MCID is theirs." }),
    leftOn: date.nullable(),
    version,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Person" });

export const examPassSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    code: z.string(),
    passedOn: date,
    certificationRef: z.string().nullable(),
    transcriptId: z.string().nullable(),
    transcriptCode: z.string().nullable(),
    verificationStatus: z.string(),
    version,
    createdAt: timestamp,
  })
  .meta({ id: "ExamPass" });

export const revenueLineSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    customerName: z.string(),
    product: z.string(),
    amount: z.string().meta({ description: "US dollars, a decimal with two places (negative for a credit).", example: "60000.00" }),
    bookedOn: date,
    dporAssociated: z.boolean(),
    verificationStatus: z.string(),
    version,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "RevenueLine" });

/** A page of a list: `next` is the cursor of the following page, null on the last. */
export function pageOf<S extends z.ZodType>(item: S, id: string) {
  return z.object({ items: z.array(item), next: z.string().nullable() }).meta({ id });
}

const cursor = z
  .string()
  .max(100)
  .regex(/^[0-9a-f-]{36}$/)
  .optional()
  .meta({ description: "The `next` of the previous page." });
const limit = z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Items per page, at most 100." });

export const peopleListQuery = z.object({
  cursor,
  limit,
  status: z.enum(["current", "left", "all"]).default("all"),
  q: searchText.optional().meta({ description: "Part of the name, e-mail or MCID." }),
});

export const examPassListQuery = z.object({
  cursor,
  limit,
  personId: recordId.optional(),
  code: z.string().max(20).optional(),
});

export const revenueListQuery = z.object({
  cursor,
  limit,
  bookedFrom: calendarDate.optional(),
  bookedTo: calendarDate.optional(),
});

export const asOfQuery = z.object({ asOf: calendarDate.optional().meta({ description: "The day to evaluate, today when omitted." }) });
export const untilQuery = z.object({
  until: calendarDate.optional().meta({ description: "The last day of the forecast, a year from today when omitted." }),
});

/** A person by MCID: creates one, or updates the one with this MCID. */
export const personUpsertBody = personInput.superRefine((input, context) => {
  if (input.mcid === null) context.addIssue({ code: "custom", path: ["mcid"], message: "errors.required" });
});

const slot = z.object({ needed: z.int(), filled: z.int(), personIds: z.array(z.string()) });
const tierStatus = z.object({
  met: z.boolean(),
  revenue: z.object({
    met: z.boolean(),
    thresholdUsd: z.number(),
    totalUsd: z.number(),
    shortfallUsd: z.number(),
    headroomUsd: z.number(),
  }),
  people: z.object({ met: z.boolean(), criticalPersonIds: z.array(z.string()), slots: z.record(z.string(), slot) }),
});
const missingGroups = z.array(z.array(z.string()));
const personStatus = z.object({
  id: z.string(),
  counts: z.boolean(),
  qualifiesFor: z.array(z.string()),
  missing: z.record(z.string(), missingGroups),
});
const nextTier = z
  .object({
    tier: z.string(),
    revenueShortfallUsd: z.number(),
    minimumAdditionalExams: z.int().nullable(),
    steps: z.array(z.object({ personId: z.string().nullable(), role: z.string(), groups: missingGroups })),
  })
  .nullable();

/** The rules contract's evaluation (../shared/contracts/rules-cli.md), ids being the records' ids. */
export const evaluationSchema = z
  .object({
    competency: z.string(),
    asOf: date,
    tier: z.string(),
    revenue: z.object({ totalUsd: z.number(), windowStart: date, windowEnd: date, countedIds: z.array(z.string()) }),
    tiers: z.record(z.string(), tierStatus),
    people: z.array(personStatus),
    rejected: z.array(z.object({ personId: z.string(), code: z.string(), passedOn: date, reason: z.string() })),
    nextTier,
  })
  .meta({ id: "Evaluation" });

export const gapsSchema = z
  .object({ asOf: date, tier: z.string(), tiers: z.record(z.string(), tierStatus), people: z.array(personStatus) })
  .meta({ id: "Gaps" });
export const nextTierSchema = z.object({ asOf: date, tier: z.string(), nextTier }).meta({ id: "NextTierPlan" });

export const forecastSchema = z
  .object({
    asOf: date,
    until: date,
    changes: z.array(
      z.object({
        on: date,
        from: z.string(),
        to: z.string(),
        causes: z.array(z.object({ kind: z.enum(CHANGE_CAUSES), ids: z.array(z.string()) })),
      }),
    ),
  })
  .meta({ id: "Forecast" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string().meta({ example: "$.email" }), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457: what went wrong, and where for each invalid field." });
