import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  amountUsdSchema,
  calendarDateSchema,
  cloudCrm,
  describeIssues,
  evaluationInputSchemaFor,
  forecastUntilIssue,
  forecastUntilSchema,
  jsonPath,
  LIMITS,
  parseEvaluationInput,
  parseWith,
} from "@/lib/rules";

/** A valid input of the contract, as JSON; each case below breaks one field of it. */
function valid() {
  return {
    competency: "cloud-crm",
    asOf: "2018-06-30",
    market: "developed",
    people: [
      { id: "p1", name: "Alice", leftOn: null, exams: [{ id: "x1", code: "MB2-717", passedOn: "2018-02-01" }] },
      { id: "p2", exams: [] },
    ],
    revenue: [
      { id: "r1", customer: "Contoso", product: "d365-ce-plan-1", amountUsd: 60000.5, bookedOn: "2018-01-15", dporAssociated: true },
    ],
  };
}
type Input = ReturnType<typeof valid>;

const errorsOf = (json: unknown) => {
  const parsed = parseEvaluationInput(json);
  return parsed.ok ? [] : parsed.errors;
};

describe("the input of the contract", () => {
  it("parses a valid input, with amounts handed to the rules in cents", () => {
    const parsed = parseEvaluationInput(valid());
    expect(parsed.ok && parsed.value.revenue[0]).toEqual({
      id: "r1",
      customer: "Contoso",
      product: "d365-ce-plan-1",
      amountCents: 6_000_050,
      bookedOn: "2018-01-15",
      dporAssociated: true,
    });
  });

  it("accepts the optional fields left out", () => {
    const input: Record<string, unknown> = valid();
    delete input.competency;
    expect(errorsOf(input)).toEqual([]);
  });

  const cases: [string, (input: Input) => unknown, string[]][] = [
    ["not an object", () => [], ["input: must be an object"]],
    ["another competency", (input) => ({ ...input, competency: "cloud-erp" }), ['competency: must be "cloud-crm"']],
    ["asOf missing", ({ asOf: _, ...input }) => input, ["asOf: required"]],
    ["asOf 30 February", (input) => ({ ...input, asOf: "2018-02-30" }), ["asOf: not a calendar date"]],
    ["asOf 29 February of a common year", (input) => ({ ...input, asOf: "2019-02-29" }), ["asOf: not a calendar date"]],
    ["asOf with a time", (input) => ({ ...input, asOf: "2018-06-30T00:00:00Z" }), ["asOf: not a calendar date"]],
    ["asOf as a number", (input) => ({ ...input, asOf: 20180630 }), ["asOf: not a calendar date"]],
    ["an unknown market", (input) => ({ ...input, market: "emerging" }), ['market: must be "developed" or "developing"']],
    ["people not a list", (input) => ({ ...input, people: {} }), ["people: must be a list"]],
    ["a person not an object", (input) => ({ ...input, people: [input.people[0], 3] }), ["people[1]: must be an object"]],
    ["a person without id", (input) => ({ ...input, people: [{ exams: [] }] }), ["people[0].id: required"]],
    ["an empty person id", (input) => ({ ...input, people: [{ id: "", exams: [] }] }), ["people[0].id: must not be empty"]],
    [
      "a person id too long",
      (input) => ({ ...input, people: [{ id: "x".repeat(LIMITS.idLength + 1), exams: [] }] }),
      ["people[0].id: at most 100 characters"],
    ],
    [
      "a name too long",
      (input) => ({ ...input, people: [{ id: "p", name: "x".repeat(201), exams: [] }] }),
      ["people[0].name: at most 200 characters"],
    ],
    [
      "two people with one id",
      (input) => ({ ...input, people: [input.people[0], input.people[1], { ...input.people[1] }] }),
      ["people[2].id: must be unique in the file"],
    ],
    [
      "leftOn not a date",
      (input) => ({ ...input, people: [{ ...input.people[0], leftOn: "soon" }] }),
      ["people[0].leftOn: not a calendar date"],
    ],
    ["exams missing", (input) => ({ ...input, people: [{ id: "p" }] }), ["people[0].exams: required"]],
    [
      "too many exams",
      (input) => ({ ...input, people: [{ id: "p", exams: Array(201).fill({ code: "MB2-717", passedOn: "2018-01-01" }) }] }),
      ["people[0].exams: at most 200 exams per person"],
    ],
    [
      "an exam code not a string",
      (input) => ({ ...input, people: [{ id: "p", exams: [{ code: 717, passedOn: "2018-01-01" }] }] }),
      ["people[0].exams[0].code: must be a string"],
    ],
    [
      "an exam pass without date",
      (input) => ({ ...input, people: [input.people[1], { id: "p", exams: [{ code: "MB2-717" }] }] }),
      ["people[1].exams[0].passedOn: required"],
    ],
    [
      "an exam pass on a day that does not exist",
      (input) => ({ ...input, people: [{ id: "p", exams: [{ code: "MB2-717", passedOn: "2018-13-01" }] }] }),
      ["people[0].exams[0].passedOn: not a calendar date"],
    ],
    [
      "an empty exam pass id",
      (input) => ({ ...input, people: [{ id: "p", exams: [{ id: "", code: "MB2-717", passedOn: "2018-01-01" }] }] }),
      ["people[0].exams[0].id: must not be empty"],
    ],
    ["revenue missing", ({ revenue: _, ...input }) => input, ["revenue: required"]],
    [
      "two revenue lines with one id",
      (input) => ({ ...input, revenue: [input.revenue[0], input.revenue[0]] }),
      ["revenue[1].id: must be unique in the file"],
    ],
    [
      "a revenue line without id",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], id: undefined }] }),
      ["revenue[0].id: required"],
    ],
    [
      "an amount with three decimals",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], amountUsd: 1.005 }] }),
      ["revenue[0].amountUsd: at most 2 decimals"],
    ],
    [
      "an amount as text",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], amountUsd: "100" }] }),
      ["revenue[0].amountUsd: must be a number"],
    ],
    [
      "an amount out of range",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], amountUsd: -100_000_000.01 }] }),
      ["revenue[0].amountUsd: must be between -100000000 and 100000000"],
    ],
    [
      "a product not a string",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], product: null }] }),
      ["revenue[0].product: must be a string"],
    ],
    [
      "bookedOn not a date",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], bookedOn: "15/01/2018" }] }),
      ["revenue[0].bookedOn: not a calendar date"],
    ],
    [
      "dporAssociated as text",
      (input) => ({ ...input, revenue: [{ ...input.revenue[0], dporAssociated: "yes" }] }),
      ["revenue[0].dporAssociated: must be true or false"],
    ],
  ];

  it.each(cases)("%s: says what and where", (_, breakIt, expected) => {
    expect(errorsOf(breakIt(valid()))).toEqual(expected);
  });

  it("reports every malformed field at once", () => {
    const input = valid();
    const errors = errorsOf({
      ...input,
      asOf: "2018-02-30",
      people: [{ ...input.people[0], exams: [{ code: "MB2-717", passedOn: "2018-02-31" }] }],
      revenue: [{ ...input.revenue[0], amountUsd: 0.001 }],
    });
    expect(errors).toEqual([
      "asOf: not a calendar date",
      "people[0].exams[0].passedOn: not a calendar date",
      "revenue[0].amountUsd: at most 2 decimals",
    ]);
  });

  it("bounds the number of people and revenue lines", () => {
    const person = { id: "p", exams: [] };
    const tooMany = { ...valid(), people: Array(LIMITS.people + 1).fill(person) };
    expect(errorsOf(tooMany)).toEqual(["people: at most 200000 people"]);
  });
});

