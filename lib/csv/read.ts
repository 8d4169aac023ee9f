import Papa from "papaparse";
import { unescapeTextCell } from "./cells";
import { MAX_IMPORT_ROWS } from "./limits";
import { messageProblem, type ImportProblem } from "./problems";

/** One data row, by column name, with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

/**
 * A table's columns, in the order an export writes them. A file must have every one, in any
 * order (a cell may be empty): a column left out would leave unclear whether to keep or
 * erase what is stored.
 */
export type CsvColumns = readonly string[];

export type CsvReading = { ok: true; records: CsvRecord[]; problems: ImportProblem[] } | { ok: false; problem: ImportProblem };

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

/** Column names a message quotes, and how long each may be there: a header can hold anything. */
const QUOTED_COLUMNS = 10;
const QUOTED_COLUMN_LENGTH = 40;

/** The first few distinct names, each cut short, and how many more there are. */
function quoted(names: string[]): { columns: string; more: number } {
  const distinct = [...new Set(names)];
  const shown = distinct
    .slice(0, QUOTED_COLUMNS)
    .map((name) => (name.length > QUOTED_COLUMN_LENGTH ? `${name.slice(0, QUOTED_COLUMN_LENGTH)}…` : name));
  return { columns: shown.join(", "), more: distinct.length - shown.length };
}

/** The header's columns, or why the file cannot be read as this table. */
export function checkHeader(header: string[], columns: CsvColumns): ImportProblem | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !columns.includes(name));
  if (unknown.length > 0)
    return messageProblem(1, null, "imports.errors.unknownColumns", { ...quoted(unknown), expected: columns.join(",") });
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) return messageProblem(1, null, "imports.errors.repeatedColumns", quoted(repeated));
  const missing = columns.filter((name) => !names.includes(name));
  if (missing.length > 0)
    return messageProblem(1, null, "imports.errors.missingColumns", { columns: missing.join(", "), expected: columns.join(",") });
  return null;
}

/**
 * Reads a CSV file's text with papaparse (quoted fields, embedded commas and newlines, `,`
 * or `;` as spreadsheets in French write them). Each row keeps the line it starts on, so a
 * problem can be pointed at in the file; a row with the wrong number of cells or broken
 * quotes is a problem of its own, never a guess.
 */
export function readCsv(text: string, columns: CsvColumns): CsvReading {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text; // the byte-order mark spreadsheets write
  // Assigned inside papaparse's callback, where TypeScript's narrowing cannot follow plain variables.
  const state: { header: string[] | null; fileProblem: ImportProblem | null } = { header: null, fileProblem: null };
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let linesBefore = 0;
  let cursor = 0;

  Papa.parse<string[]>(body, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    step: (result, parser) => {
      // The row starts at the first character that is not blank: blank lines before it are skipped.
      const end = result.meta.cursor;
      const start = body.slice(cursor, end).search(/\S/);
      const line = linesBefore + countNewlines(body, cursor, start === -1 ? end : cursor + start) + 1;
      linesBefore += countNewlines(body, cursor, end);
      cursor = end;

      const { header } = state;
      if (header === null) {
        state.header = result.data.map((name) => name.trim().toLowerCase());
        state.fileProblem = checkHeader(result.data, columns);
        if (state.fileProblem) parser.abort();
        return;
      }
      if (records.length + problems.length >= MAX_IMPORT_ROWS) {
        state.fileProblem = messageProblem(line, null, "imports.errors.tooManyRows", { maximum: MAX_IMPORT_ROWS });
        parser.abort();
        return;
      }
      const broken = result.errors.find((error) => error.type === "Quotes");
      if (broken) {
        problems.push(messageProblem(line, null, "imports.errors.quotes"));
      } else if (result.data.length !== header.length) {
        problems.push(messageProblem(line, null, "imports.errors.cellCount", { expected: header.length, found: result.data.length }));
      } else {
        const cells: Record<string, string> = {};
        header.forEach((name, index) => {
          cells[name] = unescapeTextCell(result.data[index].trim());
        });
        records.push({ line, cells });
      }
    },
  });

  if (state.fileProblem) return { ok: false, problem: state.fileProblem };
  if (state.header === null || records.length + problems.length === 0) {
    return { ok: false, problem: messageProblem(1, null, "imports.errors.empty", { expected: columns.join(",") }) };
  }
  return { ok: true, records, problems };
}
