import { describe, expect, it } from "vitest";
import {
  builtInProgram,
  cloudCrm,
  evaluateOn,
  forecast,
  forecastAcross,
  type ProgramDefinition,
  type VersionedProgram,
  versionInForce,
} from "@/lib/rules";
import { line, organization, pass, person, silverPeople, THRESHOLD } from "./build";

/** The built-in program, then a second version from `from` made by `change`. */
function withSecondVersion(from: string, change: (definition: ProgramDefinition) => ProgramDefinition): VersionedProgram {
  return {
    id: "cloud-crm",
    versions: [...builtInProgram.versions, { id: "v2", effectiveFrom: from, note: "", definition: change(cloudCrm) }],
  };
}

const mb2712AcceptedUntil = (until: string) => (definition: ProgramDefinition) => ({
  ...definition,
  catalogue: definition.catalogue.map((exam) => (exam.code === "MB2-712" ? { ...exam, acceptedUntil: until } : exam)),
});

const thresholdRaisedTo = (cents: number) => (definition: ProgramDefinition) => ({
  ...definition,
  tiers: definition.tiers.map((tier) => ({ ...tier, revenueThresholdCents: { developed: cents, developing: cents } })),
});

const silver = organization({
  asOf: "2026-12-01",
  people: silverPeople().map((someone) => ({ ...someone, exams: someone.exams.map((exam) => ({ ...exam, passedOn: "2018-01-15" })) })),
  revenue: [line("r1", 12_000_000, { bookedOn: "2026-10-01" })],
});

describe("the program in versions", () => {
  it("the version in force on a date is the one with the latest effectiveFrom on or before it", () => {
    const program = withSecondVersion("2027-03-01", (definition) => definition);
    expect(versionInForce(program, "2027-02-28").id).toBe("v1");
    expect(versionInForce(program, "2027-03-01").id).toBe("v2");
    expect(versionInForce(program, "2099-01-01").id).toBe("v2");
  });

  it("a program whose first version starts later has no version before it", () => {
    const program: VersionedProgram = {
      id: "cloud-crm",
      versions: [{ id: "v1", effectiveFrom: "2030-01-01", note: "", definition: cloudCrm }],
    };
    expect(() => versionInForce(program, "2029-12-31")).toThrow(RangeError);
  });

  it("an evaluation uses the version in force on its asOf", () => {
    const program = withSecondVersion("2027-03-01", mb2712AcceptedUntil("2027-02-28"));
    expect(evaluateOn(silver, program).tier).toBe("silver");
    expect(evaluateOn({ ...silver, asOf: "2027-03-01" }, program).tier).toBe("none");
  });

  it("with one version, the forecast across versions is the forecast", () => {
    expect(forecastAcross(silver, builtInProgram)).toEqual(forecast(silver));
  });

  it("an exam that stops counting on the new version's first day ends Silver that day, caused by the new version", () => {
    const program = withSecondVersion("2027-03-01", mb2712AcceptedUntil("2027-02-28"));
    expect(forecastAcross(silver, program).changes).toEqual([
      { on: "2027-03-01", from: "silver", to: "none", causes: [{ kind: "requirements-changed", ids: ["v2"] }] },
    ]);
  });

  it("a threshold raised to USD 150,000 drops the tier on the version's first day, and the revenue's expiry no longer changes it", () => {
    const program = withSecondVersion("2027-03-01", thresholdRaisedTo(15_000_000));
    expect(forecastAcross(silver, program).changes).toEqual([
      { on: "2027-03-01", from: "silver", to: "none", causes: [{ kind: "requirements-changed", ids: ["v2"] }] },
    ]);
    expect(forecast(silver).changes).toEqual([
      { on: "2027-10-01", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["r1"] }] },
    ]);
  });

  it("a version that changes nothing that matters lists no change, and the changes after it still come", () => {
    const program = withSecondVersion("2027-03-01", (definition) => ({ ...definition, title: { en: "Renamed", fr: "Renommé" } }));
    expect(forecastAcross(silver, program)).toEqual(forecast(silver));
  });

  it("a new exam added from a date makes a future-dated qualification count from the version's start", () => {
    const program = withSecondVersion("2027-03-01", (definition) => ({
      ...definition,
      catalogue: [
        ...definition.catalogue,
        {
          code: "MB-210",
          group: "customization",
          title: { en: "Sales", fr: "Ventes" },
          availableFrom: null,
          retiredOn: null,
          acceptedUntil: null,
        },
      ],
    }));
    const input = { ...silver, people: [silverPeople()[0], person("bruno", [pass("MB-210", "2026-06-01")])] };
    expect(evaluateOn(input, program).tier).toBe("none");
    expect(forecastAcross(input, program).changes).toEqual([
      { on: "2027-03-01", from: "none", to: "silver", causes: [{ kind: "requirements-changed", ids: ["v2"] }] },
      { on: "2027-10-01", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["r1"] }] },
    ]);
  });

  it("the threshold of the seed is USD 100,000", () => {
    expect(cloudCrm.tiers.map((tier) => tier.revenueThresholdCents.developed)).toEqual([THRESHOLD, THRESHOLD]);
  });
});

describe("the forecast across versions at its edges", () => {
  it("a version that starts on the forecast's last day still changes the tier that day", () => {
    const program = withSecondVersion("2027-06-01", mb2712AcceptedUntil("2027-05-31"));
    expect(forecastAcross(silver, program, { until: "2027-06-01" }).changes).toEqual([
      { on: "2027-06-01", from: "silver", to: "none", causes: [{ kind: "requirements-changed", ids: ["v2"] }] },
    ]);
  });

  it("a version that starts after the forecast's end changes nothing in it", () => {
    const program = withSecondVersion("2028-06-01", mb2712AcceptedUntil("2028-05-31"));
    expect(forecastAcross(silver, program)).toEqual(forecast(silver));
  });
});
