import { describe, expect, it } from "vitest";
import { type EvaluationInput, revenueHistory } from "@/lib/rules";

function organization(revenue: EvaluationInput["revenue"]): EvaluationInput {
  return { asOf: "2018-06-15", market: "developed", people: [], revenue };
}

const line = (id: string, bookedOn: string, amountCents: number, extra: Partial<EvaluationInput["revenue"][number]> = {}) => ({
  id,
  product: "crm-online",
  amountCents,
  bookedOn,
  dporAssociated: true,
  ...extra,
});

describe("the trailing revenue history", () => {
  it("ends each point on a month's last day, and the last one on asOf", () => {
    const { points } = revenueHistory(organization([]), { months: 4 });
    expect(points.map((point) => point.on)).toEqual(["2018-03-31", "2018-04-30", "2018-05-31", "2018-06-15"]);
  });

  it("counts what the window holds on each day, as the rules do", () => {
    const { points } = revenueHistory(
      organization([
        line("a", "2017-03-31", 1_000),
        line("b", "2017-04-01", 20_000),
        line("c", "2018-03-15", 300_000),
        line("credit", "2018-04-02", -5_000),
        line("not-dpor", "2018-03-01", 7_000_000, { dporAssociated: false }),
        line("office", "2018-03-01", 7_000_000, { product: "office-365" }),
      ]),
      { months: 4 },
    );
    // seed: the twelve months before the day. On 2018-03-31 the window starts 2017-04-01, so
    // "b" counts and "a" does not; a month later "b" has aged out and the credit counts.
    expect(points.map((point) => point.totalCents)).toEqual([320_000, 295_000, 295_000, 295_000]);
  });

  it("gives each tier's threshold for the partner's market", () => {
    expect(revenueHistory(organization([])).thresholdCents).toEqual({ silver: 10_000_000, gold: 10_000_000 });
    expect(revenueHistory(organization([])).points).toHaveLength(24);
  });
});
