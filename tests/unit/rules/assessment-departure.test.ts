import { describe, expect, it } from "vitest";
import { passesAfterDeparture, evaluate } from "@/lib/rules";

describe("passes dated on or after a person's departure", () => {
  const exams = [
    { code: "MB2-716", passedOn: "2026-03-01" },
    { code: "MB2-717", passedOn: "2026-06-30" },
    { code: "MB2-715", passedOn: "2026-07-01" },
  ];

  it("are none while the person has not left", () => {
    expect(passesAfterDeparture({ leftOn: null, exams })).toEqual([]);
    expect(passesAfterDeparture({ exams })).toEqual([]);
  });

  it("are those of the departure day and after", () => {
    expect(passesAfterDeparture({ leftOn: "2026-06-30", exams })).toEqual(exams.slice(1));
  });

  it("qualify the person for nothing on any day, as the evaluation finds", () => {
    const qualifiesFor = (person: { id: string; leftOn: string | null; exams: typeof exams }, asOf: string) =>
      evaluate({ competency: "cloud-crm", asOf, market: "developed", people: [person], revenue: [] }).people[0].qualifiesFor;
    const later = passesAfterDeparture({ leftOn: "2026-06-30", exams });
    expect(qualifiesFor({ id: "p", leftOn: null, exams: later }, "2026-12-31")).not.toEqual([]);
    for (const asOf of ["2026-06-29", "2026-06-30", "2026-07-01", "2026-12-31"]) {
      expect(qualifiesFor({ id: "p", leftOn: "2026-06-30", exams: later }, asOf), asOf).toEqual([]);
    }
  });
});
