import { createHash } from "node:crypto";
import type { RevenueLineInput } from "@/lib/schemas/revenue";
import { messageProblem, type ImportProblem } from "./problems";
import { readCsv, type CsvReading } from "./read";
import type { CsvTable } from "./table";
import type { ExamPassRow, StoredExamPass } from "./tables/exam-passes";
import type { PersonRow, StoredPerson } from "./tables/people";
import type { StoredRevenueLine } from "./tables/revenue";

export type RowStatus = "new" | "changed" | "unchanged";

export interface PlannedRow<Row, Stored> {
  line: number;
  row: Row;
  status: RowStatus;
  /** The stored row with the same natural key, if any. */
  stored: Stored | null;
  /** The columns a "changed" row changes. */
  changed: string[];
}

export type ImportPlan<Row, Stored> =
  | { ok: false; problem: ImportProblem }
  | {
      ok: true;
      rows: PlannedRow<Row, Stored>[];
      problems: ImportProblem[];
      /**
       * What the import would do, as a checksum of the file and of each line's outcome: an
       * import goes ahead only if it still matches the preview the admin saw.
       */
      digest: string;
    };

/** A file as the import reads it: CSV text, or a workbook already read into records, with its bytes' checksum. */
export type ImportFile = string | { reading: CsvReading; fingerprint: string };

function digestOf(table: string, text: string, rows: readonly PlannedRow<unknown, unknown>[], problems: readonly ImportProblem[]): string {
  const hash = createHash("sha256").update(table).update("\0").update(text).update("\0");
  for (const row of rows) hash.update(`${row.line}:${row.status}\n`);
  for (const problem of problems) hash.update(`${problem.line}:!\n`);
  return hash.digest("hex");
}

/**
 * What importing `file` into `table` would do, given the rows already stored: each good row
 * is new, changed or unchanged (matched on its natural key), each bad row a problem with its
 * line. Pure: the caller reads the stored rows and writes the outcome.
 */
export function planImport<Row, Stored, Context>(
  table: CsvTable<Row, Stored, Context>,
  file: ImportFile,
  stored: readonly Stored[],
  context: Context,
): ImportPlan<Row, Stored> {
  const reading = typeof file === "string" ? readCsv(file, table.columns) : file.reading;
  const fingerprint = typeof file === "string" ? file : file.fingerprint;
  if (!reading.ok) return reading;

  const storedByKey = new Map<string, Stored>();
  for (const row of stored) {
    const key = table.storedKey(row);
    if (key !== null) storedByKey.set(key, row);
  }
  const problems = [...reading.problems];
  const rows: PlannedRow<Row, Stored>[] = [];
  const lineOfKey = new Map<string, number>();
  for (const record of reading.records) {
    const parsed = table.parse(record.cells, record.line, context);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const key = table.key(parsed.row);
    const earlier = lineOfKey.get(key);
    if (earlier !== undefined) {
      problems.push(messageProblem(record.line, table.keyColumn, "imports.errors.duplicateKey", { line: earlier }));
      continue;
    }
    lineOfKey.set(key, record.line);
    const match = storedByKey.get(key) ?? null;
    const changed = match ? table.differences(parsed.row, match) : [];
    const status: RowStatus = !match ? "new" : changed.length > 0 ? "changed" : "unchanged";
    rows.push({ line: record.line, row: parsed.row, status, stored: match, changed });
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, rows, problems, digest: digestOf(table.name, fingerprint, rows, problems) };
}

/** A plan of one of the three tables, each with its own row types. */
export type TablePlan =
  | { table: "people"; plan: ImportPlan<PersonRow, StoredPerson> }
  | { table: "exam-passes"; plan: ImportPlan<ExamPassRow, StoredExamPass> }
  | { table: "revenue"; plan: ImportPlan<RevenueLineInput, StoredRevenueLine> };
