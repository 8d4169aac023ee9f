import "server-only";
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, organizations, users, apiTokens } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { addDays } from "@/lib/rules";
import type { AuditFilter } from "@/lib/schemas/audit";
import { auditSubjects } from "./audit-subjects";

/** Whose events a user may read: the program's staff every organization's, a partner admin their own. */
export type AuditScope = { organizationId: string } | "program";

export function auditScopeOf(user: SessionUser): AuditScope {
  if (user.role === "reviewer" || user.role === "program_admin") return "program";
  if (user.role === "partner_admin" && user.organizationId) return { organizationId: user.organizationId };
  throw new ForbiddenError(`${user.role} ${user.id} may not read the audit trail`);
}

function scoped(scope: AuditScope, filter: AuditFilter) {
  return and(
    scope === "program"
      ? filter.organization
        ? eq(auditEvents.organizationId, filter.organization)
        : undefined
      : eq(auditEvents.organizationId, scope.organizationId),
    filter.actor ? eq(auditEvents.actorUserId, filter.actor) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.entity ? eq(auditEvents.entityType, filter.entity) : undefined,
    // Dates are calendar days in UTC, the program's reference time zone.
    filter.from ? gte(auditEvents.createdAt, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(auditEvents.createdAt, new Date(`${addDays(filter.to, 1)}T00:00:00Z`)) : undefined,
  );
}

const eventColumns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  actorName: users.displayName,
  actorEmail: users.email,
  /** A write through the API: the token's name stands for its actor. */
  actorTokenName: apiTokens.name,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  organizationName: organizations.name,
  before: auditEvents.before,
  after: auditEvents.after,
};

function eventsQuery(db: Executor, scope: AuditScope, filter: AuditFilter) {
  return db
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditEvents.actorTokenId))
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .where(scoped(scope, filter))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id));
}

export const auditPageSize = 50;

/** One page of events, newest first, whether there is another, and what each is about. */
export async function listAuditEvents(db: Executor, scope: AuditScope, filter: AuditFilter) {
  const rows = await eventsQuery(db, scope, filter)
    .limit(auditPageSize + 1)
    .offset((filter.page - 1) * auditPageSize);
  const events = rows.slice(0, auditPageSize);
  return { events, subjects: await auditSubjects(db, events), hasNext: rows.length > auditPageSize };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** Every matching event, for the CSV export; capped so one request cannot read the world. */
export const auditExportLimit = 50_000;

export async function exportAuditEvents(db: Executor, scope: AuditScope, filter: AuditFilter) {
  const events = await eventsQuery(db, scope, filter).limit(auditExportLimit);
  return { events, subjects: await auditSubjects(db, events) };
}

/** The values the filters offer: the actors, actions and entity types found in scope. */
export async function auditFilterChoices(db: Executor, scope: AuditScope) {
  const inScope = scope === "program" ? undefined : eq(auditEvents.organizationId, scope.organizationId);
  const [actors, actions, entities, organizationRows] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.displayName })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(inScope)
      .orderBy(asc(users.displayName), asc(users.id)),
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(inScope).orderBy(asc(auditEvents.action)),
    db.selectDistinct({ value: auditEvents.entityType }).from(auditEvents).where(inScope).orderBy(asc(auditEvents.entityType)),
    scope === "program"
      ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name))
      : [],
  ]);
  return { actors, actions: actions.map((row) => row.value), entities: entities.map((row) => row.value), organizations: organizationRows };
}

/** A submission's own events (submitted, claimed, decided…), oldest first, for its history. */
export async function submissionHistory(db: Executor, organizationId: string, submissionId: string) {
  return db
    .select({ id: auditEvents.id, createdAt: auditEvents.createdAt, action: auditEvents.action, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.entityType, "submission"), eq(auditEvents.entityId, submissionId)),
    )
    .orderBy(asc(auditEvents.createdAt), sql`${auditEvents.id}`);
}
