import { describe, expect, it } from "vitest";
import { builtInProgram, parseProgramDefinition, parseProgramFile, programFileOf } from "@/lib/rules";

/** The file as JSON.parse gives it: nothing read-only. */
type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };

const file = () => structuredClone(programFileOf(builtInProgram)) as Writable<ReturnType<typeof programFileOf>>;

/** The errors of a program file changed by `change`. */
function errorsOf(change: (program: ReturnType<typeof file>) => void): string[] {
  const program = file();
  change(program);
  const parsed = parseProgramFile(program);
  return parsed.ok ? [] : parsed.errors;
}

describe("the program file", () => {
  it("the built-in program exports and reads back to the same program", () => {
    const parsed = parseProgramFile(JSON.parse(JSON.stringify(file())));
    expect(parsed).toEqual({ ok: true, value: builtInProgram });
  });

  it("refuses a slot count that is not a whole number, at its JSON path", () => {
    expect(errorsOf((program) => (program.versions[0].definition.tiers[0].slots.customization = 1.5))).toEqual([
      "versions[0].definition.tiers[0].slots.customization: not a whole number",
    ]);
  });

  it("refuses an unknown field, so that a misspelt one is never ignored", () => {
    const errors = errorsOf((program) => Object.assign(program.versions[0].definition, { revenueWindowYear: 2 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^versions\[0\]\.definition: /);
  });

  it("refuses an exam listed twice (compared upper-case) and an exam of no group", () => {
    const errors = errorsOf((program) => {
      const catalogue = program.versions[0].definition.catalogue;
      catalogue.push({ ...catalogue[0], code: catalogue[0].code.toLowerCase() });
      catalogue[1].group = "marketing";
    });
    expect(errors).toEqual([
      `versions[0].definition.catalogue[${file().versions[0].definition.catalogue.length}].code: listed twice`,
      "versions[0].definition.catalogue[1].group: names no group of the definition",
    ]);
  });

  it("refuses dates out of order: availableFrom ≤ retiredOn ≤ acceptedUntil", () => {
    const errors = errorsOf((program) => {
      const exam = program.versions[0].definition.catalogue[0];
      Object.assign(exam, { availableFrom: "2020-01-01", retiredOn: "2019-12-31", acceptedUntil: "2019-06-30" });
    });
    expect(errors).toEqual([
      "versions[0].definition.catalogue[0].retiredOn: must be on or after availableFrom",
      "versions[0].definition.catalogue[0].acceptedUntil: must be on or after retiredOn",
    ]);
  });

  it("refuses a tier that needs less than the one below it, and a missing market's threshold", () => {
    const errors = errorsOf((program) => {
      const [, gold] = program.versions[0].definition.tiers;
      gold.slots.customization = 0;
      gold.revenueThresholdUsd = { developed: 50_000 };
    });
    expect(errors).toEqual([
      "versions[0].definition.tiers[1].revenueThresholdUsd.developing: required",
      "versions[0].definition.tiers[1].slots.customization: needs at least as much as silver",
      "versions[0].definition.tiers[1].revenueThresholdUsd.developed: needs at least as much as silver",
    ]);
  });

  it("refuses a threshold with a fraction of a cent, slots for an unknown role, and a window beyond 5 years", () => {
    const errors = errorsOf((program) => {
      const definition = program.versions[0].definition;
      definition.tiers[0].revenueThresholdUsd.developed = 100.005;
      Object.assign(definition.tiers[0].slots, { marketing: 1 });
      definition.revenueWindowYears = 6;
    });
    expect(errors).toEqual([
      "versions[0].definition.tiers[0].revenueThresholdUsd.developed: at most 2 decimals",
      "versions[0].definition.revenueWindowYears: from 1 to 5",
      "versions[0].definition.tiers[0].slots.marketing: names no role of the definition",
    ]);
  });

  it("names a slot's unknown role when the rest is valid", () => {
    expect(errorsOf((program) => Object.assign(program.versions[0].definition.tiers[0].slots, { marketing: 1 }))).toEqual([
      "versions[0].definition.tiers[0].slots.marketing: names no role of the definition",
    ]);
  });

  it("refuses versions out of order, a later version in force since always, and a version id twice", () => {
    const errors = errorsOf((program) => {
      const [first] = program.versions;
      program.versions.push(
        { ...first, effectiveFrom: "2027-03-01" },
        { ...first, id: "v3", effectiveFrom: "2027-01-01" },
        {
          ...first,
          id: "v4",
          effectiveFrom: null,
        },
      );
    });
    expect(errors).toEqual([
      "versions[1].id: listed twice",
      "versions[2].effectiveFrom: must be after the previous version's effectiveFrom",
      "versions[3].effectiveFrom: only the first version may be in force since always",
    ]);
  });

  it("asks for every title in English and in French", () => {
    const definition = structuredClone(file().versions[0].definition);
    Object.assign(definition.groups[0].title, { fr: " " });
    expect(parseProgramDefinition(definition, "cloud-crm", ["definition"])).toEqual({
      ok: false,
      errors: ["definition.groups[0].title.fr: required"],
    });
  });

  it("bounds what it reads: at most 200 exams", () => {
    const errors = errorsOf((program) => {
      const catalogue = program.versions[0].definition.catalogue;
      for (let index = 0; index < 200; index++) catalogue.push({ ...catalogue[0], code: `X-${index}` });
    });
    expect(errors).toEqual(["versions[0].definition.catalogue: at most 200 exams"]);
  });
});
