import Papa from "papaparse";
import type { Cells } from "./table";

/**
 * A CSV file of `rows` under `columns`, as papaparse quotes it (commas, quotes, newlines),
 * with CRLF line ends and a byte-order mark so that spreadsheets open accents correctly.
 */
export function writeCsv(columns: readonly string[], rows: readonly Cells[]): string {
  const data = rows.map((row) => columns.map((column) => row[column] ?? ""));
  return `\uFEFF${Papa.unparse({ fields: [...columns], data }, { newline: "\r\n" })}\r\n`;
}
