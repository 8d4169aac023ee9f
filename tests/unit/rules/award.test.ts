import { describe, expect, it } from "vitest";
import { applicationRefusal, awardInForce, awardTerm, isApprovable, renewalOpensOn, tierToApplyFor } from "@/lib/rules";

const goldAward = { tier: "gold", ...awardTerm("2026-03-10") };
const meets = (...tiers: string[]) => Object.fromEntries(["silver", "gold"].map((tier) => [tier, { met: tiers.includes(tier) }]));

describe("an award's term", () => {
  it("lasts a year, to the same date; a leap day's award ends on 28 February", () => {
    expect(awardTerm("2026-03-10")).toEqual({ awardedOn: "2026-03-10", anniversaryOn: "2027-03-10" });
    expect(awardTerm("2028-02-29")).toEqual({ awardedOn: "2028-02-29", anniversaryOn: "2029-02-28" });
  });

  it("is in force from the day it is granted to its anniversary, the latest granted winning", () => {
    const silver = { tier: "silver", ...awardTerm("2026-01-05") };
    expect(awardInForce([silver, goldAward], "2026-03-09")).toBe(silver);
    expect(awardInForce([silver, goldAward], "2026-03-10")).toBe(goldAward);
    expect(awardInForce([goldAward], "2027-03-10")).toBe(goldAward);
    expect(awardInForce([goldAward], "2027-03-11")).toBeNull();
    expect(awardInForce([], "2026-06-01")).toBeNull();
  });

  it("may be renewed from 90 days before its anniversary", () => {
    expect(renewalOpensOn(goldAward)).toBe("2026-12-10");
  });
});

describe("applying for a tier", () => {
  const standing = { tiers: meets("silver", "gold"), award: null, applicationOpen: false, asOf: "2026-06-01" };

  it("is allowed for a tier the organization meets, one application at a time", () => {
    expect(applicationRefusal("gold", standing)).toBeNull();
    expect(applicationRefusal("gold", { ...standing, applicationOpen: true })).toBe("application_open");
    expect(applicationRefusal("gold", { ...standing, tiers: meets("silver") })).toBe("tier_not_met");
  });

  it("is refused for the tier an award in force grants, or a lower one, until its renewal window opens", () => {
    const awarded = { ...standing, award: goldAward };
    expect(applicationRefusal("gold", awarded)).toBe("award_in_force");
    expect(applicationRefusal("silver", awarded)).toBe("award_in_force");
    expect(applicationRefusal("gold", { ...awarded, asOf: "2026-12-09" })).toBe("award_in_force");
    expect(applicationRefusal("gold", { ...awarded, asOf: "2026-12-10" })).toBeNull();
  });

  it("is always allowed for a higher tier than the award in force", () => {
    const silver = { tier: "silver", ...awardTerm("2026-03-10") };
    expect(applicationRefusal("gold", { ...standing, award: silver })).toBeNull();
  });

  it("offers the highest tier the organization may apply for, or none", () => {
    expect(tierToApplyFor(standing)).toBe("gold");
    expect(tierToApplyFor({ ...standing, tiers: meets("silver") })).toBe("silver");
    expect(tierToApplyFor({ ...standing, award: goldAward })).toBeNull();
    expect(tierToApplyFor({ ...standing, tiers: meets() })).toBeNull();
  });
});

describe("approving a case", () => {
  it("needs the tier to hold on verified evidence alone", () => {
    expect(isApprovable({ tiers: meets("silver") }, "silver")).toBe(true);
    expect(isApprovable({ tiers: meets("silver") }, "gold")).toBe(false);
  });
});
