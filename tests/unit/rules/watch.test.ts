import { describe, expect, it } from "vitest";
import {
  type AlertCause,
  type Award,
  evaluate,
  type EvaluationInput,
  forecast,
  nextAwardTerm,
  lastLapsedAward,
  watchAlerts,
} from "@/lib/rules";
import { line, organization, pass, person, THRESHOLD } from "./build";

/** Gold held by exactly four people on 2018-06-30. */
const gold = (more: Partial<EvaluationInput> = {}) =>
  organization({
    people: [
      person("alice", [pass("MB2-717"), pass("MB2-710")]),
      person("bruno", [pass("MB2-717"), pass("MB2-710")]),
      person("chloe", [pass("MB2-712")]),
      person("david", [pass("MB2-712")]),
    ],
    revenue: [line("big", THRESHOLD + 500_000)],
    ...more,
  });

function alertsOf(input: EvaluationInput, more: { awards?: Award[]; previousTier?: string | null; open?: AlertCause[] } = {}) {
  return watchAlerts({
    input,
    evaluation: evaluate(input),
    forecast: forecast(input),
    awards: more.awards ?? [],
    previousTier: more.previousTier ?? null,
    open: (more.open ?? []).map(({ key, kind, tier }) => ({ key, kind, tier })),
  });
}

const keys = (alerts: readonly AlertCause[]) => alerts.map((alert) => alert.key);

describe("the watch's alerts", () => {
  it("names each person who alone holds a slot of the tier met", () => {
    expect(keys(alertsOf(gold()))).toEqual([
      "sole-holder:gold:alice",
      "sole-holder:gold:bruno",
      "sole-holder:gold:chloe",
      "sole-holder:gold:david",
    ]);
  });

  it("warns of a holder's recorded departure and of the tier's end at the tightest threshold reached", () => {
    const leaving = gold();
    leaving.people[2] = { ...leaving.people[2], leftOn: "2018-07-20" };
    const alerts = alertsOf(leaving);
    expect(keys(alerts)).toContain("holder-leaving:gold:chloe:2018-07-20");
    // 20 days ahead: the 30-day threshold, not the 90-day one as well.
    const ending = alerts.filter((alert) => alert.kind === "tier-ending");
    expect(ending).toEqual([
      expect.objectContaining({ key: "tier-ending:gold:2018-07-20:30", on: "2018-07-20", threshold: 30, personIds: ["chloe"] }),
    ]);
    const nearer = alertsOf({ ...leaving, asOf: "2018-07-15" });
    expect(keys(nearer)).toContain("tier-ending:gold:2018-07-20:7");
  });

  it("says nothing of an end beyond 90 days", () => {
    const later = gold();
    later.people[2] = { ...later.people[2], leftOn: "2018-12-20" };
    expect(alertsOf(later).some((alert) => alert.kind === "tier-ending")).toBe(false);
  });

  it("raises a loss against the previous watch's tier, and keeps it until the tier is met again", () => {
    const lost = gold();
    lost.people[2] = { ...lost.people[2], leftOn: "2018-06-30" };
    const first = alertsOf(lost, { previousTier: "gold" });
    expect(keys(first)).toContain("tier-lost:gold:2018-06-30");
    const open = first.filter((alert) => alert.kind === "tier-lost");
    // The next day the previous watch already saw Silver: the loss still holds.
    expect(keys(alertsOf({ ...lost, asOf: "2018-07-01" }, { previousTier: "silver", open }))).toContain("tier-lost:gold:2018-06-30");
    // Met again (a new person qualified): the loss no longer holds.
    const regained = { ...gold(), asOf: "2018-07-01" };
    expect(keys(alertsOf(regained, { previousTier: "silver", open }))).not.toContain("tier-lost:gold:2018-06-30");
  });

  it("warns of an exam a counted person relies on that stops counting within 90 days", () => {
    // MB2-709 counts until 2018-12-31.
    const input = gold({ asOf: "2018-10-15" });
    input.people[0] = person("alice", [pass("MB2-709", "2017-06-01", "alice-709"), pass("MB2-710")]);
    const alerts = alertsOf(input);
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: "exam-expiring",
        key: "exam-expiring:alice-709:2018-12-31",
        personIds: ["alice"],
        evidenceIds: ["alice-709"],
        examCode: "MB2-709",
      }),
    );
    expect(alertsOf({ ...input, asOf: "2018-09-01" }).some((alert) => alert.kind === "exam-expiring")).toBe(false);
  });

  it("opens the renewal window 90 days before the anniversary, recalls it at 30 and 7 days, and says when an award lapsed", () => {
    const award: Award = { tier: "gold", awardedOn: "2017-09-01", anniversaryOn: "2018-09-01" };
    expect(alertsOf(gold({ asOf: "2018-06-02" }), { awards: [award] }).some((alert) => alert.kind.startsWith("renewal"))).toBe(false);
    expect(keys(alertsOf(gold({ asOf: "2018-06-03" }), { awards: [award] }))).toContain("renewal-open:2018-09-01");
    expect(keys(alertsOf(gold({ asOf: "2018-08-10" }), { awards: [award] }))).toContain("renewal-due:2018-09-01:30");
    expect(keys(alertsOf(gold({ asOf: "2018-08-28" }), { awards: [award] }))).toContain("renewal-due:2018-09-01:7");
    const renewed: Award = { tier: "gold", awardedOn: "2018-09-01", anniversaryOn: "2019-09-01" };
    expect(alertsOf(gold({ asOf: "2018-08-28" }), { awards: [award, renewed] }).some((alert) => alert.kind.startsWith("renewal"))).toBe(
      false,
    );
    expect(alertsOf(gold({ asOf: "2018-09-02" }), { awards: [award] })).toContainEqual(
      expect.objectContaining({ kind: "award-lapsed", key: "award-lapsed:2018-09-01", on: "2018-09-02", tier: "gold" }),
    );
  });
});

describe("award terms", () => {
  const current: Award = { tier: "gold", awardedOn: "2017-09-01", anniversaryOn: "2018-09-01" };

  it("starts an approval inside the renewal window on the anniversary, and any other on the day of the decision", () => {
    expect(nextAwardTerm([current], "2018-07-15")).toEqual({ awardedOn: "2018-09-01", anniversaryOn: "2019-09-01" });
    expect(nextAwardTerm([current], "2018-03-15")).toEqual({ awardedOn: "2018-03-15", anniversaryOn: "2019-03-15" });
    expect(nextAwardTerm([current], "2018-09-05")).toEqual({ awardedOn: "2018-09-05", anniversaryOn: "2019-09-05" });
    expect(nextAwardTerm([], "2018-07-15")).toEqual({ awardedOn: "2018-07-15", anniversaryOn: "2019-07-15" });
  });

  it("finds the lapsed award only when none is in force", () => {
    expect(lastLapsedAward([current], "2018-09-01")).toBeNull();
    expect(lastLapsedAward([current], "2018-09-02")).toEqual(current);
    expect(lastLapsedAward([current, { tier: "silver", awardedOn: "2018-10-01", anniversaryOn: "2019-10-01" }], "2018-12-01")).toBeNull();
  });
});
