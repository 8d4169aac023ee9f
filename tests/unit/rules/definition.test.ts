import { describe, expect, it } from "vitest";
import {
  type CatalogueExam,
  cloudCrm,
  evaluate,
  examByCode,
  explain,
  forecast,
  parseEvaluationInput,
  type ProgramDefinition,
  tierIds,
  tierRank,
} from "@/lib/rules";
import { line, organization, pass, person } from "./build";
import { planProblems } from "./reference";

/**
 * An invented competency, to show that the engine knows nothing of Cloud CRM: a third role,
 * a role of three groups, a tier of 3 + 3 + 1 slots, thresholds that differ by market, a
 * two-year window and an exam that is only accepted for a while.
 */
const exam = (code: string, group: string, lifecycle: Partial<CatalogueExam> = {}): CatalogueExam => ({
  code,
  group,
  title: { en: code, fr: code },
  availableFrom: null,
  retiredOn: null,
  acceptedUntil: null,
  ...lifecycle,
});

const cloudErp: ProgramDefinition = {
  id: "cloud-erp",
  title: { en: "Cloud ERP", fr: "ERP dans le cloud" },
  catalogue: [
    exam("FIN-1", "finance"),
    exam("FIN-2", "finance", { availableFrom: "2019-01-01" }),
    exam("OPS-1", "operations", { retiredOn: "2018-06-30", acceptedUntil: "2019-06-30" }),
    exam("SCM-1", "supply"),
    exam("ARC-1", "architecture"),
    exam("ARC-2", "architecture", { retiredOn: "2018-01-31", acceptedUntil: "2018-01-31" }),
  ],
  groups: [
    { id: "finance", title: { en: "finance", fr: "finance" } },
    { id: "operations", title: { en: "operations", fr: "opérations" } },
    { id: "supply", title: { en: "supply chain", fr: "chaîne logistique" } },
    { id: "architecture", title: { en: "architecture", fr: "architecture" } },
  ],
  roles: [
    { id: "functional", title: { en: "Functional", fr: "Fonctionnel" }, groups: ["finance", "operations", "supply"] },
    { id: "supply", title: { en: "Supply", fr: "Logistique" }, groups: ["supply"] },
    { id: "architect", title: { en: "Architect", fr: "Architecte" }, groups: ["architecture"] },
  ],
  markets: ["north", "south"],
  tiers: [
    {
      id: "member",
      title: { en: "Member", fr: "Membre" },
      slots: { supply: 1 },
      revenueThresholdCents: { north: 100_00, south: 50_00 },
    },
    {
      id: "elite",
      title: { en: "Elite", fr: "Élite" },
      slots: { functional: 3, supply: 3, architect: 1 },
      revenueThresholdCents: { north: 1_000_00, south: 500_00 },
    },
  ],
  revenueWindowYears: 2,
  countingProducts: ["erp"],
};

const functional = (id: string) => person(id, [pass("FIN-1"), pass("OPS-1", "2018-05-01"), pass("SCM-1")]);
const supply = (id: string) => person(id, [pass("SCM-1")]);
const erp = (cents: number, bookedOn = "2017-01-01") => line(`l${cents}`, cents, { product: "erp", bookedOn });

