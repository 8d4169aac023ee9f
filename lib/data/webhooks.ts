import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  notifications,
  users,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookEvent,
  type WebhookEventType,
} from "@/db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { rowsOf } from "./raw-rows";
import { ConflictError, NotFoundError } from "./errors";

export const webhookEndpointsPageSize = 25;
export const webhookDeliveriesPageSize = 25;
/** Failed attempts in a row after which an endpoint is paused: more than one delivery's whole day of retries. */
export const pauseAfterFailures = 15;
/** How long a rotated-out signing secret still signs deliveries, beside the new one, while receivers change over. */
export const previousSecretHours = 24;
/** How long a finished delivery (sent, given up or cancelled) stays in its endpoint's log. */
export const finishedDeliveryKeepDays = 30;

/** One event of an organization, as the change that caused it writes it. */
export interface WebhookEventRecord {
  organizationId: string;
  type: WebhookEvent;
  data: Record<string, unknown>;
}

/** The signing secret, in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

const payloadOf = (type: WebhookEventType, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

export async function createWebhookEndpoint(
  db: Executor,
  { organizationId, actorId }: Actor,
  input: { url: string; description: string | null; events: WebhookEvent[] },
): Promise<{ id: string; secret: string }> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ organizationId, url: input.url, description: input.description ?? "", events: input.events, secret, createdBy: actorId })
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      after: endpoint,
    });
    return { id: endpoint.id, secret };
  });
}

/**
 * Changes where an endpoint is, what it is called and the events it takes, at the version the
 * page showed. Deliveries not yet sent go to the new URL.
 */
export async function updateWebhookEndpoint(
  db: Executor,
  { organizationId, actorId }: Actor,
  input: { id: string; version: number; url: string; description: string | null; events: WebhookEvent[] },
) {
  await db.transaction(async (tx) => {
    const changed = { url: webhookEndpoints.url, description: webhookEndpoints.description, events: webhookEndpoints.events };
    const [before] = await tx
      .select({ ...changed, version: webhookEndpoints.version })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.organizationId, organizationId)))
      .for("update");
    if (!before) throw new NotFoundError("webhook endpoint");
    if (before.version !== input.version) throw new ConflictError("stale webhook endpoint", { messageKey: "errors.stale" });
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description ?? "",
        events: input.events,
        version: sql`${webhookEndpoints.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.organizationId, organizationId)))
      .returning(changed);
    const { version: _version, ...previous } = before;
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "webhook_endpoint.updated",
      entityType: "webhook_endpoint",
      entityId: input.id,
      before: previous,
      after,
    });
  });
}

/**
 * Gives an endpoint a new signing secret, answered this once. For `previousSecretHours` the
 * old one signs each delivery too (Standard Webhooks lists both signatures), so that a
 * receiver verifying with either keeps accepting them while it changes over.
 */
export async function rotateWebhookSecret(db: Executor, { organizationId, actorId }: Actor, id: string): Promise<{ secret: string }> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecret: sql`${webhookEndpoints.secret}`,
        previousSecretUntil: new Date(Date.now() + previousSecretHours * 60 * 60 * 1000),
        secret,
        version: sql`${webhookEndpoints.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, previousSecretUntil: webhookEndpoints.previousSecretUntil });
    if (!row) throw new NotFoundError("webhook endpoint");
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "webhook_endpoint.secret_rotated",
      entityType: "webhook_endpoint",
      entityId: id,
      after: { url: row.url, previousSecretUntil: row.previousSecretUntil },
    });
    return { secret };
  });
}

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  status: webhookEndpoints.status,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  pausedAt: webhookEndpoints.pausedAt,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
  createdAt: webhookEndpoints.createdAt,
  version: webhookEndpoints.version,
};

export async function listWebhookEndpoints(db: Executor, organizationId: string, page = 1) {
  const rows = await db
    .select({ ...endpointColumns, total: sql<number>`count(*) over ()::int` })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(webhookEndpointsPageSize)
    .offset((page - 1) * webhookEndpointsPageSize);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** One endpoint of the organization; another organization's is "not found". */
export async function getWebhookEndpoint(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)));
  if (!row) throw new NotFoundError("webhook endpoint");
  return row;
}

