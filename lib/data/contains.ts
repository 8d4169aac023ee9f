import { ilike, or, type AnyColumn, type SQL } from "drizzle-orm";

/** Rows where one of `columns` contains `text`, whatever its case; `%`, `_` and `\` are matched as typed. */
export function containsText(text: string, ...columns: AnyColumn[]): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return or(...columns.map((column) => ilike(column, pattern))) as SQL;
}
