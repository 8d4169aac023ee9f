import { NextResponse, type NextRequest } from "next/server";
import { appConnection } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { currentUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { xlsxContentType } from "@/lib/csv/xlsx";
import { csvExport, isExportTable, xlsxExport, type ExportTableName } from "@/lib/data/exports";
import { calendarDate } from "@/lib/schemas/fields";

/** The tables are the admins' to manage; the gap list is everyone's of the organization to act on. */
const allowed: Record<ExportTableName, readonly UserRole[]> = {
  people: ["partner_admin"],
  "exam-passes": ["partner_admin"],
  revenue: ["partner_admin"],
  gaps: ["partner_admin", "employee"],
};

const refusal = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

/**
 * GET /api/export/{people|exam-passes|revenue|gaps}[?asOf=YYYY-MM-DD][&format=csv|xlsx]: a CSV (or Excel) attachment of
 * the signed-in user's organization; the organization comes from the session, never from
 * the request, so no other organization's rows are reachable.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const user = await currentUser();
  if (!user) return refusal("unauthenticated", 401);
  const { table } = await params;
  if (!isExportTable(table)) return refusal("not_found", 404);
  if (user.organizationId === null || !allowed[table].includes(user.role)) return refusal("forbidden", 403);
  const asOf = calendarDate.safeParse(request.nextUrl.searchParams.get("asOf") ?? today());
  if (!asOf.success) return refusal("invalid_as_of", 400);

  const format = request.nextUrl.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") return refusal("invalid_format", 400);

  const { db } = await appConnection();
  const headers = { "content-disposition": `attachment; filename="${table}-${asOf.data}.${format}"`, "cache-control": "private, no-store" };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await xlsxExport(db, user.organizationId, table, asOf.data)), {
      headers: { ...headers, "content-type": xlsxContentType },
    });
  }
  return new Response(await csvExport(db, user.organizationId, table, asOf.data), {
    headers: { ...headers, "content-type": "text/csv; charset=utf-8" },
  });
}
