import { z } from "zod";
import { calendarDateSchema } from "@/lib/rules";

/**
 * Control characters (NUL included) and DEL: never part of a name, a reference or a note,
 * and PostgreSQL refuses NUL in text. Multi-line fields keep tab and line breaks.
 */
const singleLineControl = /[\u0000-\u001f\u007f]/;
const multiLineControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasNoControlCharacters = (value: string) => !singleLineControl.test(value);

/** A required one-line text field: trimmed, 1 to `maximum` characters, no control character. */
export const text = (maximum: number) => z.string().trim().min(1).max(maximum).refine(hasNoControlCharacters, "controlCharacters");

/** A form field left empty posts ""; these treat it as "no value". */
export const optionalText = (maximum: number, { multiline = false }: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .max(maximum)
    .refine((value) => !(multiline ? multiLineControl : singleLineControl).test(value), "controlCharacters")
    .transform((value) => value || null)
    .nullish()
    .transform((value) => value ?? null);

/** A list's page number from the URL: anything else is the first page. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

/** What a search box or a URL filter may hold; anything else is no filter at all. */
export const searchText = z.string().trim().max(200).refine(hasNoControlCharacters).catch("");

/** The years a date typed into the portal may fall in: PostgreSQL and every spreadsheet read them alike. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

/** A calendar day (YYYY-MM-DD) between the years 1900 and 9999; a value that is no date at all is told only that. */
export const calendarDate = calendarDateSchema.refine(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  },
  { message: "dateRange", when: (payload) => payload.issues.length === 0 },
);

export const optionalDate = z
  .union([z.literal(""), calendarDate])
  .nullish()
  .transform((value) => value || null);

export const recordId = z.uuid();

/** The version a form was rendered with: an update applies only if nobody changed the row since. */
export const rowVersion = z.coerce.number().int().min(1).max(2_147_483_647);
