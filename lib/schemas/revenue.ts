import { z } from "zod";
import { pageNumber } from "@/lib/schemas/fields";
import { moneyFormats, parseMoney, type MoneyFormat } from "@/lib/i18n/parse-money";
import { calendarDate, recordId, rowVersion, searchText, text } from "./fields";

/** The products a line can be booked on; "other" stands for every product outside the list. */
export const revenueProducts = ["crm-online", "d365-ce-plan-1", "other"] as const;
export type RevenueProduct = (typeof revenueProducts)[number];

/** The choice that shows a stored product: a product outside the list (the demo's "office-365") is "other". */
export function productChoice(stored: string): RevenueProduct {
  return (revenueProducts as readonly string[]).includes(stored) ? (stored as RevenueProduct) : "other";
}

/** What to store for `chosen`: "other" keeps a stored product outside the list rather than erase its name. */
export function productToStore(chosen: RevenueProduct, stored: string | null): string {
  return chosen === "other" && stored !== null && productChoice(stored) === "other" ? stored : chosen;
}

/** A checkbox posts "on" when ticked and nothing when not; a CSV cell says true or false. */
const flag = z
  .union([
    z.boolean(),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["on", "true", "1", "yes", "false", "0", "no", ""])),
  ])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true" || value === "1" || value === "yes");

const lineFields = {
  reference: text(100),
  customerName: text(200),
  product: z.enum(revenueProducts),
  /** As typed: `1,234.56` in English, `1 234,56` in French, `1234.56` in a CSV file. */
  amount: z.string().max(40),
  /** How `amount` is written: the form says the language it was shown in, the CSV import "plain". */
  amountFormat: z.enum(moneyFormats),
  bookedOn: calendarDate,
  dporAssociated: flag,
};

interface TypedAmount {
  amount: string;
  amountFormat: MoneyFormat;
}

function checkAmount(input: TypedAmount, context: z.RefinementCtx<TypedAmount>): void {
  // Runs even when other fields failed (see below), so it may see what never parsed.
  if (typeof input.amount !== "string" || !moneyFormats.includes(input.amountFormat)) return;
  const parsed = parseMoney(input.amount, input.amountFormat);
  if (parsed.ok) return;
  const shape = input.amountFormat === "plain" ? "revenue.errors.amountPlain" : "revenue.errors.amount";
  const message = input.amount.trim() === "" ? "errors.required" : parsed.problem === "range" ? "revenue.errors.amountRange" : shape;
  context.addIssue({ code: "custom", path: ["amount"], message });
}

function inCents<T extends TypedAmount>({ amount, amountFormat, ...line }: T) {
  const parsed = parseMoney(amount, amountFormat);
  if (!parsed.ok) throw new Error(`checkAmount let the unreadable amount "${amount}" through`);
  return { ...line, amountCents: parsed.cents };
}

// The amount is checked even when another field is wrong, so the form shows every problem at once.
const alongOtherFields = { when: () => true };

/**
 * One revenue line, amount in integer cents: the form, the action and the CSV import parse
 * with it. Negative amounts are credits and refunds.
 */
export const revenueLineInput = z.object(lineFields).superRefine(checkAmount, alongOtherFields).transform(inCents);

/**
 * A revenue line from the API: the amount as a CSV file writes it (`60000.00`) or as a number,
 * otherwise the form's rules and messages.
 */
const plainLineFields = z.object({
  ...lineFields,
  amount: z.union([z.string().max(40), z.number()]).transform(String),
  amountFormat: z.literal("plain").default("plain"),
});

export const plainRevenueLineInput = plainLineFields.superRefine(checkAmount, alongOtherFields).transform(inCents);

/** The fields of a change to a line through the API, each checked alone; the line they make is checked whole with plainRevenueLineInput. */
export const plainRevenueLineChanges = plainLineFields.partial();

export const updateRevenueLineInput = z
  .object({ ...lineFields, id: recordId, version: rowVersion })
  .superRefine(checkAmount, alongOtherFields)
  .transform(inCents);

/** `confirmed`: the admin saw that deleting the line drops a tier and deletes it anyway. */
export const deleteRevenueLineInput = z.object({ id: recordId, version: rowVersion, confirmed: z.literal("1").optional() });

export const revenueScopes = ["all", "window"] as const;

export const revenueQuery = z.object({
  q: searchText,
  scope: z.enum(revenueScopes).catch("all"),
  page: pageNumber,
});

export type RevenueLineInput = z.output<typeof revenueLineInput>;
export type RevenueQuery = z.output<typeof revenueQuery>;
