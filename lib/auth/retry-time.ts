import { formatTimeIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The time a throttled visitor may try again, in their language and, when their browser
 * told us, their time zone (UTC otherwise, and said so). Rounded up to the minute so that
 * trying at the time shown always works.
 */
export function formatRetryTime(retryAfter: Date, locale: Locale, timeZone?: string): string {
  const minute = 60_000;
  return formatTimeIn(new Date(Math.ceil(retryAfter.getTime() / minute) * minute), locale, timeZone);
}
