import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peopleOf } from "@/lib/data/evidence";

/** The line `organization_people_lines` writes for a person (its passes in any order). */
function lineOf(person: { id: string; leftOn: string | null; exams: { code: string; passedOn: string }[] }): string {
  return [person.id, person.leftOn ?? "-", ...person.exams.flatMap((exam) => [exam.code, exam.passedOn])].join(" ");
}

const day = fc
  .date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const person = fc.record({
  id: fc.uuid(),
  leftOn: fc.option(day, { nil: null }),
  exams: fc.array(fc.record({ code: fc.constantFrom("MB2-710", "MB2-716", "MB-210", "PL-200"), passedOn: day }), { maxLength: 5 }),
});

describe("peopleOf", () => {
  it("reads no people from an organization without any", () => {
    expect(peopleOf(null)).toEqual([]);
    expect(peopleOf("")).toEqual([]);
  });

  it("reads a person without passes, one who left, and passes recorded out of order", () => {
    const text = ["p-1 -", "p-2 2026-03-31 MB2-716 2025-06-01", "p-3 - MB-210 2026-02-01 MB2-710 2025-01-15 MB-210 2025-01-15"].join("\n");
    expect(peopleOf(text)).toEqual([
      { id: "p-1", leftOn: null, exams: [] },
      { id: "p-2", leftOn: "2026-03-31", exams: [{ code: "MB2-716", passedOn: "2025-06-01" }] },
      {
        id: "p-3",
        leftOn: null,
        exams: [
          { code: "MB-210", passedOn: "2025-01-15" },
          { code: "MB2-710", passedOn: "2025-01-15" },
          { code: "MB-210", passedOn: "2026-02-01" },
        ],
      },
    ]);
  });

  it("gives back every person as written, in order, with the passes by date then code", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 20 }), (people) => {
        const read = peopleOf(people.map(lineOf).join("\n"));
        const byDate = (a: { code: string; passedOn: string }, b: { code: string; passedOn: string }) =>
          a.passedOn === b.passedOn ? (a.code < b.code ? -1 : 1) : a.passedOn < b.passedOn ? -1 : 1;
        expect(read).toEqual(people.map((written) => ({ ...written, exams: [...written.exams].sort(byDate) })));
      }),
    );
  });
});