describe("a second, invented program definition", () => {
  it("evaluates tiers of its own shape: 3 functional + 3 supply + 1 architect", () => {
    const people = [
      functional("f1"),
      functional("f2"),
      functional("f3"),
      supply("s1"),
      supply("s2"),
      supply("s3"),
      person("a", [pass("ARC-1")]),
    ];
    const result = evaluate(organization({ market: "south", people, revenue: [erp(500_00)] }), cloudErp);
    expect(result.competency).toBe("cloud-erp");
    expect(result.tier).toBe("elite");
    expect(result.tiers.elite.people.slots.functional).toMatchObject({ needed: 3, filled: 3 });
    expect(result.tiers.elite.people.slots.architect).toEqual({ needed: 1, filled: 1, personIds: ["a"] });
    expect(Object.keys(result.tiers.member.people.slots)).toEqual(["supply"]);
    expect(result.nextTier).toBeNull();
  });

  it("takes its thresholds per market and its window of two years", () => {
    const revenue = [erp(100_00, "2016-07-01"), erp(50_00, "2016-06-30")];
    const north = evaluate(organization({ market: "north", people: [supply("s")], revenue }), cloudErp);
    expect(north.revenue).toMatchObject({ windowStart: "2016-07-01", totalUsd: 100, countedIds: ["l10000"] });
    expect(north.tiers.member.revenue).toEqual({ met: true, thresholdUsd: 100, totalUsd: 100, shortfallUsd: 0, headroomUsd: 0 });
    expect(north.tiers.elite.revenue.thresholdUsd).toBe(1000);
    const south = evaluate(organization({ market: "south", people: [supply("s")], revenue }), cloudErp);
    expect(south.tiers.elite.revenue.shortfallUsd).toBe(400);
  });

  it("follows its own catalogue's lifecycle", () => {
    const people = [person("p", [pass("FIN-2", "2018-12-31"), pass("ARC-2", "2018-01-31"), pass("OPS-1", "2018-07-01")])];
    const result = evaluate(organization({ asOf: "2018-06-30", market: "north", people }), cloudErp);
    expect(result.rejected.map((rejected) => `${rejected.code} ${rejected.reason}`)).toEqual(["FIN-2 not-yet-available", "OPS-1 retired"]);
    // ARC-2 was accepted until 2018-01-31 only, and can no longer be passed: ARC-1 is left.
    expect(result.people[0].missing.architect).toEqual([["ARC-1"]]);
    expect(result.people[0].missing.functional).toEqual([["FIN-1"], ["OPS-1"], ["SCM-1"]]);
    expect(examByCode("arc-2", cloudErp)?.acceptedUntil).toBe("2018-01-31");
  });

  it("shows a group with no exam left to pass as [] and no plan can fill a role that needs it", () => {
    const result = evaluate(organization({ asOf: "2019-07-01", market: "north", people: [person("p")] }), cloudErp);
    expect(result.people[0].missing.functional).toEqual([["FIN-1", "FIN-2"], [], ["SCM-1"]]);
    expect(result.nextTier).toMatchObject({ tier: "member", minimumAdditionalExams: 1 });
    const stuck = evaluate(
      organization({ asOf: "2019-07-01", market: "north", people: [supply("s")], revenue: [erp(1_000_00, "2019-01-01")] }),
      cloudErp,
    );
    expect(stuck.nextTier).toEqual({ tier: "elite", revenueShortfallUsd: 0, minimumAdditionalExams: null, steps: [] });
  });

  it("plans the fewest exams across three roles", () => {
    const people = [functional("f1"), supply("s1"), person("fin", [pass("FIN-1")]), person("none")];
    const result = evaluate(organization({ market: "north", people, revenue: [erp(1_000_00)] }), cloudErp);
    expect(result.tier).toBe("member");
    // Elite, for example: f1 functional (0 exams), s1 supply (0), fin functional (2: operations
    // and supply chain), "none" supply (1), new hires functional (3), supply (1), architect (1).
    const next = result.nextTier;
    expect(next?.minimumAdditionalExams).toBe(8);
    expect(next?.steps.reduce((sum, step) => sum + step.groups.length, 0)).toBe(8);
    expect(next?.steps.filter((step) => step.personId === null)).toHaveLength(3);
    for (const step of next?.steps ?? []) {
      const status = result.people.find((candidate) => candidate.id === step.personId);
      if (status) expect(step.groups).toEqual(status.missing[step.role]);
    }
  });

  it("has its own input schema: its competency id and its markets", () => {
    const parsed = parseEvaluationInput(
      { competency: "cloud-crm", asOf: "2018-06-30", market: "developed", people: [], revenue: [] },
      cloudErp,
    );
    expect(parsed).toEqual({ ok: false, errors: ['competency: must be "cloud-erp"', 'market: must be "north" or "south"'] });
    expect(
      parseEvaluationInput({ competency: "cloud-erp", asOf: "2018-06-30", market: "north", people: [], revenue: [] }, cloudErp).ok,
    ).toBe(true);
  });

  it("explains and forecasts in its own terms", () => {
    const input = organization({ asOf: "2018-06-30", market: "north", people: [supply("s")], revenue: [erp(100_00, "2016-07-01")] });
    const explanation = explain(input, { definition: cloudErp });
    expect(explanation.tiers.map((tier) => tier.summary)).toEqual(["The Member tier is met.", "The Elite tier is not met."]);
    expect(forecast(input, { definition: cloudErp }).changes).toEqual([
      { on: "2018-07-01", from: "member", to: "none", causes: [{ kind: "revenue-expired", ids: ["l10000"] }] },
    ]);
  });

  it("orders its tiers", () => {
    expect(tierIds(cloudErp)).toEqual(["none", "member", "elite"]);
    expect(tierRank("elite", cloudErp)).toBe(2);
    expect(tierIds()).toEqual(["none", "silver", "gold"]);
    expect(tierRank("silver")).toBe(1);
  });

  it("yields valid plans with Cloud CRM's brute-force checker too", () => {
    expect(planProblems(evaluate(organization({ people: [person("x", [pass("MB2-714")])] }), cloudCrm))).toEqual([]);
  });

  it("refuses an inconsistent definition, saying where", () => {
    const broken = { ...cloudErp, roles: [{ id: "r", title: { en: "R", fr: "R" }, groups: ["nowhere"] }] };
    expect(() => evaluate(organization({ market: "north" }), broken)).toThrow(
      'program definition "cloud-erp": role "r" names unknown group "nowhere"',
    );
    const lowercase = { ...cloudErp, catalogue: [exam("fin-1", "finance")] };
    expect(() => evaluate(organization({ market: "north" }), lowercase)).toThrow("must be trimmed upper case");
  });

  it("refuses a market it does not know", () => {
    expect(() => evaluate(organization({ market: "developed" }), cloudErp)).toThrow('market "developed" is not a market of "cloud-erp"');
  });

  it("refuses an input meant for another competency", () => {
    expect(() => evaluate(organization({ competency: "cloud-crm", market: "north" }), cloudErp)).toThrow(
      'input for competency "cloud-crm" evaluated with the definition of "cloud-erp"',
    );
  });
});
