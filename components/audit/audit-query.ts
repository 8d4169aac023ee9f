import type { AuditFilter } from "@/lib/schemas/audit";

/** The filter as a query string, leaving out what is not set (and the first page). */
export function auditQuery(filter: AuditFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || (key === "page" && value === 1)) continue;
    query.set(key, String(value));
  }
  return query.toString();
}

/** An event's recorded state after the change, as one line of JSON ("" when it has none). */
export function eventDetails(after: unknown): string {
  return after === null || after === undefined ? "" : JSON.stringify(after);
}
