import type { Translate } from "@/lib/actions/action";
import { localizeIssues } from "@/lib/actions/field-errors";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { productChoice, productToStore } from "@/lib/schemas/revenue";
import { PREVIEW_LIMIT } from "./limits";
import type { PlannedRow, RowStatus, TablePlan } from "./plan";
import type { ImportProblem } from "./problems";
import type { ImportTableName } from "./table";

/** What the admin sees before importing: every count, and the rows and problems to look at. */
export interface ImportPreview {
  table: ImportTableName;
  fileName: string;
  /** What confirming must match; null when the file has problems and cannot be imported. */
  digest: string | null;
  /** Rows by what importing does to them; "invalid" rows have at least one problem. */
  counts: Record<RowStatus | "invalid", number>;
  /** The counts in a sentence, and what the preview leaves out, if anything. */
  summary: string;
  notes: string[];
  columns: string[];
  /** In file order; when the file is longer than the preview, changed and new rows first. */
  rows: Array<{ line: number; status: RowStatus; cells: string[]; changed: string[] }>;
  /** `where` is the line (and column) in words: "Line 3, exam_code". */
  problems: Array<{ line: number; column: string | null; where: string; message: string }>;
}

export interface PreviewWords {
  t: Translate;
  locale: Locale;
}

export function problemMessage(problem: ImportProblem, t: Translate): string {
  if (problem.reason.kind === "message") return t(problem.reason.key, problem.reason.values);
  const { message, fieldErrors } = localizeIssues([problem.reason.issue], t);
  return Object.values(fieldErrors)[0]?.[0] ?? message;
}

const priority: Record<RowStatus, number> = { changed: 0, new: 1, unchanged: 2 };

function shownRows<R, S>(rows: readonly PlannedRow<R, S>[]): PlannedRow<R, S>[] {
  if (rows.length <= PREVIEW_LIMIT) return [...rows];
  return [...rows]
    .sort((a, b) => priority[a.status] - priority[b.status] || a.line - b.line)
    .slice(0, PREVIEW_LIMIT)
    .sort((a, b) => a.line - b.line);
}

/** Each row's cells as they will be stored, written for the reader; "—" for nothing. */
function cellsOf(planned: TablePlan, { t, locale }: PreviewWords): { columns: string[]; rows: ImportPreview["rows"] } {
  const text = (value: string | null) => value || "—";
  const date = (value: string | null) => (value ? formatDate(value, locale) : "—");
  const view = <R, S>(rows: readonly PlannedRow<R, S>[], cells: (row: R, stored: S | null) => string[]) =>
    shownRows(rows).map(({ line, status, changed, row, stored }) => ({ line, status, changed, cells: cells(row, stored) }));
  switch (planned.table) {
    case "people":
      return {
        columns: ["name", "email", "mcid", "left_on"],
        rows: planned.plan.ok ? view(planned.plan.rows, (row) => [row.name, text(row.email), row.mcid, date(row.leftOn)]) : [],
      };
    case "exam-passes":
      return {
        columns: ["mcid", "exam_code", "passed_on", "certification_ref"],
        rows: planned.plan.ok ? view(planned.plan.rows, (row) => [row.mcid, row.code, date(row.passedOn), text(row.certificationRef)]) : [],
      };
    case "revenue":
      return {
        columns: ["reference", "customer", "product", "amount_usd", "booked_on", "dpor"],
        rows: planned.plan.ok
          ? view(planned.plan.rows, (row, stored) => [
              row.reference,
              row.customerName,
              t(`revenue.products.${productChoice(productToStore(row.product, stored?.product ?? null))}`),
              formatMoney(row.amountCents, locale),
              date(row.bookedOn),
              t(row.dporAssociated ? "revenue.yes" : "revenue.no"),
            ])
          : [],
      };
  }
}

/** The plan of a readable file, worded for the reader. */
export function describePlan(planned: TablePlan, fileName: string, words: PreviewWords): ImportPreview {
  const { plan } = planned;
  if (!plan.ok) throw new Error("describePlan needs the plan of a readable file");
  const { t } = words;
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: new Set(plan.problems.map((problem) => problem.line)).size };
  for (const row of plan.rows) counts[row.status]++;
  const cells = cellsOf(planned, words);
  const notes = [
    ...(cells.rows.length < plan.rows.length
      ? [t("imports.preview.rowsLeftOut", { shown: cells.rows.length, total: plan.rows.length })]
      : []),
    ...(plan.problems.length > PREVIEW_LIMIT
      ? [t("imports.preview.problemsLeftOut", { shown: PREVIEW_LIMIT, total: plan.problems.length })]
      : []),
  ];
  return {
    table: planned.table,
    fileName,
    digest: plan.problems.length === 0 ? plan.digest : null,
    counts,
    summary: t("imports.preview.summary", { rows: plan.rows.length + counts.invalid, ...counts }),
    notes,
    ...cells,
    problems: plan.problems.slice(0, PREVIEW_LIMIT).map((problem) => ({
      line: problem.line,
      column: problem.column,
      where: problem.column
        ? t("imports.preview.lineColumn", { line: problem.line, column: problem.column })
        : t("imports.preview.line", { line: problem.line }),
      message: problemMessage(problem, t),
    })),
  };
}
