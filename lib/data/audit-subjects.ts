import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, invitations, people, revenueLines, submissions, users } from "@/db/schema";

/** What an audit event is about, as a reader names it; read from the record, else from the event itself. */
export type AuditSubject =
  | { kind: "revenue_line"; reference: string; customer: string | null }
  | { kind: "exam_pass"; code: string; personName: string | null; personId: string | null }
  | { kind: "person"; name: string; id: string }
  | { kind: "submission"; tier: string; id: string }
  | { kind: "user"; name: string }
  | { kind: "invitation"; email: string }
  | { kind: "table"; table: string }
  | { kind: "api_token"; name: string }
  | { kind: "webhook_endpoint"; url: string }
  | { kind: "unknown" };

interface EventRef {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of one entity type among the events, at most a page's worth per query. */
function idsOf(events: readonly EventRef[], type: string): string[] {
  return [
    ...new Set(events.filter((event) => event.entityType === type && event.entityId && uuid.test(event.entityId)).map((e) => e.entityId!)),
  ];
}

const CHUNK = 1_000;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await read(ids.slice(start, start + CHUNK))));
  return rows;
}

/** A field of the state an event recorded (after, else before), when it is a string. */
function recorded(event: EventRef, field: string): string | null {
  for (const state of [event.after, event.before]) {
    if (state && typeof state === "object" && field in state) {
      const value = (state as Record<string, unknown>)[field];
      if (typeof value === "string") return value;
    }
  }
  return null;
}

const importTables = new Set(["people", "exam-passes", "revenue"]);

/**
 * The subject of each event, keyed `type:id`: a few bounded queries for the records still
 * there, and what the event recorded for those since deleted.
 */
export async function auditSubjects(db: Executor, events: readonly EventRef[]): Promise<Map<string, AuditSubject>> {
  const [lines, passes, persons, cases, accounts, invites] = await Promise.all([
    inChunks(idsOf(events, "revenue_line"), (ids) =>
      db
        .select({ id: revenueLines.id, reference: revenueLines.reference, customer: revenueLines.customerName })
        .from(revenueLines)
        .where(inArray(revenueLines.id, ids)),
    ),
    inChunks(idsOf(events, "exam_pass"), (ids) =>
      db
        .select({ id: examPasses.id, code: examPasses.examCode, personId: examPasses.personId, personName: people.name })
        .from(examPasses)
        .leftJoin(people, eq(people.id, examPasses.personId))
        .where(inArray(examPasses.id, ids)),
    ),
    inChunks(idsOf(events, "person"), (ids) => db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids))),
    inChunks(idsOf(events, "submission"), (ids) =>
      db.select({ id: submissions.id, tier: submissions.tier }).from(submissions).where(inArray(submissions.id, ids)),
    ),
    inChunks(idsOf(events, "user"), (ids) =>
      db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)),
    ),
    inChunks(idsOf(events, "invitation"), (ids) =>
      db.select({ id: invitations.id, email: invitations.email }).from(invitations).where(inArray(invitations.id, ids)),
    ),
  ]);
  const found = new Map<string, AuditSubject>();
  for (const line of lines)
    found.set(`revenue_line:${line.id}`, { kind: "revenue_line", reference: line.reference, customer: line.customer });
  for (const pass of passes) found.set(`exam_pass:${pass.id}`, { kind: "exam_pass", ...pass });
  for (const person of persons) found.set(`person:${person.id}`, { kind: "person", ...person });
  for (const item of cases) found.set(`submission:${item.id}`, { kind: "submission", ...item });
  for (const account of accounts) found.set(`user:${account.id}`, { kind: "user", name: account.name });
  for (const invite of invites) found.set(`invitation:${invite.id}`, { kind: "invitation", email: invite.email });

  const subjects = new Map<string, AuditSubject>();
  for (const event of events) {
    const key = subjectKey(event);
    if (subjects.has(key)) continue;
    subjects.set(key, found.get(key) ?? fromEvent(event));
  }
  return subjects;
}

export function subjectKey(event: { entityType: string; entityId: string | null }): string {
  return `${event.entityType}:${event.entityId ?? ""}`;
}

/** A deleted record's name, from the state the event kept of it. */
function fromEvent(event: EventRef): AuditSubject {
  switch (event.entityType) {
    case "revenue_line": {
      const reference = recorded(event, "reference");
      return reference ? { kind: "revenue_line", reference, customer: recorded(event, "customerName") } : { kind: "unknown" };
    }
    case "exam_pass": {
      const code = recorded(event, "examCode");
      return code ? { kind: "exam_pass", code, personName: null, personId: recorded(event, "personId") } : { kind: "unknown" };
    }
    case "person": {
      const name = recorded(event, "name");
      return name ? { kind: "person", name, id: event.entityId ?? "" } : { kind: "unknown" };
    }
    case "user":
    case "sign_in": {
      const name = recorded(event, "displayName") ?? recorded(event, "email");
      return name ? { kind: "user", name } : { kind: "unknown" };
    }
    case "invitation": {
      const email = recorded(event, "email");
      return email ? { kind: "invitation", email } : { kind: "unknown" };
    }
    case "api_token": {
      const name = recorded(event, "name");
      return name ? { kind: "api_token", name } : { kind: "unknown" };
    }
    case "webhook_endpoint": {
      const url = recorded(event, "url");
      return url ? { kind: "webhook_endpoint", url } : { kind: "unknown" };
    }
    default:
      return importTables.has(event.entityType) ? { kind: "table", table: event.entityType } : { kind: "unknown" };
  }
}
