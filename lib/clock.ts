/** Today's calendar date (YYYY-MM-DD) in UTC, the program's reference time zone. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
