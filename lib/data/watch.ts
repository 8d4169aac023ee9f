import { setImmediate } from "node:timers/promises";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { type AlertDeliveryMode, alerts, organizations } from "@/db/schema";
import {
  type AlertCause,
  type AlertKind,
  evaluate,
  type EvaluationInput,
  forecastAcross,
  type ProgramDefinition,
  type VersionedProgram,
  watchAlerts,
} from "@/lib/rules";
import { evidenceLinesOf, ORGANIZATIONS_BETWEEN_TURNS, peopleOf, revenueOf } from "./evidence";
import { definitionOn, publishedProgram } from "./program";
import { rowsOf } from "./raw-rows";
import { enqueueWebhookEvents, type WebhookEventRecord } from "./webhooks";

/**
 * How many organizations one watch job evaluates and writes in one transaction. A batch costs
 * about ten statements whatever its size: in batches of a hundred, the watch of 2,000
 * organizations took a tenth longer.
 */
export const WATCH_BATCH_SIZE = 200;

interface RaisedAlert {
  organizationId: string;
  alertId: string;
  kind: string;
  tier: string;
  dueOn: string | null;
}

export interface WatchOutcome {
  /** Organizations evaluated (those already watched today at their current evidence are skipped). */
  watched: number;
  raised: number;
  resolved: number;
  /** Webhook deliveries written (a tier changed, an alert raised), for the queue to send. */
  events: number;
}

/** A user who hears of an organization's alerts, with their delivery choice per kind of alert. */
interface Recipient {
  id: string;
  role: string;
  personId: string | null;
  preferences: Partial<Record<AlertKind, AlertDeliveryMode>> | null;
}

/** One organization due for a watch, with everything the watch reads about it. */
interface DueRow {
  id: string;
  market: string;
  revision: number;
  previous_tier: string | null;
  /** Its people by name, one per line, as `evidenceLinesOf` gives them. */
  people: string | null;
  /** Its revenue lines by date, as `evidenceLinesOf` gives them. */
  revenue: string | null;
  awards: [string, string, string][] | null;
  open: [string, string, string, string | null][] | null;
  recipients: [string, string, string | null, Recipient["preferences"]][] | null;
}

/**
 * The organizations among `organizationIds` not yet watched on `today` at their current
 * evidence, each with its evidence, awards, open alerts and recipients, in one statement.
 *
 * People and passes are the bulk of it: they come as `evidenceLinesOf` reads them, without the
 * passes' ids (the watch resolves those of the few passes an alert cites) and without names (an
 * alert's names are read when it is stored).
 */
async function loadDue(db: Executor, organizationIds: readonly string[], today: string): Promise<DueRow[]> {
  return rowsOf<DueRow>(
    db,
    sql`
      with due as (
        select organizations.id, organizations.market, organizations.evidence_revision as revision, watch.tier as previous_tier
        from organizations
        left join organization_watch as watch on watch.organization_id = organizations.id
        where organizations.id in (select batch.id::uuid from jsonb_array_elements_text(${JSON.stringify(organizationIds)}::jsonb) as batch(id))
          and (watch.organization_id is null or watch.watched_on <> ${today} or watch.revision <> organizations.evidence_revision)
      ),
      recipients as (
        select member.organization_id, json_agg(json_build_array(member.id, member.role, member.person_id,
            (select json_object_agg(preference.kind, preference.mode) from alert_preferences as preference where preference.user_id = member.id))) as recipients
        from users as member
        where member.organization_id = any(array(select id from due)) and not member.disabled
        group by member.organization_id
      )
      select due.id, due.market, due.revision, due.previous_tier, lines.people, lines.revenue, recipients.recipients,
        (select json_agg(json_build_array(award.tier, award.awarded_on, award.anniversary_on))
          from awards as award where award.organization_id = due.id) as awards,
        (select json_agg(json_build_array(alert.id, alert.cause_key, alert.kind, alert.tier))
          from alerts as alert where alert.organization_id = due.id and alert.resolved_at is null) as open
      from due
      cross join lateral ${evidenceLinesOf(sql`due.id`)} as lines
      left join recipients on recipients.organization_id = due.id
    `,
  );
}

function inputOf(row: DueRow, asOf: string): EvaluationInput {
  return { competency: "cloud-crm", asOf, market: row.market, people: peopleOf(row.people), revenue: revenueOf(row.revenue) };
}

