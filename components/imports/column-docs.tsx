import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportTableName } from "@/lib/csv/table";
import { examPassesTable } from "@/lib/csv/tables/exam-passes";
import { peopleTable } from "@/lib/csv/tables/people";
import { revenueTable } from "@/lib/csv/tables/revenue";
import { writeCsv } from "@/lib/csv/write";

type ColumnDocs = Messages["imports"]["docs"]["columns"];
/** The documentation key of every column of every table: a column without one fails the type check. */
type ColumnDoc = { [T in keyof ColumnDocs]: `docs.columns.${T}.${keyof ColumnDocs[T] & string}` }[keyof ColumnDocs];

const tableColumns: Record<ImportTableName, readonly string[]> = {
  people: peopleTable.columns,
  "exam-passes": examPassesTable.columns,
  revenue: revenueTable.columns,
};

/** A small file of the table, in the exact format the import reads and the export writes. */
const examples: Record<ImportTableName, Record<string, string>[]> = {
  people: [
    { name: "Alice Martin", email: "alice@contoso.example", mcid: "10451001", left_on: "" },
    { name: "Bruno Costa", email: "", mcid: "10451002", left_on: "2026-03-31" },
  ],
  "exam-passes": [
    { mcid: "10451001", exam_code: "MB2-717", passed_on: "2026-01-12", certification_ref: "TR-10451001-MB2-717" },
    { mcid: "10451002", exam_code: "MB2-716", passed_on: "2025-11-03", certification_ref: "" },
  ],
  revenue: [
    {
      reference: "INV-1001",
      customer: "Northwind Traders",
      product: "d365-ce-plan-1",
      amount_usd: "60000.00",
      booked_on: "2026-10-26",
      dpor: "true",
    },
    { reference: "INV-1002", customer: "Fourth Coffee", product: "other", amount_usd: "-1250.50", booked_on: "2026-09-14", dpor: "false" },
  ],
};

/** The columns of a table's CSV file, what each holds, and an example file. */
export async function ColumnDocs({ table }: { table: ImportTableName }) {
  const t = await getTranslations("imports");
  return (
    <div className="space-y-3">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("docs.column")}</TableHead>
            <TableHead>{t("docs.meaning")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tableColumns[table].map((column) => (
            <TableRow key={column}>
              <TableCell className="font-mono">{column}</TableCell>
              <TableCell className="whitespace-normal">{t(`docs.columns.${table}.${column}` as ColumnDoc)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-sm text-muted-foreground">{t("docs.example")}</p>
      <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
        {writeCsv(tableColumns[table], examples[table]).replace(/^\uFEFF/, "")}
      </pre>
    </div>
  );
}
