import { afterAll, beforeAll, describe, vi } from "vitest";
import { today as clockToday } from "@/lib/clock";

/**
 * The days a date-sensitive suite runs on: the day the suite runs, a leap day and the last
 * day of a year. The code under test reads the same clock (`lib/clock`), set here through
 * vitest's fake `Date`, which still advances with real time.
 */
export const suiteDays = [
  { label: "today", instant: () => new Date() },
  { label: "29 February", instant: () => new Date("2028-02-29T09:30:00Z") },
  { label: "31 December", instant: () => new Date("2026-12-31T21:45:00Z") },
] as const;

/** Declares `suite` once per day of `suiteDays`, with the clock set to that day; `suite` is given the day. */
export function describeOnEachDay(title: string, suite: (today: string) => void) {
  for (const { label, instant } of suiteDays) {
    const now = instant();
    describe(`${title} (on ${label})`, () => {
      beforeAll(() => {
        vi.useFakeTimers({ toFake: ["Date"], now, shouldAdvanceTime: true });
      });
      afterAll(() => {
        vi.useRealTimers();
      });
      suite(clockToday(now));
    });
  }
}
