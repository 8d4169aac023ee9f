import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import {
  type AlertDeliveryMode,
  alertEmails,
  alertPreferences,
  alerts,
  awards,
  examPasses,
  notifications,
  organizations,
  organizationWatch,
  people,
  revenueLines,
  users,
} from "@/db/schema";
import {
  type AlertCause,
  type AlertKind,
  type Award,
  evaluate,
  type EvaluationInput,
  forecast,
  type OpenAlert,
  watchAlerts,
} from "@/lib/rules";
import { revenueInputColumns } from "./evidence";

/** How many organizations one watch job evaluates and writes in one transaction. */
export const WATCH_BATCH_SIZE = 100;

export interface WatchOutcome {
  /** Organizations evaluated (those already watched today at their current evidence are skipped). */
  watched: number;
  raised: number;
  resolved: number;
}

interface OrganizationRow {
  id: string;
  name: string;
  market: string;
  revision: number;
}

/** A person as the batch query sends it: id, name, departure, and each pass as id, code, date. */
type PersonJson = [string, string, string | null, [string, string, string][]];

/** The evidence of many organizations in three queries, as lib/rules takes it. */
async function loadEvidenceOf(db: Executor, organizationRows: readonly OrganizationRow[], asOf: string) {
  const ids = organizationRows.map((organization) => organization.id);
  const [peopleRows, revenueRows, awardRows] = await Promise.all([
    // One row per organization, its people (by name) and their passes (by date) as one JSON
    // document: a batch arrives in a hundred rows rather than tens of thousands.
    db
      .select({
        organizationId: people.organizationId,
        // Spelled out with their tables: in a one-table query drizzle leaves column names bare,
        // and inside the subquery a bare "id" would be the pass's.
        people: sql<
          PersonJson[]
        >`json_agg(json_build_array(people.id, people.name, people.left_on, (select coalesce(json_agg(json_build_array(passes.id, passes.exam_code, passes.passed_on) order by passes.passed_on, passes.id), '[]'::json) from ${examPasses} as passes where passes.person_id = people.id)) order by people.name, people.id)::text`.mapWith(
          (text: string) => JSON.parse(text) as PersonJson[],
        ),
      })
      .from(people)
      .where(inArray(people.organizationId, ids))
      .groupBy(people.organizationId),
    db
      .select({ organizationId: revenueLines.organizationId, ...revenueInputColumns })
      .from(revenueLines)
      .where(inArray(revenueLines.organizationId, ids))
      .orderBy(asc(revenueLines.organizationId), asc(revenueLines.bookedOn), asc(revenueLines.id)),
    db
      .select({
        organizationId: awards.organizationId,
        tier: awards.tier,
        awardedOn: awards.awardedOn,
        anniversaryOn: awards.anniversaryOn,
      })
      .from(awards)
      .where(inArray(awards.organizationId, ids)),
  ]);

  const inputs = new Map<string, EvaluationInput>(
    organizationRows.map((organization) => [
      organization.id,
      { competency: "cloud-crm", asOf, market: organization.market, people: [], revenue: [] },
    ]),
  );
  for (const row of peopleRows) {
    const input = inputs.get(row.organizationId);
    if (!input) continue;
    for (const [id, name, leftOn, passes] of row.people) {
      input.people.push({ id, name, leftOn, exams: passes.map(([passId, code, passedOn]) => ({ id: passId, code, passedOn })) });
    }
  }
  for (const { organizationId, ...line } of revenueRows) inputs.get(organizationId)?.revenue.push(line);
  const awardsOf = new Map<string, Award[]>();
  for (const { organizationId, ...award } of awardRows) {
    const list = awardsOf.get(organizationId) ?? [];
    list.push(award);
    awardsOf.set(organizationId, list);
  }
  return { inputs, awardsOf };
}

/** Who hears of an organization's alerts: its partner admins, and for an exam, the employee who holds it. */
async function recipientsOf(db: Executor, organizationIds: readonly string[]) {
  const rows = await db
    .select({
      id: users.id,
      organizationId: users.organizationId,
      role: users.role,
      personId: users.personId,
      preferences: sql<Record<
        string,
        AlertDeliveryMode
      > | null>`(select json_object_agg(${alertPreferences.kind}, ${alertPreferences.mode}) from ${alertPreferences} where ${alertPreferences.userId} = ${users.id})`,
    })
    .from(users)
    .where(and(inArray(users.organizationId, organizationIds), eq(users.disabled, false)));
  const byOrganization = new Map<string, typeof rows>();
  for (const row of rows) {
    if (!row.organizationId) continue;
    const list = byOrganization.get(row.organizationId) ?? [];
    list.push(row);
    byOrganization.set(row.organizationId, list);
  }
  return byOrganization;
}