function audienceOf(cause: AlertCause, recipients: readonly Recipient[]): Recipient[] {
  return recipients.filter(
    (user) =>
      user.role === "partner_admin" ||
      (cause.kind === "exam-expiring" && user.personId !== null && cause.personIds.includes(user.personId)),
  );
}

/** A pass the rules know as `personId#index` (`examPassId`), by its natural key. */
interface PassReference {
  ref: string;
  person: string;
  code: string;
  day: string;
}

/** The passes a cause cites by `personId#index`, read from the input it was found in. */
function citedPasses(cause: AlertCause, input: EvaluationInput): PassReference[] {
  const cited: PassReference[] = [];
  for (const ref of cause.evidenceIds) {
    const hash = ref.lastIndexOf("#");
    if (hash < 0) continue;
    const person = input.people.find((candidate) => candidate.id === ref.slice(0, hash));
    const pass = person?.exams[Number(ref.slice(hash + 1))];
    if (person && pass) cited.push({ ref, person: person.id, code: pass.code, day: pass.passedOn });
  }
  return cited;
}

/**
 * Gives the passes that causes cite by `personId#index` their database ids, in the causes'
 * keys and evidence, so that a cause is named as it was when passes came with their ids.
 */
async function withPassIds(db: Executor, causes: { cause: AlertCause; cited: PassReference[] }[]): Promise<AlertCause[]> {
  const references = new Map<string, PassReference>();
  for (const { cited } of causes) for (const reference of cited) references.set(reference.ref, reference);
  if (references.size === 0) return causes.map(({ cause }) => cause);
  const found = await rowsOf<{ ref: string; id: string }>(
    db,
    sql`select reference.ref, passes.id from jsonb_to_recordset(${JSON.stringify([...references.values()])}::jsonb) as reference(ref text, person uuid, code text, day date)
        join exam_passes as passes on passes.person_id = reference.person and passes.exam_code = reference.code and passes.passed_on = reference.day`,
  );
  const idOf = new Map(found.map((row) => [row.ref, row.id]));
  return causes.map(({ cause }) => {
    if (!cause.evidenceIds.some((ref) => idOf.has(ref))) return cause;
    let key = cause.key;
    for (const ref of cause.evidenceIds) {
      const id = idOf.get(ref);
      if (id) key = key.replace(ref, id);
    }
    return { ...cause, key, evidenceIds: cause.evidenceIds.map((ref) => idOf.get(ref) ?? ref) };
  });
}

/**
 * Watches the organizations on `today`: evaluates each, forecasts it a year ahead, raises the
 * alerts that now hold and resolves those that no longer do. Each organization is locked for
 * the transaction, so two workers given the same organization watch it once: the second finds
 * it already watched today at its current evidence and skips it.
 */
export async function watchOrganizations(db: Database, organizationIds: readonly string[], today: string): Promise<WatchOutcome> {
  if (organizationIds.length === 0) return { watched: 0, raised: 0, resolved: 0, events: 0 };
  const sorted = [...new Set(organizationIds)].sort();
  return db.transaction(async (tx) => {
    // Planned as large, these short queries would be compiled by PostgreSQL's JIT first, which
    // costs more than it saves; dates are read as text in ISO form. Both settings end with the
    // transaction. Advisory locks are taken in one order: concurrent watchers of overlapping
    // batches wait, never deadlock. The three statements are sent at once and run in order, each
    // on its own snapshot: the organizations are read once their locks are held.
    const [, due, { program }] = await Promise.all([
      tx.execute(
        sql`select set_config('jit', 'off', true), set_config('datestyle', 'ISO, YMD', true),
          (select count(pg_advisory_xact_lock(hashtextextended(batch.id, 7))) from jsonb_array_elements_text(${JSON.stringify(sorted)}::jsonb) as batch(id))`,
      ),
      loadDue(tx, sorted, today),
      publishedProgram(tx),
    ]);
    if (due.length === 0) return { watched: 0, raised: 0, resolved: 0, events: 0 };
    return watchDue(tx, due, program, today);
  });
}

/** What the watch found in a batch: the causes that hold, the alerts open before, each organization's tier. */
interface BatchFindings {
  /** With the passes each cause cites, so that an organization's evidence is dropped once it is evaluated. */
  found: { cause: AlertCause; cited: PassReference[]; organizationId: string; audience: Recipient[] }[];
  openIds: { organizationId: string; key: string; id: string }[];
  states: { organization_id: string; tier: string; revision: number }[];
  events: WebhookEventRecord[];
}

