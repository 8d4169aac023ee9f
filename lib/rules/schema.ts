import * as z from "zod";
import { cloudCrm } from "./cloud-crm";
import { type CalendarDate, sameDateYearsLater } from "./dates";
import type { ProgramDefinition } from "./definition";
import { repeatedIdIndexes } from "./duplicates";
import { type Cents, centsFromUsd, hasAtMostTwoDecimals, MAX_LINE_AMOUNT_USD, usdFromCents } from "./money";

/*
 * The input of the rules, as zod schemas: the one definition that the command line, the
 * server actions and the CSV import parse with. Types come from them (`z.output`).
 */

/** Every string and list is bounded, so that a hostile file cannot make the engine allocate without limit. */
export const LIMITS = {
  idLength: 100,
  textLength: 200,
  people: 200_000,
  examsPerPerson: 200,
  revenueLines: 500_000,
} as const;

/** "required" when the field is absent, else what it should have been. */
function expected(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "required" : `must be ${what}`) };
}

export const calendarDateSchema = z.iso.date({
  error: (issue) => (issue.input === undefined ? "required" : "not a calendar date"),
});

const idSchema = z.string(expected("a string")).min(1, "must not be empty").max(LIMITS.idLength, `at most ${LIMITS.idLength} characters`);

const textSchema = z.string(expected("a string")).max(LIMITS.textLength, `at most ${LIMITS.textLength} characters`);

/** Dollars with at most 2 decimals, negative for credits and refunds. */
export const amountUsdSchema = z
  .number(expected("a number"))
  .min(-MAX_LINE_AMOUNT_USD, `must be between -${MAX_LINE_AMOUNT_USD} and ${MAX_LINE_AMOUNT_USD}`)
  .max(MAX_LINE_AMOUNT_USD, `must be between -${MAX_LINE_AMOUNT_USD} and ${MAX_LINE_AMOUNT_USD}`)
  .refine(hasAtMostTwoDecimals, "at most 2 decimals");

/** `id` is the application's id for the pass; without one, explanations use `personId#index`. */
export const examPassSchema = z.object(
  {
    id: idSchema.optional(),
    code: idSchema,
    passedOn: calendarDateSchema,
  },
  expected("an object"),
);

export const personSchema = z.object(
  {
    id: idSchema,
    name: textSchema.optional(),
    leftOn: calendarDateSchema.nullable().optional(),
    exams: z.array(examPassSchema, expected("a list")).max(LIMITS.examsPerPerson, `at most ${LIMITS.examsPerPerson} exams per person`),
  },
  expected("an object"),
);

const revenueLineJsonSchema = z.object(
  {
    id: idSchema,
    customer: textSchema.optional(),
    product: textSchema,
    amountUsd: amountUsdSchema,
    bookedOn: calendarDateSchema,
    dporAssociated: z.boolean(expected("true or false")),
  },
  expected("an object"),
);

/** A revenue line as the rules take it: the contract's line with its amount in integer cents. */
export type RevenueLine = Omit<z.output<typeof revenueLineJsonSchema>, "amountUsd"> & { amountCents: Cents };

/** A revenue line as the contract writes it (`amountUsd`), handed to the rules in cents. */
export const revenueLineSchema = revenueLineJsonSchema
  // Spelled out rather than spread: this runs once per line, and a fixed shape is much faster.
  .transform((line): RevenueLine => ({
    id: line.id,
    customer: line.customer,
    product: line.product,
    amountCents: centsFromUsd(line.amountUsd),
    bookedOn: line.bookedOn,
    dporAssociated: line.dporAssociated,
  }));

/** The contract's input for one program definition; `evaluationInputSchema` is Cloud CRM's. */
export function evaluationInputSchemaFor(definition: ProgramDefinition) {
  const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(" or ");
  return z
    .object(
      {
        competency: z.literal(definition.id, `must be ${quoted([definition.id])}`).optional(),
        asOf: calendarDateSchema,
        market: z.enum(definition.markets, expected(quoted(definition.markets))),
        people: z.array(personSchema, expected("a list")).max(LIMITS.people, `at most ${LIMITS.people} people`),
        revenue: z.array(revenueLineSchema, expected("a list")).max(LIMITS.revenueLines, `at most ${LIMITS.revenueLines} revenue lines`),
      },
      expected("an object"),
    )
    .superRefine((input, context) => {
      // One pass over each list of the whole file rather than a refinement per item.
      for (const key of ["people", "revenue"] as const) {
        for (const index of repeatedIdIndexes(input[key])) {
          context.addIssue({ code: "custom", message: "must be unique in the file", path: [key, index, "id"] });
        }
      }
    });
}

export const evaluationInputSchema = evaluationInputSchemaFor(cloudCrm);

/** A forecast looks at most one year past `asOf`. */
export function forecastUntilSchema(asOf: CalendarDate) {
  const latest = sameDateYearsLater(asOf, 1);
  // Piped, so that the range is only checked on a real date.
  return calendarDateSchema.pipe(
    z
      .string()
      .refine((until) => until > asOf, `must be after asOf (${asOf})`)
      .refine((until) => until <= latest, `at most one year after asOf (${latest})`),
  );
}

/**
 * What `forecastUntilSchema(asOf)` says of `until`, or null when it passes. A day in range is
 * told apart without building the schema: the forecast asks on every call, and building it
 * took a tenth of a whole-program job's evaluation.
 */
export function forecastUntilIssue(asOf: CalendarDate, until: unknown): string | null {
  if (typeof until === "string" && until > asOf && until <= sameDateYearsLater(asOf, 1) && calendarDateSchema.safeParse(until).success) {
    return null;
  }
  const checked = forecastUntilSchema(asOf).safeParse(until);
  return checked.success ? null : checked.error.issues[0].message;
}

/** The input as the contract writes it, amounts in dollars: what `evaluate FILE` reads back. */
export function contractInput(input: EvaluationInput): EvaluationInputJson {
  return {
    competency: input.competency,
    asOf: input.asOf,
    market: input.market,
    people: input.people,
    revenue: input.revenue.map(({ amountCents, ...line }) => ({ ...line, amountUsd: usdFromCents(amountCents) })),
  };
}

/** The id an exam pass is known by in explanations and forecasts: its own, else `personId#index`. */
export function examPassId(person: Person, index: number): string {
  return person.exams[index].id ?? `${person.id}#${index}`;
}

export type ExamPass = z.output<typeof examPassSchema>;
export type Person = z.output<typeof personSchema>;
/** What `evaluate` takes: amounts in integer cents. */
export type EvaluationInput = z.output<typeof evaluationInputSchema>;
/** The contract's JSON, before parsing: amounts in dollars. */
export type EvaluationInputJson = z.input<typeof evaluationInputSchema>;