type Recipient = Awaited<ReturnType<typeof recipientsOf>> extends Map<string, infer R> ? R : never;

function audienceOf(cause: AlertCause, recipients: Recipient): Recipient {
  return recipients.filter(
    (user) =>
      user.role === "partner_admin" ||
      (cause.kind === "exam-expiring" && user.personId !== null && cause.personIds.includes(user.personId)),
  );
}

/**
 * Watches the organizations on `today`: evaluates each, forecasts it a year ahead, raises the
 * alerts that now hold and resolves those that no longer do. Each organization is locked for
 * the transaction, so two workers given the same organization watch it once: the second finds
 * it already watched today at its current evidence and skips it.
 */
export async function watchOrganizations(db: Database, organizationIds: readonly string[], today: string): Promise<WatchOutcome> {
  if (organizationIds.length === 0) return { watched: 0, raised: 0, resolved: 0 };
  return db.transaction(async (tx) => {
    // Planned as large, these short queries would be compiled by PostgreSQL's JIT first, which
    // costs more than it saves; the setting ends with the transaction.
    await tx.execute(sql`set local jit = off`);
    const sorted = [...new Set(organizationIds)].sort();
    // Advisory locks taken in one order: concurrent watchers of overlapping batches wait, never deadlock.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(id, 7)) from jsonb_array_elements_text(${JSON.stringify(sorted)}::jsonb) as id`,
    );
    return watchLocked(tx, sorted, today);
  });
}

async function watchLocked(tx: Executor, organizationIds: readonly string[], today: string): Promise<WatchOutcome> {
  const due = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      market: organizations.market,
      revision: organizations.evidenceRevision,
      previousTier: organizationWatch.tier,
    })
    .from(organizations)
    .leftJoin(organizationWatch, eq(organizationWatch.organizationId, organizations.id))
    .where(
      and(
        inArray(organizations.id, organizationIds),
        or(
          isNull(organizationWatch.organizationId),
          ne(organizationWatch.watchedOn, today),
          ne(organizationWatch.revision, organizations.evidenceRevision),
        ),
      ),
    );
  if (due.length === 0) return { watched: 0, raised: 0, resolved: 0 };
  const ids = due.map((organization) => organization.id);
  const [{ inputs, awardsOf }, openRows, recipients] = await Promise.all([
    loadEvidenceOf(tx, due, today),
    tx
      .select({ organizationId: alerts.organizationId, key: alerts.causeKey, kind: alerts.kind, tier: alerts.tier })
      .from(alerts)
      .where(and(inArray(alerts.organizationId, ids), isNull(alerts.resolvedAt))),
    recipientsOf(tx, ids),
  ]);
  const openOf = new Map<string, OpenAlert[]>();
  for (const { organizationId, ...alert } of openRows) {
    const list = openOf.get(organizationId) ?? [];
    list.push({ ...alert, kind: alert.kind as AlertKind });
    openOf.set(organizationId, list);
  }

  const holding: { organizationId: string; cause: AlertCause; names: string[] }[] = [];
  const states: (typeof organizationWatch.$inferInsert)[] = [];
  for (const organization of due) {
    const input = inputs.get(organization.id);
    if (!input) continue;
    const evaluation = evaluate(input);
    const causes = watchAlerts({
      input,
      evaluation,
      forecast: forecast(input),
      awards: awardsOf.get(organization.id) ?? [],
      previousTier: organization.previousTier,
      open: openOf.get(organization.id) ?? [],
    });
    const nameOf = new Map(input.people.map((person) => [person.id, person.name ?? person.id]));
    for (const cause of causes) {
      holding.push({ organizationId: organization.id, cause, names: cause.personIds.map((id) => nameOf.get(id) ?? id) });
    }
    states.push({ organizationId: organization.id, tier: evaluation.tier, watchedOn: today, revision: organization.revision });
  }

  // Open alerts whose cause is not among those that hold are resolved.
  const held = holding.map(({ organizationId, cause }) => ({ o: organizationId, k: cause.key }));
  const resolved = await tx
    .update(alerts)
    .set({ resolvedAt: new Date() })
    .where(
      and(
        inArray(alerts.organizationId, ids),
        isNull(alerts.resolvedAt),
        sql`not exists (select 1 from jsonb_to_recordset(${JSON.stringify(held)}::jsonb) as held(o uuid, k text) where held.o = ${alerts.organizationId} and held.k = ${alerts.causeKey})`,
      ),
    )
    .returning({ id: alerts.id });

  const raised =
    holding.length === 0
      ? []
      : await tx
          .insert(alerts)
          .values(
            holding.map(({ organizationId, cause, names }) => ({
              organizationId,
              kind: cause.kind,
              causeKey: cause.key,
              tier: cause.tier,
              dueOn: cause.on,
              threshold: cause.threshold,
              personIds: [...cause.personIds],
              evidenceIds: [...cause.evidenceIds],
              details: { personNames: names, examCode: cause.examCode },
              raisedOn: today,
            })),
          )
          .onConflictDoNothing({ target: [alerts.organizationId, alerts.causeKey], where: isNull(alerts.resolvedAt) })
          .returning({ id: alerts.id, organizationId: alerts.organizationId, causeKey: alerts.causeKey });

  const causeOf = new Map(holding.map(({ organizationId, cause }) => [`${organizationId} ${cause.key}`, cause]));
  const inApp: (typeof notifications.$inferInsert)[] = [];
  const emails: (typeof alertEmails.$inferInsert)[] = [];
  for (const alert of raised) {
    const cause = causeOf.get(`${alert.organizationId} ${alert.causeKey}`);
    if (!cause) continue;
    for (const user of audienceOf(cause, recipients.get(alert.organizationId) ?? [])) {
      inApp.push({ userId: user.id, kind: "alert", alertId: alert.id });
      const mode = user.preferences?.[cause.kind] ?? "immediate";
      if (mode !== "never") emails.push({ alertId: alert.id, userId: user.id, mode });
    }
  }
  if (inApp.length > 0) await tx.insert(notifications).values(inApp);
  if (emails.length > 0) await tx.insert(alertEmails).values(emails).onConflictDoNothing();
  await tx
    .insert(organizationWatch)
    .values(states)
    .onConflictDoUpdate({
      target: organizationWatch.organizationId,
      set: {
        tier: sql`excluded.tier`,
        watchedOn: sql`excluded.watched_on`,
        revision: sql`excluded.revision`,
        watchedAt: sql`now()`,
      },
    });
  return { watched: states.length, raised: raised.length, resolved: resolved.length };
}

