import type { Locale } from "./locales";

/** USD from integer cents, in the reader's conventions: `$1,234.56` or `1 234,56 $US`. */
export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", {
    style: "currency",
    currency: "USD",
  }).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) written out for a person; never shifted by a time zone. */
export function formatDate(isoDate: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-US", {
    dateStyle: style,
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
