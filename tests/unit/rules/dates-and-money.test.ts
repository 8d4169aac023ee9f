import fc from "fast-check";
import { formatMoney, formatMonth } from "@/lib/i18n/format";
import { describe, expect, it } from "vitest";
import {
  addDays,
  centsFromUsd,
  dayNumber,
  isCalendarDate,
  sameDateYearsLater,
  usdFromCents,
  windowFor,
  writeDate,
  writeUsd,
} from "@/lib/rules";
import { dateOfDayNumber } from "@/lib/rules/dates";
import { firstDayOutsideWindow } from "@/lib/rules/window";

const runs = process.env.CI ? 1000 : 200;
const anyDay = fc.integer({ min: dayNumber("1900-01-01"), max: dayNumber("2100-12-31") });

describe("calendar dates", () => {
  it("day numbers agree with the UTC calendar, both ways", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(dateOfDayNumber(day)).toBe(date);
        expect(dayNumber(date)).toBe(day);
      }),
      { numRuns: runs },
    );
  });

  it("knows which days exist", () => {
    expect(["2020-02-29", "2000-02-29", "2018-12-31"].every(isCalendarDate)).toBe(true);
    expect(["1900-02-29", "2018-02-29", "2018-00-10", "2018-11-31", "18-01-01"].some(isCalendarDate)).toBe(false);
  });

  it("moves by days and years; 29 February maps to 28 February", () => {
    expect(addDays("2018-12-31", 1)).toBe("2019-01-01");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
    expect(sameDateYearsLater("2020-02-29", 1)).toBe("2021-02-28");
    expect(sameDateYearsLater("2020-02-29", -4)).toBe("2016-02-29");
    expect(sameDateYearsLater("2018-06-30", -1)).toBe("2017-06-30");
  });

  it("writes a chart's month with its whole year, never like a day of the month", () => {
    expect(formatMonth("2025-12-31", "en")).toBe("Dec 2025");
    expect(formatMonth("2025-12-31", "fr")).toBe("déc. 2025");
    expect(formatMonth("2026-01-01", "en")).toBe("Jan 2026");
  });
});

describe("the revenue window", () => {
  it("starts the day after the same date a year before asOf", () => {
    expect(windowFor("2018-06-30")).toEqual({ start: "2017-07-01", end: "2018-06-30" });
    expect(windowFor("2020-02-29")).toEqual({ start: "2019-03-01", end: "2020-02-29" });
    expect(windowFor("2021-02-28")).toEqual({ start: "2020-02-29", end: "2021-02-28" });
    expect(windowFor("2019-01-01")).toEqual({ start: "2018-01-02", end: "2019-01-01" });
  });

  it("a line leaves the window on the first asOf whose window starts after it", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 3 }), (day, years) => {
        const bookedOn = dateOfDayNumber(day);
        const leaves = firstDayOutsideWindow(bookedOn, years);
        expect(windowFor(leaves, years).start > bookedOn).toBe(true);
        expect(windowFor(addDays(leaves, -1), years).start <= bookedOn).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

describe("money", () => {
  it("dollars with up to 2 decimals become cents exactly, and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (cents) => {
        const usd = Number((cents / 100).toFixed(2));
        expect(centsFromUsd(usd)).toBe(cents);
        expect(usdFromCents(cents)).toBe(usd);
      }),
      { numRuns: runs },
    );
  });

  it("0.1 + 0.2 is 0.3 when added in cents", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(usdFromCents(centsFromUsd(0.1) + centsFromUsd(0.2))).toBe(0.3);
  });

  it("refuses fractions of a cent", () => {
    expect(() => centsFromUsd(1.005)).toThrow(RangeError);
    expect(() => usdFromCents(0.5)).toThrow(RangeError);
  });

  it("prints the largest possible total exactly", () => {
    // 500,000 lines of USD 100,000,000.00, less one cent each.
    const cents = 500_000 * 9_999_999_999;
    expect(JSON.stringify(usdFromCents(cents))).toBe("49999999995000");
    expect(JSON.stringify(usdFromCents(cents + 99))).toBe("49999999995000.99");
  });

  it("is written out for a partner, exactly", () => {
    expect(writeUsd(8_250_050, "en")).toBe("$82,500.50");
    expect(writeUsd(8_250_050, "fr")).toBe("82\u202f500,50\u00a0$US");
    expect(writeUsd(-5, "en")).toBe("-$0.05");
    expect(writeUsd(100_000_000_00, "en")).toBe("$100,000,000.00");
    expect(writeDate("2017-07-01", "en")).toBe("July 1, 2017");
    // The same as every amount the portal's pages write.
    for (const cents of [0, -5, 99, 8_250_050, -125_050, 100_000_000_00]) {
      for (const locale of ["en", "fr"] as const) expect(writeUsd(cents, locale)).toBe(formatMoney(cents, locale));
    }
    expect(writeDate("2017-07-01", "fr")).toBe("1er juillet 2017");
    expect(writeDate("2018-12-31", "fr")).toBe("31 décembre 2018");
  });
});
