import type { Locale } from "./locales";

const tags: Record<Locale, string> = { en: "en-US", fr: "fr-FR" };

/**
 * Intl formatters are costly to build and safe to share, so each is built once per locale
 * and style: a page formats dozens of amounts and dates.
 */
function memoized<F>(build: (locale: Locale, style: string) => F) {
  const built = new Map<string, F>();
  return (locale: Locale, style = "") => {
    const key = `${locale}|${style}`;
    let formatter = built.get(key);
    if (!formatter) {
      formatter = build(locale, style);
      built.set(key, formatter);
    }
    return formatter;
  };
}

const moneyFormat = memoized((locale) => new Intl.NumberFormat(tags[locale], { style: "currency", currency: "USD" }));

const dateFormat = memoized(
  (locale, style) => new Intl.DateTimeFormat(tags[locale], { dateStyle: style as "medium" | "long", timeZone: "UTC" }),
);

const instantFormat = memoized(
  (locale, style) =>
    new Intl.DateTimeFormat(tags[locale], {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      ...(style === "seconds" && { second: "2-digit" }),
      timeZone: "UTC",
      timeZoneName: "short",
    }),
);

const listFormat = memoized((locale, style) => new Intl.ListFormat(tags[locale], { type: style as "conjunction" | "disjunction" }));

const monthFormat = memoized((locale) => new Intl.DateTimeFormat(tags[locale], { month: "short", year: "numeric", timeZone: "UTC" }));

/** USD from integer cents, in the reader's conventions: `$1,234.56` or `1 234,56 $US`. */
export function formatMoney(cents: number, locale: Locale): string {
  return moneyFormat(locale).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) written out for a person; never shifted by a time zone. */
export function formatDate(isoDate: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return dateFormat(locale, style).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Items joined as a sentence says them: `A, B and C` (conjunction) or `A or B` (disjunction). */
export function formatList(items: readonly string[], locale: Locale, type: "conjunction" | "disjunction" = "conjunction"): string {
  return listFormat(locale, type).format(items);
}

/**
 * A month and its year (`Nov 2026`, `nov. 2026`), for chart axes: with a two-digit year,
 * `Dec 25` read as a day.
 */
export function formatMonth(isoDate: string, locale: Locale): string {
  return monthFormat(locale).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment (an audit event, an expiry) in UTC, saying so: `Dec 1, 2026, 9:41 PM UTC`. */
export function formatInstant(at: Date, locale: Locale, precision: "minutes" | "seconds" = "minutes"): string {
  return instantFormat(locale, precision).format(at);
}

/**
 * A time of day in the visitor's own time zone when their browser told it (UTC otherwise,
 * and for a zone this runtime does not know), with the zone's name: `2:32 PM UTC`, `15:32 UTC+1`.
 */
export function formatTimeIn(at: Date, locale: Locale, timeZone?: string): string {
  const options = { hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
  try {
    return new Intl.DateTimeFormat(tags[locale], { ...options, timeZone: timeZone || "UTC" }).format(at);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new Intl.DateTimeFormat(tags[locale], { ...options, timeZone: "UTC" }).format(at);
  }
}

/**
 * French elides "de" before a vowel: a sentence composed with a name reads "d’Alice", not
 * "de Alice". For sentences built from names; text a person wrote is left as written.
 */
export function elideFrench(text: string): string {
  return text.replace(/(^|[\s(])([Dd])e (?=[aeiouyàâäéèêëîïôöùûüœæ])/giu, "$1$2’");
}
