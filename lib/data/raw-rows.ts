import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Rows of a raw statement: postgres.js answers an array, PGlite an object that holds one. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
