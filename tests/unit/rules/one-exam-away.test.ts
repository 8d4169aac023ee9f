import { describe, expect, it } from "vitest";
import { evaluate, isOneExamAway } from "@/lib/rules";

const status = (exams: Array<[string, string]>, leftOn: string | null = null) =>
  evaluate({
    asOf: "2019-06-30",
    market: "developed",
    people: [{ id: "p", leftOn, exams: exams.map(([code, passedOn]) => ({ code, passedOn })) }],
    revenue: [],
  }).people[0];

describe("one exam away", () => {
  it("is a person who passed MB2-717 and lacks only a deployment exam", () => {
    expect(isOneExamAway(status([["MB2-717", "2018-02-01"]]))).toBe(true);
  });

  it("is everyone who holds nothing yet, since customization needs a single exam", () => {
    expect(isOneExamAway(status([]))).toBe(true);
  });

  it("is not a person who already holds every role", () => {
    expect(
      isOneExamAway(
        status([
          ["MB2-717", "2018-02-01"],
          ["MB2-710", "2018-02-01"],
          ["MB2-712", "2018-02-01"],
        ]),
      ),
    ).toBe(false);
  });

  it("is not a person who has left", () => {
    expect(isOneExamAway(status([["MB2-717", "2018-02-01"]], "2019-01-01"))).toBe(false);
  });
});
