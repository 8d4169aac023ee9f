import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  builtInProgram,
  type CatalogueExam,
  cloudCrm,
  type EvaluationInput,
  firstDayOfEffect,
  programImpact,
  type ProgramDefinition,
  sameDateYearsLater,
  type VersionedProgram,
} from "@/lib/rules";
import { line, organization, pass, person, silverPeople, THRESHOLD } from "./build";

const AS_OF = "2026-12-01";

/** The seed with one exam's entry changed. */
function withExam(code: string, change: Partial<CatalogueExam>): ProgramDefinition {
  return { ...cloudCrm, catalogue: cloudCrm.catalogue.map((exam) => (exam.code === code ? { ...exam, ...change } : exam)) };
}

/** The built-in program with a draft version from `from`, as `programWithDraft` adds it. */
function withDraft(from: string, definition: ProgramDefinition): VersionedProgram {
  return { id: "cloud-crm", versions: [...builtInProgram.versions, { id: "v2", effectiveFrom: from, note: "", definition }] };
}

const silver = organization({
  asOf: AS_OF,
  people: silverPeople().map((someone) => ({ ...someone, exams: someone.exams.map((exam) => ({ ...exam, passedOn: "2026-01-15" })) })),
  revenue: [line("r1", THRESHOLD + 2_000_000, { bookedOn: "2026-10-01" })],
});

describe("the first day a draft can change an organization's tier", () => {
  const from = addDays(AS_OF, 1);

  it("is the draft's first day when it changes more than exams' dates", () => {
    const raised = {
      ...cloudCrm,
      tiers: cloudCrm.tiers.map((tier) => ({ ...tier, revenueThresholdCents: { developed: 1, developing: 1 } })),
    };
    expect(firstDayOfEffect(silver, cloudCrm, raised, from)).toBe(from);
    expect(firstDayOfEffect(silver, cloudCrm, withExam("MB2-712", { group: "deployment" }), from)).toBe(from);
  });

  it("is none when the draft only renames things", () => {
    const renamed = { ...cloudCrm, title: { en: "Cloud CRM (2027)", fr: "Cloud CRM (2027)" } };
    expect(firstDayOfEffect(silver, cloudCrm, renamed, from)).toBeNull();
    expect(firstDayOfEffect(silver, cloudCrm, cloudCrm, from)).toBeNull();
  });

  it("is the day after the earlier end of acceptance of an exam somebody passed", () => {
    const ends = addDays(AS_OF, 90);
    expect(firstDayOfEffect(silver, cloudCrm, withExam("MB2-712", { retiredOn: ends, acceptedUntil: ends }), from)).toBe(addDays(ends, 1));
  });

  it("is none when nobody passed the exam, or its only holder has left by then", () => {
    const ends = addDays(AS_OF, 90);
    const retired = withExam("MB2-712", { retiredOn: ends, acceptedUntil: ends });
    expect(firstDayOfEffect({ ...silver, people: silver.people.slice(0, 1) }, cloudCrm, retired, from)).toBeNull();
    const gone = { ...silver, people: silver.people.map((someone) => (someone.id === "bruno" ? { ...someone, leftOn: ends } : someone)) };
    expect(firstDayOfEffect(gone, cloudCrm, retired, from)).toBeNull();
  });

  it("is the draft's first day for a pass one definition rejects and the other does not", () => {
    const later = withExam("MB2-712", { availableFrom: "2026-02-01" });
    expect(firstDayOfEffect(silver, cloudCrm, later, from)).toBe(from);
  });
});

// Inputs near the draft's dates: passes and departures around today, and exams changed around them.
const DAYS = fc.integer({ min: -500, max: 400 }).map((days) => addDays(AS_OF, days));
const CODES = cloudCrm.catalogue.map((exam) => exam.code);
const inputs: fc.Arbitrary<EvaluationInput> = fc.record({
  asOf: fc.constant(AS_OF),
  market: fc.constant("developed"),
  people: fc
    .array(
      fc.record({
        exams: fc.array(fc.record({ code: fc.constantFrom(...CODES), passedOn: DAYS }), { maxLength: 4 }),
        leftOn: fc.option(DAYS, { nil: null }),
      }),
      { maxLength: 6 },
    )
    .map((people) =>
      people.map((someone, index) =>
        person(
          `p${index}`,
          someone.exams.map((exam) => pass(exam.code, exam.passedOn)),
          someone,
        ),
      ),
    ),
  revenue: fc.constant([line("r1", THRESHOLD + 1, { bookedOn: addDays(AS_OF, -100) })]),
});
const drafts: fc.Arbitrary<{ from: string; definition: ProgramDefinition }> = fc.record({
  from: fc.integer({ min: 1, max: 300 }).map((days) => addDays(AS_OF, days)),
  definition: fc
    .tuple(fc.constantFrom(...CODES), fc.constantFrom("availableFrom", "retiredOn", "acceptedUntil"), fc.option(DAYS, { nil: null }))
    .map(([code, field, day]) => {
      const exam = cloudCrm.catalogue.find((entry) => entry.code === code)!;
      const changed = { ...exam, [field]: day };
      // A definition is refused when an exam stops being accepted before it retires.
      if (changed.retiredOn !== null && (changed.acceptedUntil === null || changed.acceptedUntil < changed.retiredOn)) {
        changed.acceptedUntil = changed.retiredOn;
      }
      return withExam(code, changed);
    }),
});

describe("the impact that starts from the first day of effect", () => {
  it("is the impact found by forecasting the whole year under the draft", () => {
    fc.assert(
      fc.property(inputs, drafts, (input, { from, definition }) => {
        const draft = withDraft(from, definition);
        const until = sameDateYearsLater(AS_OF, 1);
        expect(programImpact(input, builtInProgram, draft, until, from)).toEqual(programImpact(input, builtInProgram, draft, until));
      }),
      { numRuns: process.env.CI ? 1000 : 300 },
    );
  });
});
