import type { z } from "zod";
import type { ImportProblem } from "./problems";
import type { CsvColumns } from "./read";

export const importTables = ["people", "exam-passes", "revenue"] as const;
export type ImportTableName = (typeof importTables)[number];

export function isImportTable(value: string): value is ImportTableName {
  return (importTables as readonly string[]).includes(value);
}

export type Cells = Record<string, string>;

export type RowParse<Row> = { ok: true; row: Row } | { ok: false; problems: ImportProblem[] };

/**
 * One table as a CSV file: its columns, how a row becomes the input its form's schema
 * accepts, the natural key a re-import matches rows on, and how a stored row is written.
 */
export interface CsvTable<Row, Stored, Context> {
  name: ImportTableName;
  columns: CsvColumns;
  /** The column a duplicate key is reported on. */
  keyColumn: string;
  parse(cells: Cells, line: number, context: Context): RowParse<Row>;
  key(row: Row): string;
  storedKey(stored: Stored): string | null;
  /** The columns whose stored value the row would change; none means "unchanged". */
  differences(row: Row, stored: Stored): string[];
  write(stored: Stored): Cells;
}

/** A schema's result as a row, its issues pointed at the CSV columns of their fields. */
export function rowFrom<Row>(result: z.ZodSafeParseResult<Row>, line: number, columnOf: Readonly<Record<string, string>>): RowParse<Row> {
  if (result.success) return { ok: true, row: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      line,
      column: columnOf[String(issue.path[0])] ?? null,
      reason: { kind: "issue", issue },
    })),
  };
}

/** The columns among `pairs` whose two values differ. */
export function changedColumns(pairs: Readonly<Record<string, readonly [unknown, unknown]>>): string[] {
  return Object.entries(pairs)
    .filter(([, [next, stored]]) => next !== stored)
    .map(([column]) => column);
}
