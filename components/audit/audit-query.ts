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