/** Every organization's id, in order: the watch's work, cut into batches. */
export async function organizationBatches(db: Executor, size = WATCH_BATCH_SIZE): Promise<string[][]> {
  const rows = await db.select({ id: organizations.id }).from(organizations).orderBy(asc(organizations.id));
  const batches: string[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size).map((row) => row.id));
  return batches;
}

/** The alerts that hold for an organization now, newest first, for its dashboard. */
export async function openAlerts(db: Executor, organizationId: string, limit = 20) {
  return db
    .select({
      id: alerts.id,
      kind: alerts.kind,
      tier: alerts.tier,
      dueOn: alerts.dueOn,
      threshold: alerts.threshold,
      details: alerts.details,
      raisedOn: alerts.raisedOn,
    })
    .from(alerts)
    .where(and(eq(alerts.organizationId, organizationId), isNull(alerts.resolvedAt)))
    .orderBy(sql`${alerts.dueOn} asc nulls last`, asc(alerts.raisedAt))
    .limit(limit);
}

/**
 * How many batches one process watches at a time: the database builds one batch's documents
 * while this process evaluates another.
 */
export const WATCH_CONCURRENCY = 2;

/** One whole watch in this process: every organization, a few batches at a time (`npm run watch -- --once`). */
export async function watchAll(db: Database, today: string): Promise<WatchOutcome> {
  const total: WatchOutcome = { watched: 0, raised: 0, resolved: 0 };
  const batches = await organizationBatches(db);
  const next = async (): Promise<void> => {
    const batch = batches.shift();
    if (!batch) return;
    const outcome = await watchOrganizations(db, batch, today);
    total.watched += outcome.watched;
    total.raised += outcome.raised;
    total.resolved += outcome.resolved;
    return next();
  };
  await Promise.all(Array.from({ length: WATCH_CONCURRENCY }, next));
  return total;
}
