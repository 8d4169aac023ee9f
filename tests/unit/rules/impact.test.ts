import { describe, expect, it } from "vitest";
import { evaluate, forecast, impactOf, tierRisk } from "@/lib/rules";
import { line, organization, pass, person, THRESHOLD } from "./build";

/** Gold on 2018-06-30 held by exactly four people, with revenue above the threshold. */
const gold = organization({
  people: [
    person("alice", [pass("MB2-717"), pass("MB2-710")]),
    person("bruno", [pass("MB2-717"), pass("MB2-710")]),
    person("chloe", [pass("MB2-712", "2018-01-15", "chloe-712")]),
    person("david", [pass("MB2-712")]),
  ],
  revenue: [line("big", THRESHOLD), line("small", 1_000_000)],
});

describe("impactOf", () => {
  it("sees a departure today drop Gold to Silver at once", () => {
    const impact = impactOf(gold, { kind: "departure", personId: "chloe", on: "2018-06-30" });
    expect(impact.before.tier).toBe("gold");
    expect(impact.after.tier).toBe("silver");
    expect(impact.firstDifference).toEqual({ on: "2018-06-30", before: "gold", after: "silver" });
  });

  it("dates a departure recorded ahead to its day, and the forecast after it shows the drop", () => {
    const impact = impactOf(gold, { kind: "departure", personId: "chloe", on: "2018-07-15" });
    expect(impact.after.tier).toBe("gold");
    expect(impact.firstDifference).toEqual({ on: "2018-07-15", before: "gold", after: "silver" });
    expect(impact.after.forecast.changes.some((change) => change.on === "2018-07-15" && change.to === "silver")).toBe(true);
  });

  it("sees removing a pass or a counted line that the tier needs, and nothing for one it does not", () => {
    expect(impactOf(gold, { kind: "pass-removed", personId: "chloe", passId: "chloe-712" }).firstDifference).toEqual({
      on: "2018-06-30",
      before: "gold",
      after: "silver",
    });
    expect(impactOf(gold, { kind: "revenue-removed", lineId: "big" }).after.tier).toBe("none");
    expect(impactOf(gold, { kind: "revenue-removed", lineId: "small" }).firstDifference).toBeNull();
  });
});

describe("tierRisk", () => {
  it("says who alone holds Gold and what their departure leaves, the spares, the headroom and the next change", () => {
    const input = { ...gold, people: [...gold.people, person("erin", [pass("MB2-712")])] };
    const risk = tierRisk(input, evaluate(input), forecast(input));
    expect(risk).toEqual({
      tier: "gold",
      critical: [
        { personId: "alice", dropsTo: "silver", leavesOn: null },
        { personId: "bruno", dropsTo: "silver", leavesOn: null },
      ],
      spares: { "application-deployment": 0, customization: 1 },
      headroomUsd: 10_000,
      nextChange: expect.objectContaining({ to: "none" }) as unknown,
    });
  });

  it("gives the day of a departure already recorded for someone who alone holds a slot", () => {
    const input = { ...gold, people: gold.people.map((one) => (one.id === "chloe" ? { ...one, leftOn: "2018-07-15" } : one)) };
    const risk = tierRisk(input, evaluate(input), forecast(input));
    expect(risk?.critical.find((item) => item.personId === "chloe")).toEqual({
      personId: "chloe",
      dropsTo: "silver",
      leavesOn: "2018-07-15",
    });
    expect(risk?.critical.filter((item) => item.leavesOn !== null)).toHaveLength(1);
  });

  it("is null without a tier", () => {
    const input = organization();
    expect(tierRisk(input, evaluate(input), forecast(input))).toBeNull();
  });
});
