import { describe, expect, it } from "vitest";
import { writeCsv } from "@/lib/csv/write";
import { escapeTextCell, unescapeTextCell } from "@/lib/csv/cells";
import { MAX_IMPORT_ROWS } from "@/lib/csv/limits";
import { readCsv } from "@/lib/csv/read";

const columns = ["mcid", "exam_code", "passed_on", "certification_ref"] as const;

function read(text: string) {
  const reading = readCsv(text, columns);
  if (!reading.ok) throw new Error(`unexpected file problem: ${JSON.stringify(reading.problem)}`);
  return reading;
}

describe("reading a CSV file", () => {
  it("keeps the line each row starts on, across blank lines and quoted newlines", () => {
    const text = 'mcid,exam_code,passed_on,certification_ref\n10451001,MB2-717,2026-01-12,"two\nlines"\n\n20872001,MB2-710,2026-02-01,\r\n';
    expect(read(text).records).toEqual([
      { line: 2, cells: { mcid: "10451001", exam_code: "MB2-717", passed_on: "2026-01-12", certification_ref: "two\nlines" } },
      { line: 5, cells: { mcid: "20872001", exam_code: "MB2-710", passed_on: "2026-02-01", certification_ref: "" } },
    ]);
  });

  it("reads columns in any order and case, semicolons as French spreadsheets write, and a byte-order mark", () => {
    const text = "\uFEFFPASSED_ON;Mcid;exam_code;certification_ref\r\n2026-01-12;10451001;MB2-717;TR-1\r\n";
    expect(read(text).records).toEqual([
      { line: 2, cells: { passed_on: "2026-01-12", mcid: "10451001", exam_code: "MB2-717", certification_ref: "TR-1" } },
    ]);
  });

  it("reports a row with the wrong number of cells, or broken quotes, at its line", () => {
    const text = "mcid,exam_code,passed_on,certification_ref\n1,MB2-717,2026-01-12\n2,MB2-717,2026-01-12,,extra\n3,MB2-717,2026-01-12,ok\n";
    const reading = read(text);
    expect(reading.records.map((record) => record.line)).toEqual([4]);
    expect(reading.problems.map(({ line, reason }) => [line, reason.kind === "message" && reason.key])).toEqual([
      [2, "imports.errors.cellCount"],
      [3, "imports.errors.cellCount"],
    ]);
    const quotes = read('mcid,exam_code,passed_on,certification_ref\n1,MB2-717,2026-01-12,"open\n');
    expect(quotes.problems.map(({ line, reason }) => [line, reason.kind === "message" && reason.key])).toEqual([
      [2, "imports.errors.quotes"],
    ]);
  });

  it("refuses a file whose first line is not this table's columns, naming what is wrong", () => {
    const problem = (text: string) => {
      const reading = readCsv(text, columns);
      return reading.ok ? null : reading.problem.reason;
    };
    expect(problem("mcid,exam,passed_on,certification_ref\n")).toMatchObject({
      key: "imports.errors.unknownColumns",
      values: { columns: "exam" },
    });
    expect(problem("mcid,exam_code,passed_on\n1,MB2-717,2026-01-12\n")).toMatchObject({
      key: "imports.errors.missingColumns",
      values: { columns: "certification_ref" },
    });
    expect(problem("mcid,mcid,exam_code,passed_on,certification_ref\n")).toMatchObject({ key: "imports.errors.repeatedColumns" });
    expect(problem("mcid,exam_code,passed_on,certification_ref\n")).toMatchObject({ key: "imports.errors.empty" });
    expect(problem("")).toMatchObject({ key: "imports.errors.empty" });
  });

  it(`stops at ${MAX_IMPORT_ROWS.toLocaleString("en")} rows`, () => {
    const row = "1,MB2-717,2026-01-12,\n";
    expect(read(`${columns.join(",")}\n${row.repeat(MAX_IMPORT_ROWS)}`).records).toHaveLength(MAX_IMPORT_ROWS);
    const reading = readCsv(`${columns.join(",")}\n${row.repeat(MAX_IMPORT_ROWS + 1)}`, columns);
    expect(reading.ok ? null : reading.problem).toMatchObject({ line: MAX_IMPORT_ROWS + 2, reason: { key: "imports.errors.tooManyRows" } });
  });
});

describe("a text cell a spreadsheet would run as a formula", () => {
  it("is exported behind a quote and imported back as it was", () => {
    for (const text of ['=HYPERLINK("x")', "+33 1", "-Acme", "@SUM(A1)", "'quoted", "''", "plain", ""]) {
      expect(unescapeTextCell(escapeTextCell(text)), text).toBe(text);
    }
    expect(escapeTextCell("=1+1")).toBe("'=1+1");
    expect(escapeTextCell("Contoso")).toBe("Contoso");
  });
});

describe("a cell holding a semicolon", () => {
  it("is written quoted, so a spreadsheet that splits on semicolons keeps it whole", () => {
    const text = writeCsv(["name", "email"], [{ name: "Semi;=1+1;", email: "semi@example.test" }]);
    expect(text.split("\r\n")[1]).toBe('"Semi;=1+1;",semi@example.test');
    expect(writeCsv(["name"], [{ name: "Plain" }]).split("\r\n")[1]).toBe("Plain");
  });
});