describe("the pieces the application reuses", () => {
  it("a calendar date is a real day written YYYY-MM-DD", () => {
    expect(calendarDateSchema.safeParse("2020-02-29").success).toBe(true);
    for (const text of ["2019-02-29", "2018-04-31", "2018-6-30", " 2018-06-30", "2018-06-30 "]) {
      expect(calendarDateSchema.safeParse(text).success, text).toBe(false);
    }
  });

  it("an amount in dollars has at most 2 decimals", () => {
    expect(amountUsdSchema.safeParse(-0.07).success).toBe(true);
    expect(amountUsdSchema.safeParse(12.345).success).toBe(false);
    expect(amountUsdSchema.safeParse(Number.NaN).success).toBe(false);
  });

  it("forecasts look after asOf and at most one year ahead", () => {
    const schema = forecastUntilSchema("2020-02-29");
    expect(schema.safeParse("2021-02-28").success).toBe(true);
    expect(parseWith(schema, "2021-03-01", ["until"])).toEqual({
      ok: false,
      errors: ["until: at most one year after asOf (2021-02-28)"],
    });
    expect(parseWith(schema, "2020-02-29", ["until"])).toEqual({ ok: false, errors: ["until: must be after asOf (2020-02-29)"] });
    expect(parseWith(schema, "tomorrow", ["until"])).toEqual({ ok: false, errors: ["until: not a calendar date"] });
  });

  it("tells a forecast's last day apart as its schema does, without building it", () => {
    const day = fc
      .date({ min: new Date("2019-01-01"), max: new Date("2023-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const until = fc.oneof(day, fc.constantFrom("2021-02-29", "2020-13-01", "tomorrow", "", "2020-02-29T00:00"), fc.integer());
    fc.assert(
      fc.property(day, until, (asOf, candidate) => {
        const checked = forecastUntilSchema(asOf).safeParse(candidate);
        expect(forecastUntilIssue(asOf, candidate)).toBe(checked.success ? null : checked.error.issues[0].message);
      }),
      { numRuns: 2_000 },
    );
    expect(forecastUntilIssue("2020-02-29", "2021-02-28")).toBeNull();
    expect(forecastUntilIssue("2020-02-29", "2020-02-29")).toBe("must be after asOf (2020-02-29)");
    expect(forecastUntilIssue("2020-02-29", "2021-03-01")).toBe("at most one year after asOf (2021-02-28)");
    expect(forecastUntilIssue("2020-02-28", "2021-02-29")).toBe("not a calendar date");
  });

  it("zod paths are written as JSON paths", () => {
    expect(jsonPath(["people", 3, "exams", 0, "passedOn"])).toBe("people[3].exams[0].passedOn");
    expect(jsonPath([])).toBe("");
    const result = z.object({ a: z.array(z.string()) }).safeParse({ a: ["x", 1] });
    expect(result.success || describeIssues(result.error.issues)[0]).toMatch(/^a\[1\]: /);
  });

  it("the input schema compiles to zod's fast path", () => {
    expect(() => z.compile(evaluationInputSchemaFor(cloudCrm), { strict: true })).not.toThrow();
  });
});
