import Papa from "papaparse";
import type { Cells } from "./table";

/**
 * Excel with French (and most European) settings splits CSV on semicolons: a cell holding
 * one is quoted too, so that no part of it becomes a cell of its own (a formula, say).
 */
const quoteSemicolons = (value: unknown) => typeof value === "string" && value.includes(";");

/**
 * A CSV file of `rows` under `columns`, as papaparse quotes it (commas, quotes, newlines,
 * and semicolons here), with CRLF line ends and a byte-order mark so that spreadsheets open
 * accents correctly.
 */
export function writeCsv(columns: readonly string[], rows: readonly Cells[]): string {
  const data = rows.map((row) => columns.map((column) => row[column] ?? ""));
  return `\uFEFF${Papa.unparse({ fields: [...columns], data }, { newline: "\r\n", quotes: quoteSemicolons })}\r\n`;
}
