import { describe, expect, it } from "vitest";
import { planImport } from "@/lib/csv/plan";
import { examPassesTable, type StoredExamPass } from "@/lib/csv/tables/exam-passes";
import { peopleTable, type StoredPerson } from "@/lib/csv/tables/people";
import { revenueTable, type StoredRevenueLine } from "@/lib/csv/tables/revenue";
import { writeCsv } from "@/lib/csv/write";
import { builtInProgram } from "@/lib/rules";
import { examPassInputFor } from "@/lib/schemas/exams";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const people: StoredPerson[] = [
  { id: id(1), version: 3, name: "Chloé Dubois", email: "chloe@contoso.example", mcid: "10451003", leftOn: null },
  { id: id(2), version: 1, name: 'Ann "The Closer", Jr.', email: null, mcid: "10451004", leftOn: "2026-03-31" },
  { id: id(3), version: 1, name: "=cmd|' /C calc'!A0", email: null, mcid: "10451005", leftOn: null },
];

const passes: StoredExamPass[] = [
  {
    id: id(11),
    version: 1,
    personId: id(1),
    mcid: "10451003",
    examCode: "MB2-716",
    passedOn: "2026-01-12",
    certificationRef: "TR-1, part\n2",
  },
  { id: id(12), version: 2, personId: id(2), mcid: "10451004", examCode: "MB2-712", passedOn: "2025-11-03", certificationRef: null },
];

const lines: StoredRevenueLine[] = [
  {
    id: id(21),
    version: 1,
    reference: "INV-1001",
    customerName: "Northwind, Traders",
    product: "d365-ce-plan-1",
    amountCents: 6_000_000,
    bookedOn: "2026-10-26",
    dporAssociated: true,
  },
  {
    id: id(22),
    version: 1,
    reference: "-CREDIT-7",
    customerName: "Fourth Coffee",
    product: "other",
    amountCents: -125_050,
    bookedOn: "2026-09-14",
    dporAssociated: false,
  },
  {
    id: id(23),
    version: 4,
    reference: "INV-1003",
    customerName: "Tailspin",
    product: "crm-online",
    amountCents: 1,
    bookedOn: "2026-02-28",
    dporAssociated: true,
  },
];

const personIdByMcid = new Map(people.map((person) => [person.mcid ?? "", person.id]));

function plan<R, S, C>(table: Parameters<typeof planImport<R, S, C>>[0], text: string, stored: S[], context: C) {
  const planned = planImport(table, text, stored, context);
  if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
  expect(planned.problems).toEqual([]);
  return planned.rows;
}

describe("an export imported back", () => {
  it("gives the same people, and changes none of them", () => {
    const text = writeCsv(peopleTable.columns, people.map(peopleTable.write));
    expect(plan(peopleTable, text, [], null).map(({ row }) => row)).toEqual(
      people.map(({ name, email, mcid, leftOn }) => ({ name, email, mcid, leftOn })),
    );
    expect(plan(peopleTable, text, people, null).map((row) => row.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
  });

  it("gives the same exam passes, and changes none of them", () => {
    const text = writeCsv(examPassesTable.columns, passes.map(examPassesTable.write));
    expect(
      plan(examPassesTable, text, [], { personIdByMcid, examPassInput: examPassInputFor(builtInProgram) }).map(({ row }) => row),
    ).toEqual(
      passes.map(({ personId, mcid, examCode, passedOn, certificationRef }) => ({
        personId,
        mcid,
        code: examCode,
        passedOn,
        certificationRef,
      })),
    );
    expect(
      plan(examPassesTable, text, passes, { personIdByMcid, examPassInput: examPassInputFor(builtInProgram) }).every(
        (row) => row.status === "unchanged",
      ),
    ).toBe(true);
  });

  it("gives the same revenue lines to the cent, and changes none of them", () => {
    const text = writeCsv(revenueTable.columns, lines.map(revenueTable.write));
    expect(text).toContain("-1250.50");
    expect(plan(revenueTable, text, [], null).map(({ row }) => row)).toEqual(
      lines.map(({ reference, customerName, product, amountCents, bookedOn, dporAssociated }) => ({
        reference,
        customerName,
        product,
        amountCents,
        bookedOn,
        dporAssociated,
      })),
    );
    expect(plan(revenueTable, text, lines, null).every((row) => row.status === "unchanged")).toBe(true);
  });

  it("keeps a product outside the list, exported as other, unchanged", () => {
    const legacy: StoredRevenueLine = { ...lines[1], product: "office-365" };
    const text = writeCsv(revenueTable.columns, [legacy].map(revenueTable.write));
    expect(text).toContain(",other,");
    expect(plan(revenueTable, text, [legacy], null).map((row) => row.status)).toEqual(["unchanged"]);
  });

  it("says which stored rows a changed file would change, and in which columns", () => {
    const edited = writeCsv(
      revenueTable.columns,
      [{ ...lines[0], amountCents: 6_000_001 }, lines[1], { ...lines[2], id: id(24), reference: "INV-NEW" }].map(revenueTable.write),
    );
    expect(plan(revenueTable, edited, lines, null).map(({ line, status, changed }) => [line, status, changed])).toEqual([
      [2, "changed", ["amount_usd"]],
      [3, "unchanged", []],
      [4, "new", []],
    ]);
  });
});
