import "server-only";
import type { Executor } from "@/db/client";
import { gapColumns, gapRows } from "@/lib/csv/gaps";
import type { ImportTableName } from "@/lib/csv/table";
import { examPassesTable } from "@/lib/csv/tables/exam-passes";
import { peopleTable } from "@/lib/csv/tables/people";
import { revenueTable } from "@/lib/csv/tables/revenue";
import { writeCsv } from "@/lib/csv/write";
import { evaluate, type CalendarDate } from "@/lib/rules";
import { storedExamPasses, storedPeople, storedRevenueLines } from "./csv-rows";
import { loadOrganizationEvidence } from "./evidence";
import { definitionOn, publishedProgram } from "./program";

export const exportTables = ["people", "exam-passes", "revenue", "gaps"] as const;
export type ExportTableName = ImportTableName | "gaps";

export function isExportTable(value: string): value is ExportTableName {
  return (exportTables as readonly string[]).includes(value);
}

/**
 * The organization's table as a CSV file the import reads back unchanged, or its gap list
 * on `asOf` as the rules library evaluates it.
 */
export async function csvExport(db: Executor, organizationId: string, table: ExportTableName, asOf: CalendarDate): Promise<string> {
  switch (table) {
    case "people":
      return writeCsv(
        peopleTable.columns,
        (await storedPeople(db, organizationId)).map((row) => peopleTable.write(row)),
      );
    case "exam-passes":
      return writeCsv(
        examPassesTable.columns,
        (await storedExamPasses(db, organizationId)).map((row) => examPassesTable.write(row)),
      );
    case "revenue":
      return writeCsv(
        revenueTable.columns,
        (await storedRevenueLines(db, organizationId)).map((row) => revenueTable.write(row)),
      );
    case "gaps": {
      const [{ input }, people, { program }] = await Promise.all([
        loadOrganizationEvidence(db, organizationId, asOf),
        storedPeople(db, organizationId),
        publishedProgram(db),
      ]);
      const evaluation = evaluate(input, definitionOn(program, asOf));
      return writeCsv(gapColumns, gapRows(evaluation, new Map(people.map((person) => [person.id, person]))));
    }
  }
}
