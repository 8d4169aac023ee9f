import { NextResponse, type NextRequest } from "next/server";
import { appConnection } from "@/db/client";
import { ForbiddenError } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { escapeTextCell } from "@/lib/csv/cells";
import { writeCsv } from "@/lib/csv/write";
import { type AuditScope, auditScopeOf, exportAuditEvents } from "@/lib/data/audit-log";
import { auditFilter } from "@/lib/schemas/audit";
import { auditWordsIn, describeEvent } from "@/components/audit/event-sentence";
import { requestContext } from "@/lib/auth/request-context";

const refusal = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

const columns = [
  "created_at",
  "organization",
  "actor",
  "actor_email",
  "action",
  "entity_type",
  "entity_id",
  "description",
  "details",
] as const;

/**
 * GET /api/audit/export?actor=&action=&entity=&organization=&from=&to=: the audit trail as
 * CSV, with the audit page's filters. The scope comes from the session: a partner admin gets
 * their organization's events whatever `organization` says.
 */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return refusal("unauthenticated", 401);
  let scope: AuditScope;
  try {
    scope = auditScopeOf(user);
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal("forbidden", 403);
    throw error;
  }
  const filter = auditFilter.parse(Object.fromEntries(request.nextUrl.searchParams));
  const { db } = await appConnection();
  const [{ events, subjects }, locale] = await Promise.all([exportAuditEvents(db, scope, filter), requestContext().locale()]);
  const words = auditWordsIn(locale, { reviewer: scope === "program" });
  const csv = writeCsv(
    columns,
    events.map((event) => ({
      created_at: event.createdAt.toISOString(),
      organization: escapeTextCell(event.organizationName ?? ""),
      actor: escapeTextCell(event.actorName ?? ""),
      actor_email: escapeTextCell(event.actorEmail ?? ""),
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId ?? "",
      description: escapeTextCell(describeEvent(event, subjects, words).sentence),
      details: escapeTextCell(event.after === null ? "" : JSON.stringify(event.after)),
    })),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${today()}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
