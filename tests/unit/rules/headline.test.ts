import { describe, expect, it } from "vitest";
import { evaluate, forecast, headline } from "@/lib/rules";
import { line, organization, pass, person } from "./build";

/** Gold on 2018-06-30: two application + deployment people, two customizers, and revenue part of which leaves the window on 2018-09-01. */
function gold(exceptPeople: string[] = []) {
  const people = [
    person("alice", [pass("MB2-717"), pass("MB2-710")]),
    person("bruno", [pass("MB2-717"), pass("MB2-710")]),
    person("chloe", [pass("MB2-712")]),
    person("david", [pass("MB2-712")]),
  ].filter(({ id }) => !exceptPeople.includes(id));
  return organization({
    people,
    revenue: [line("old", 6_000_000, { bookedOn: "2017-09-01" }), line("new", 5_000_000, { bookedOn: "2018-03-01" })],
  });
}

describe("headline", () => {
  it("says how long the highest tier holds, why it ends, and when the award is due for renewal", () => {
    const input = gold();
    const result = headline(evaluate(input), forecast(input), { tier: "gold", awardedOn: "2018-01-10", anniversaryOn: "2019-01-10" });
    expect(result).toEqual({
      tier: "gold",
      drop: { on: "2018-09-01", to: "none", cause: "revenue-expired" },
      next: null,
      renewalDueOn: "2019-01-10",
    });
  });

  it("names the next tier, the fewest exams and the revenue it lacks, and who passes what", () => {
    const input = gold(["bruno"]);
    const result = headline(evaluate(input), forecast(input), null);
    expect(result.tier).toBe("silver");
    expect(result.drop).toEqual({ on: "2018-09-01", to: "none", cause: "revenue-expired" });
    expect(result.next).toMatchObject({ tier: "gold", exams: 2, revenueShortfallUsd: 0 });
    expect(result.next?.steps).toHaveLength(1);
    expect(result.renewalDueOn).toBeNull();
  });

  it("has no drop for an organization with no tier", () => {
    const input = gold(["alice", "bruno", "chloe", "david"]);
    const result = headline(evaluate(input), forecast(input), null);
    expect(result).toMatchObject({ tier: "none", drop: null, next: { tier: "silver", exams: 3, revenueShortfallUsd: 0 } });
  });
});
