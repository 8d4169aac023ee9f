import type { Locale } from "@/lib/i18n/locales";

/**
 * The time a throttled visitor may try again, in their language and, when their browser
 * told us, their time zone (UTC otherwise, and said so). Rounded up to the minute so that
 * trying at the time shown always works.
 */
export function formatRetryTime(retryAfter: Date, locale: Locale, timeZone?: string): string {
  const minute = 60_000;
  const at = new Date(Math.ceil(retryAfter.getTime() / minute) * minute);
  const options = { hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
  const language = locale === "fr" ? "fr-FR" : "en-US";
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: timeZone || "UTC" }).format(at);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" }).format(at);
  }
}
