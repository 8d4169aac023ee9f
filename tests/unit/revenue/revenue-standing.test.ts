import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/rules";
import { revenueStanding } from "@/lib/rules/revenue-standing";

const line = (id: string, bookedOn: string, extra: { product?: string; dporAssociated?: boolean; amountCents?: number } = {}) => ({
  id,
  product: "crm-online",
  amountCents: 1_000_000,
  dporAssociated: true,
  ...extra,
  bookedOn,
});

describe("the revenue page's standing on 30 June 2018", () => {
  const lines = [
    line("counts", "2018-01-15"),
    line("first-day", "2017-07-01", { product: "d365-ce-plan-1" }),
    line("day-before-window", "2017-06-30"),
    line("not-dpor", "2018-02-01", { dporAssociated: false }),
    line("office", "2018-03-01", { product: "office-365" }),
    line("refund", "2018-04-01", { amountCents: -250_000 }),
    line("tomorrow", "2018-07-01"),
  ];
  const standing = revenueStanding(lines, "2018-06-30");

  it("totals the lines that count exactly as evaluate does", () => {
    const evaluation = evaluate({ asOf: "2018-06-30", market: "developed", people: [], revenue: lines });
    expect(standing.countingCents).toBe(1_750_000);
    expect(standing.countingCents).toBe(evaluation.revenue.totalUsd * 100);
  });

  it("totals every line, whatever its date, product or DPOR association", () => {
    expect(standing.allCents).toBe(5_750_000);
  });

  it("says for each line whether it lies in the window and why it does not count", () => {
    expect(standing.window).toEqual({ start: "2017-07-01", end: "2018-06-30" });
    expect(Object.fromEntries(standing.lines)).toEqual({
      counts: { inWindow: true, exclusion: null },
      "first-day": { inWindow: true, exclusion: null },
      "day-before-window": { inWindow: false, exclusion: "before-window" },
      "not-dpor": { inWindow: true, exclusion: "not-dpor" },
      office: { inWindow: true, exclusion: "product-not-counting" },
      refund: { inWindow: true, exclusion: null },
      tomorrow: { inWindow: false, exclusion: "after-as-of" },
    });
  });
});