/**
 * Evaluates and forecasts each organization of a batch. It lets the event loop turn every few
 * organizations, so that the statements of the batches watched alongside go on meanwhile.
 */
async function evaluateBatch(
  due: readonly DueRow[],
  program: VersionedProgram,
  definition: ProgramDefinition,
  today: string,
): Promise<BatchFindings> {
  const found: BatchFindings["found"] = [];
  const openIds: BatchFindings["openIds"] = [];
  const states: BatchFindings["states"] = [];
  const events: WebhookEventRecord[] = [];
  for (const [index, organization] of due.entries()) {
    if (index > 0 && index % ORGANIZATIONS_BETWEEN_TURNS === 0) await setImmediate();
    const input = inputOf(organization, today);
    const evaluation = evaluate(input, definition);
    const open = (organization.open ?? []).map(([id, key, kind, tier]) => ({ id, key, kind: kind as AlertKind, tier }));
    const causes = watchAlerts(
      {
        input,
        evaluation,
        forecast: forecastAcross(input, program),
        awards: (organization.awards ?? []).map(([tier, awardedOn, anniversaryOn]) => ({ tier, awardedOn, anniversaryOn })),
        previousTier: organization.previous_tier,
        open,
      },
      definition,
    );
    const recipients = (organization.recipients ?? []).map(([id, role, personId, preferences]) => ({ id, role, personId, preferences }));
    for (const cause of causes) {
      found.push({ cause, cited: citedPasses(cause, input), organizationId: organization.id, audience: audienceOf(cause, recipients) });
    }
    for (const alert of open) openIds.push({ organizationId: organization.id, key: alert.key, id: alert.id });
    states.push({ organization_id: organization.id, tier: evaluation.tier, revision: Number(organization.revision) });
    if (organization.previous_tier !== null && organization.previous_tier !== evaluation.tier) {
      events.push({
        organizationId: organization.id,
        type: "tier.changed",
        data: { from: organization.previous_tier, to: evaluation.tier, on: today },
      });
    }
  }
  return { found, openIds, states, events };
}

/**
 * Runs one batch's evaluation at a time in this process. Evaluating is what the process spends
 * its time on: two batches evaluated together would finish together, and then both wait on
 * the database at once, where one after the other each batch's statements run while the next
 * batch is evaluated.
 */
let evaluating: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = evaluating.then(work);
  evaluating = turn.catch(() => undefined);
  return turn;
}

