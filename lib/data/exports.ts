import "server-only";
import type { Executor } from "@/db/client";
import { gapColumns, gapRows } from "@/lib/csv/gaps";
import type { Cells, ImportTableName } from "@/lib/csv/table";
import { examPassesTable } from "@/lib/csv/tables/exam-passes";
import { peopleTable } from "@/lib/csv/tables/people";
import { revenueTable } from "@/lib/csv/tables/revenue";
import { writeCsv } from "@/lib/csv/write";
import { writeXlsx } from "@/lib/csv/xlsx";
import { evaluate, type CalendarDate } from "@/lib/rules";
import { storedExamPasses, storedPeople, storedRevenueLines } from "./csv-rows";
import { loadOrganizationEvidence } from "./evidence";
import { definitionOn, publishedProgram } from "./program";

export const exportTables = ["people", "exam-passes", "revenue", "gaps"] as const;
export type ExportTableName = ImportTableName | "gaps";

export function isExportTable(value: string): value is ExportTableName {
  return (exportTables as readonly string[]).includes(value);
}

/** The organization's table, or its gap list on `asOf` as the rules library evaluates it, as rows of text cells. */
async function exportRows(
  db: Executor,
  organizationId: string,
  table: ExportTableName,
  asOf: CalendarDate,
): Promise<{ columns: readonly string[]; rows: Cells[] }> {
  switch (table) {
    case "people":
      return { columns: peopleTable.columns, rows: (await storedPeople(db, organizationId)).map((row) => peopleTable.write(row)) };
    case "exam-passes":
      return {
        columns: examPassesTable.columns,
        rows: (await storedExamPasses(db, organizationId)).map((row) => examPassesTable.write(row)),
      };
    case "revenue":
      return { columns: revenueTable.columns, rows: (await storedRevenueLines(db, organizationId)).map((row) => revenueTable.write(row)) };
    case "gaps": {
      const [{ input }, people, { program }] = await Promise.all([
        loadOrganizationEvidence(db, organizationId, asOf),
        storedPeople(db, organizationId),
        publishedProgram(db),
      ]);
      const evaluation = evaluate(input, definitionOn(program, asOf));
      return { columns: gapColumns, rows: gapRows(evaluation, new Map(people.map((person) => [person.id, person]))) };
    }
  }
}

/** The table as a CSV file the import reads back unchanged. */
export async function csvExport(db: Executor, organizationId: string, table: ExportTableName, asOf: CalendarDate): Promise<string> {
  const { columns, rows } = await exportRows(db, organizationId, table, asOf);
  return writeCsv(columns, rows);
}

/** The table as an Excel workbook with typed cells, which the import also reads back unchanged. */
export async function xlsxExport(db: Executor, organizationId: string, table: ExportTableName, asOf: CalendarDate): Promise<Uint8Array> {
  const { columns, rows } = await exportRows(db, organizationId, table, asOf);
  return writeXlsx(table, columns, rows);
}
