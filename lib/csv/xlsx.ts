import ExcelJS from "exceljs";
import { MAX_IMPORT_ROWS } from "./limits";
import { messageProblem, type ImportProblem } from "./problems";
import { checkHeader, type CsvColumns, type CsvReading, type CsvRecord } from "./read";
import { unescapeTextCell } from "./cells";
import type { Cells } from "./table";

/**
 * The tables as Excel workbooks (exceljs): the same columns as the CSV files, each cell typed
 * (dates as dates, amounts as numbers in dollars, flags as booleans, everything else, codes
 * and MCIDs included, as text), read back into the same records as a CSV file, each with its
 * row number, so that the import's preview, problems and transaction are the CSV import's.
 */

type CellKind = "date" | "amount" | "boolean" | "text";

const columnKinds: Readonly<Record<string, CellKind>> = {
  left_on: "date",
  passed_on: "date",
  booked_on: "date",
  amount_usd: "amount",
  dpor: "boolean",
};

const kindOf = (column: string): CellKind => columnKinds[column] ?? "text";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook of one sheet: `rows` under `columns`, each cell of its column's kind. */
export async function writeXlsx(sheetName: string, columns: CsvColumns, rows: readonly Cells[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const kind = kindOf(column);
    const numFmt = kind === "date" ? "yyyy-mm-dd" : kind === "amount" ? '"$"#,##0.00;-"$"#,##0.00' : kind === "text" ? "@" : undefined;
    return { header: column, key: column, width: Math.max(12, column.length + 2), ...(numFmt && { style: { numFmt } }) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((column) => {
          const text = row[column] ?? "";
          if (text === "") return [column, null];
          switch (kindOf(column)) {
            case "date":
              return [column, new Date(`${text}T00:00:00Z`)];
            case "amount":
              return [column, Number(text)];
            case "boolean":
              return [column, text === "true"];
            case "text":
              // A text cell is never run as a formula: the CSV file's protective quote is not needed here.
              return [column, unescapeTextCell(text)];
          }
        }),
      ),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A cell as the text a CSV file would hold: dates as YYYY-MM-DD, numbers in full, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ("hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * The first sheet of an .xlsx file as the CSV reader gives a file: the header on row 1, each
 * record with its row number; a file that is no workbook, or whose header is not the table's,
 * is one problem.
 */
export async function readXlsx(bytes: Uint8Array, columns: CsvColumns): Promise<CsvReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: messageProblem(1, null, "imports.errors.notAWorkbook") };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) {
    return { ok: false, problem: messageProblem(1, null, "imports.errors.empty", { expected: columns.join(",") }) };
  }
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell.value).trim().toLowerCase();
  });
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const headerProblem = checkHeader(header, columns);
  if (headerProblem) return { ok: false, problem: headerProblem };

  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let tooMany: ImportProblem | null = null;
  sheet.eachRow((row, line) => {
    if (line === 1 || tooMany) return;
    const cells: Record<string, string> = {};
    header.forEach((name, index) => {
      cells[name] = cellText(row.getCell(index + 1).value).trim();
    });
    if (Object.values(cells).every((cell) => cell === "")) return;
    if (records.length >= MAX_IMPORT_ROWS) {
      tooMany = messageProblem(line, null, "imports.errors.tooManyRows", { maximum: MAX_IMPORT_ROWS });
      return;
    }
    const beyond = row.cellCount > header.length && cellText(row.getCell(header.length + 1).value).trim() !== "";
    if (beyond) problems.push(messageProblem(line, null, "imports.errors.cellCount", { expected: header.length, found: row.cellCount }));
    else records.push({ line, cells });
  });
  if (tooMany) return { ok: false, problem: tooMany };
  if (records.length + problems.length === 0) {
    return { ok: false, problem: messageProblem(1, null, "imports.errors.empty", { expected: columns.join(",") }) };
  }
  return { ok: true, records, problems };
}