async function watchDue(tx: Executor, due: readonly DueRow[], program: VersionedProgram, today: string): Promise<WatchOutcome> {
  const definition = definitionOn(program, today);

  const { found, openIds, states, events } = await oneAtATime(() => evaluateBatch(due, program, definition, today));
  const named = await withPassIds(tx, found);
  const holding = found.map(({ organizationId, audience }, index) => {
    const { key, kind, tier, on, threshold, personIds, evidenceIds, examCode } = named[index];
    return {
      organization_id: organizationId,
      cause_key: key,
      kind,
      tier,
      due_on: on,
      threshold,
      person_ids: personIds,
      evidence_ids: evidenceIds,
      exam_code: examCode,
      audience: audience.map((user) => ({ user_id: user.id, mode: user.preferences?.[kind] ?? "immediate" })),
    };
  });
  // Only the watch writes alerts, under the organizations' locks: the open alerts read above are
  // all there are, and those whose cause no longer holds are resolved.
  const holds = new Set(holding.map((alert) => `${alert.organization_id} ${alert.cause_key}`));
  const resolvedIds = openIds.filter((alert) => !holds.has(`${alert.organizationId} ${alert.key}`)).map((alert) => alert.id);

  // One statement writes it all: resolved alerts, new ones (an alert already open for its cause
  // is left as it is), their notifications and emails to each audience, and the watch's record.
  // The people an alert names are read here, for the few alerts raised, rather than for everyone.
  const [outcome] = await rowsOf<{ raised: number; resolved: number; alerts: RaisedAlert[] }>(
    tx,
    sql`
      with resolved as (
        update alerts set resolved_at = now()
        where id in (select resolved.id::uuid from jsonb_array_elements_text(${JSON.stringify(resolvedIds)}::jsonb) as resolved(id))
        returning id
      ),
      holding as (
        select * from jsonb_to_recordset(${JSON.stringify(holding)}::jsonb) as holding(organization_id uuid, cause_key text, kind text,
          tier text, due_on date, threshold integer, person_ids jsonb, evidence_ids jsonb, exam_code text, audience jsonb)
      ),
      raised as (
        insert into alerts (organization_id, kind, cause_key, tier, due_on, threshold, person_ids, evidence_ids, details, raised_on)
        select organization_id, kind, cause_key, tier, due_on, threshold, person_ids, evidence_ids,
          jsonb_build_object(
            'personNames',
            (select coalesce(jsonb_agg(coalesce(person.name, named.id) order by named.position), '[]'::jsonb)
              from jsonb_array_elements_text(holding.person_ids) with ordinality as named(id, position)
              left join people as person on person.id = named.id::uuid),
            'examCode', exam_code),
          ${today}::date
        from holding
        on conflict (organization_id, cause_key) where resolved_at is null do nothing
        returning id, organization_id, cause_key
      ),
      audience as (
        select raised.id as alert_id, member.user_id, member.mode
        from raised
        join holding using (organization_id, cause_key)
        cross join jsonb_to_recordset(holding.audience) as member(user_id uuid, mode text)
      ),
      in_app as (
        insert into notifications (user_id, kind, alert_id) select user_id, 'alert', alert_id from audience
      ),
      emails as (
        insert into alert_emails (alert_id, user_id, mode) select alert_id, user_id, mode from audience where mode <> 'never'
        on conflict do nothing
      ),
      watched as (
        insert into organization_watch (organization_id, tier, watched_on, revision)
        select organization_id, tier, ${today}::date, revision
        from jsonb_to_recordset(${JSON.stringify(states)}::jsonb) as state(organization_id uuid, tier text, revision bigint)
        on conflict (organization_id) do update
          set tier = excluded.tier, watched_on = excluded.watched_on, revision = excluded.revision, watched_at = now()
      )
      select (select count(*) from raised)::integer as raised, (select count(*) from resolved)::integer as resolved,
        (select coalesce(jsonb_agg(jsonb_build_object('organizationId', raised.organization_id, 'alertId', raised.id,
            'kind', holding.kind, 'tier', holding.tier, 'dueOn', holding.due_on)), '[]'::jsonb)
          from raised join holding using (organization_id, cause_key)) as alerts
    `,
  );
  for (const { organizationId, ...alert } of outcome.alerts) events.push({ organizationId, type: "alert.raised", data: alert });
  const deliveries = await enqueueWebhookEvents(tx, events);
  return { watched: states.length, raised: outcome.raised, resolved: outcome.resolved, events: deliveries };
}

/**
 * Every organization's id, in order: the watch's work, cut into batches of `size`. The first
 * batches are smaller (an eighth, a quarter, a half): nothing is evaluated until a batch is
 * read, and a small one is read sooner.
 */
export async function organizationBatches(db: Executor, size = WATCH_BATCH_SIZE): Promise<string[][]> {
  const rows = await db.select({ id: organizations.id }).from(organizations).orderBy(asc(organizations.id));
  const batches: string[][] = [];
  let length = Math.max(1, Math.floor(size / 8));
  for (let start = 0; start < rows.length; start += length, length = Math.min(size, length * 2)) {
    batches.push(rows.slice(start, start + length).map((row) => row.id));
  }
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
 * How many batches one process watches at a time. One is evaluated (`oneAtATime`) while the
 * others are written, committed and read: with two, the next batch was often not read yet when
 * the evaluation of the last one ended.
 */
export const WATCH_CONCURRENCY = 3;

/** One whole watch in this process: every organization, a few batches at a time (`npm run watch -- --once`). */
export async function watchAll(db: Database, today: string): Promise<WatchOutcome> {
  const total: WatchOutcome = { watched: 0, raised: 0, resolved: 0, events: 0 };
  const batches = await organizationBatches(db);
  const next = async (): Promise<void> => {
    const batch = batches.shift();
    if (!batch) return;
    const outcome = await watchOrganizations(db, batch, today);
    total.watched += outcome.watched;
    total.raised += outcome.raised;
    total.resolved += outcome.resolved;
    total.events += outcome.events;
    return next();
  };
  await Promise.all(Array.from({ length: WATCH_CONCURRENCY }, next));
  return total;
}