/** A page of an endpoint's deliveries, the newest first, each with its last attempt. */
export async function listWebhookDeliveries(db: Executor, organizationId: string, endpointId: string, page = 1) {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      messageId: webhookDeliveries.messageId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      lastError: webhookDeliveries.lastError,
      replayOf: webhookDeliveries.replayOf,
      createdAt: webhookDeliveries.createdAt,
      finishedAt: webhookDeliveries.finishedAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.organizationId, organizationId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(webhookDeliveriesPageSize)
    .offset((page - 1) * webhookDeliveriesPageSize);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Pauses or resumes an endpoint; resuming starts its count of failures again. */
export async function setWebhookEndpointStatus(
  db: Executor,
  { organizationId, actorId }: Actor,
  { id, status }: { id: string; status: "active" | "paused" },
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        status,
        pausedAt: status === "paused" ? sql`coalesce(${webhookEndpoints.pausedAt}, now())` : null,
        consecutiveFailures: status === "active" ? 0 : sql`${webhookEndpoints.consecutiveFailures}`,
        version: sql`${webhookEndpoints.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, status: webhookEndpoints.status });
    if (!row) throw new NotFoundError("webhook endpoint");
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: status === "paused" ? "webhook_endpoint.paused" : "webhook_endpoint.resumed",
      entityType: "webhook_endpoint",
      entityId: id,
      after: row,
    });
  });
}

export async function deleteWebhookEndpoint(db: Executor, { organizationId, actorId }: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events });
    if (!row) throw new NotFoundError("webhook endpoint");
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: id,
      before: row,
    });
  });
}

/**
 * Writes each event's delivery to every active endpoint of its organization that picked it, in
 * one statement, in the caller's transaction: the events exist exactly when the change does.
 * Answers how many deliveries it wrote.
 */
export async function enqueueWebhookEvents(tx: Executor, events: readonly WebhookEventRecord[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((event) => ({
    organization_id: event.organizationId,
    type: event.type,
    message_id: `msg_${randomUUID()}`,
    payload: payloadOf(event.type, { organizationId: event.organizationId, ...event.data }),
  }));
  const [row] = await rowsOf<{ written: number }>(
    tx,
    sql`
    with written as (
      insert into webhook_deliveries (endpoint_id, organization_id, event_type, message_id, payload)
      select endpoint.id, event.organization_id, event.type, event.message_id, event.payload
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as event(organization_id uuid, type text, message_id text, payload jsonb)
      join webhook_endpoints as endpoint
        on endpoint.organization_id = event.organization_id and endpoint.status = 'active' and event.type = any(endpoint.events)
      returning 1
    )
    select count(*)::int as written from written
  `,
  );
  return row.written;
}

/** A test event to one endpoint, whatever it picked: what an admin sends to check it receives. */
export async function sendTestEvent(db: Executor, { organizationId, actorId }: Actor, endpointId: string): Promise<string> {
  const endpoint = await getWebhookEndpoint(db, organizationId, endpointId);
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId: endpoint.id,
      organizationId,
      eventType: "webhook.test",
      messageId: `msg_${randomUUID()}`,
      payload: payloadOf("webhook.test", { organizationId, endpointId: endpoint.id, sentBy: actorId }),
    })
    .returning({ id: webhookDeliveries.id });
  return delivery.id;
}

/** Sends a delivery's message again, as a new delivery with the same `webhook-id`, audited. */
export async function replayDelivery(
  db: Executor,
  { organizationId, actorId }: Actor,
  deliveryId: string,
): Promise<{ id: string; endpointId: string }> {
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.organizationId, organizationId)));
    if (!original) throw new NotFoundError("webhook delivery");
    const [replay] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: original.endpointId,
        organizationId,
        eventType: original.eventType,
        messageId: original.messageId,
        payload: original.payload,
        replayOf: original.id,
      })
      .returning({ id: webhookDeliveries.id });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "webhook_delivery.replayed",
      entityType: "webhook_endpoint",
      entityId: original.endpointId,
      after: { deliveryId: replay.id, replayOf: original.id, eventType: original.eventType },
    });
    return { id: replay.id, endpointId: original.endpointId };
  });
}

/** Marks up to `limit` deliveries that have no job yet as queued and answers them, for the queue to send. */
export async function claimUnqueuedDeliveries(db: Executor, limit = 500): Promise<string[]> {
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(isNull(webhookDeliveries.queuedAt))
      .orderBy(asc(webhookDeliveries.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (waiting.length === 0) return [];
    const ids = waiting.map((row) => row.id);
    await tx.update(webhookDeliveries).set({ queuedAt: new Date() }).where(inArray(webhookDeliveries.id, ids));
    return ids;
  });
}

/** Deliveries claimed for jobs that could not be asked for: the next dispatch takes them again. */
export async function releaseDeliveries(db: Executor, ids: readonly string[]): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ queuedAt: null })
    .where(inArray(webhookDeliveries.id, [...ids]));
}

export interface DeliveryTarget {
  delivery: { id: string; messageId: string; payload: unknown; status: string };
  /** `previousSecret` while a rotated-out secret still signs, else null. */
  endpoint: { id: string; organizationId: string; url: string; secret: string; previousSecret: string | null; status: string };
}

/** The delivery and its endpoint, for the sender; null when either is gone. */
export async function deliveryTarget(db: Executor, deliveryId: string): Promise<DeliveryTarget | null> {
  const [row] = await db
    .select({
      delivery: {
        id: webhookDeliveries.id,
        messageId: webhookDeliveries.messageId,
        payload: webhookDeliveries.payload,
        status: webhookDeliveries.status,
      },
      endpoint: {
        id: webhookEndpoints.id,
        organizationId: webhookEndpoints.organizationId,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        previousSecret: sql<
          string | null
        >`case when ${webhookEndpoints.previousSecretUntil} > now() then ${webhookEndpoints.previousSecret} end`,
        status: webhookEndpoints.status,
      },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row ?? null;
}

export interface AttemptOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * Records one attempt and its effect, in one transaction: a success finishes the delivery
 * and clears the endpoint's failures; a failure counts against the endpoint (paused, and its
 * admins notified, at `pauseAfterFailures` in a row) and finishes the delivery as failed when
 * it was the last try. Answers whether the delivery succeeded.
 */
export async function recordAttempt(db: Executor, target: DeliveryTarget, outcome: AttemptOutcome, last: boolean): Promise<boolean> {
  const succeeded = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: target.delivery.id, ...outcome });
    await tx
      .update(webhookDeliveries)
      .set({
        status: succeeded ? "succeeded" : last ? "failed" : "retrying",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: outcome.statusCode,
        lastDurationMs: outcome.durationMs,
        lastError: outcome.error,
        ...((succeeded || last) && { finishedAt: new Date() }),
      })
      .where(eq(webhookDeliveries.id, target.delivery.id));
    if (succeeded) {
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, target.endpoint.id));
      return;
    }
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, target.endpoint.id))
      .returning({ failures: webhookEndpoints.consecutiveFailures, status: webhookEndpoints.status });
    if (endpoint.status === "active" && endpoint.failures >= pauseAfterFailures) await pauseFailing(tx, target.endpoint);
  });
  return succeeded;
}

async function pauseFailing(tx: Executor, endpoint: DeliveryTarget["endpoint"]) {
  await tx
    .update(webhookEndpoints)
    .set({ status: "paused", pausedAt: new Date(), version: sql`${webhookEndpoints.version} + 1` })
    .where(eq(webhookEndpoints.id, endpoint.id));
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, endpoint.organizationId), eq(users.role, "partner_admin"), eq(users.disabled, false)));
  if (admins.length > 0) {
    await tx.insert(notifications).values(
      admins.map((admin) => ({
        userId: admin.id,
        kind: "webhook.paused" as const,
        webhookEndpointId: endpoint.id,
        detail: { url: endpoint.url, failures: pauseAfterFailures },
      })),
    );
  }
  await recordAudit(tx, {
    organizationId: endpoint.organizationId,
    actorUserId: null,
    action: "webhook_endpoint.paused",
    entityType: "webhook_endpoint",
    entityId: endpoint.id,
    after: { url: endpoint.url, status: "paused", failures: pauseAfterFailures },
  });
}

/** A delivery whose endpoint was paused or deleted before it went: it is not sent. */
export async function cancelDelivery(db: Executor, deliveryId: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "cancelled", finishedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["pending", "retrying"])));
}

/**
 * Deletes the deliveries that finished more than `finishedDeliveryKeepDays` before `now`, with
 * their attempts: an endpoint's log holds what is under way and the recent past. A replay of
 * a deleted delivery stays, no longer linked to it.
 */
export async function pruneFinishedDeliveries(db: Executor, now: Date = new Date()): Promise<{ deleted: number }> {
  const keptSince = new Date(now.getTime() - finishedDeliveryKeepDays * 24 * 60 * 60 * 1000);
  const deleted = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ["succeeded", "failed", "cancelled"]), lt(webhookDeliveries.finishedAt, keptSince)))
    .returning({ id: webhookDeliveries.id });
  return { deleted: deleted.length };
}
