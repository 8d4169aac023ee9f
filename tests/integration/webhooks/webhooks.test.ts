import "./private-receivers";
import "../auth/auth-secret";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  alerts,
  apiIdempotencyKeys,
  auditEvents,
  notifications,
  organizationWatch,
  users,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import { createApiToken } from "@/lib/data/api-tokens";
import { today } from "@/lib/clock";
import { watchOrganizations } from "@/lib/data/watch";
import { addDays } from "@/lib/rules";
import {
  createWebhookEndpoint,
  finishedDeliveryKeepDays,
  pauseAfterFailures,
  previousSecretHours,
  replayDelivery,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from "@/lib/data/webhooks";
import { decideSubmission } from "@/lib/data/decisions";
import { findActiveUser } from "@/lib/data/users";
import { queues, startJobs, type Jobs } from "@/lib/jobs/queue";
import { webhookUrlProblem } from "@/lib/webhooks/address";
import { demoWorld, type DemoWorld } from "../auth/support";
import { freshContosoSubmission, verifyEverythingLeft } from "../submissions/support";
import { describeOnEachDatabase } from "../support/database";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver that answers each request with the next status of `answers` (then 200), and keeps what it got. */
async function receiver(): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, answers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, seconds = 30): Promise<T> {
  for (let waited = 0; ; waited += 0.2) {
    const value = await read();
    if (done(value) || waited > seconds) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("refuses private, loopback and link-local addresses, and plain http, unless they are allowed", () => {
  for (const url of [
    "https://10.1.2.3/x",
    "https://127.0.0.1/x",
    "https://169.254.169.254/latest",
    "https://[::1]/x",
    "https://localhost/x",
    "https://192.168.0.10/",
  ]) {
    expect(webhookUrlProblem(url, false), url).toBe("private");
  }
  expect(webhookUrlProblem("http://hooks.example.com/x", false)).toBe("scheme");
  expect(webhookUrlProblem("https://user:secret@hooks.example.com/x", false)).toBe("credentials");
  expect(webhookUrlProblem("https://hooks.example.com/portal", false)).toBeNull();
  expect(webhookUrlProblem("http://127.0.0.1:8080/x", true)).toBeNull();
});

describeOnEachDatabase("webhooks", (database) => {
  let world: DemoWorld;
  let jobs: Jobs;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let endpoint: { id: string; secret: string };
  const contoso = () => ({ organizationId: world.contosoId, actorId: world.users.admin.id });

  beforeAll(async () => {
    world = await demoWorld(database());
    hooks = await receiver();
    endpoint = await createWebhookEndpoint(world.db, contoso(), {
      url: hooks.url,
      description: "ERP",
      events: ["submission.decided", "evidence.verdict"],
    });
    jobs = await startJobs(database(), { work: true, pollingIntervalSeconds: 0.5 });
  });

  afterAll(async () => {
    await jobs?.stop();
    await hooks?.close();
  });

  const deliveriesOf = (endpointId: string) =>
    world.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

  it("signs each delivery per Standard Webhooks, tries again after a failure, and sends nothing more after a success", async () => {
    hooks.answers.push(500);
    const deliveryId = await sendTestEvent(world.db, contoso(), endpoint.id);
    await jobs.boss.send(queues.webhookDispatch, {});
    const [delivery] = await until(
      () => world.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)),
      ([row]) => row.status === "succeeded",
    );
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200 });
    const attempts = await world.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId));
    expect(attempts.map((attempt) => attempt.statusCode).sort()).toEqual([200, 500]);
    expect(attempts.every((attempt) => attempt.durationMs >= 0)).toBe(true);

    const mine = hooks.received.filter((request) => request.headers["webhook-id"] === delivery.messageId);
    expect(mine).toHaveLength(2);
    const verifier = new Webhook(endpoint.secret);
    for (const request of mine) {
      const payload = verifier.verify(request.body, request.headers as Record<string, string>) as {
        type: string;
        data: { organizationId: string };
      };
      expect(payload).toMatchObject({ type: "webhook.test", data: { organizationId: world.contosoId } });
    }
    // A forged signature does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.from("another secret of 24 b!!").toString("base64")}`).verify(
        mine[1].body,
        mine[1].headers as Record<string, string>,
      ),
    ).toThrow();

    // Nothing more comes once it succeeded, whatever runs the dispatch again.
    await jobs.boss.send(queues.webhookDispatch, {});
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(hooks.received.filter((request) => request.headers["webhook-id"] === delivery.messageId)).toHaveLength(2);
  });

  it("tells a decision and its verdicts, written with the decision, and replays a delivery with the same message id", async () => {
    const before = hooks.received.length;
    const { id } = await freshContosoSubmission(world.db, world.contosoId, { claimed: true });
    const reviewer = await findActiveUser(world.db, world.users.reviewer.id);
    await verifyEverythingLeft(world.db, reviewer!, id);
    await decideSubmission(world.db, reviewer!, { id, decision: "approve", message: "Well documented." });
    await jobs.boss.send(queues.webhookDispatch, {});
    const types = await until(
      () => hooks.received.slice(before).map((request) => (JSON.parse(request.body) as { type: string }).type),
      (seen) => seen.includes("submission.decided") && seen.includes("evidence.verdict"),
    );
    expect(types).toContain("submission.decided");
    const decided = hooks.received
      .slice(before)
      .map((request) => ({ request, payload: JSON.parse(request.body) as { type: string; data: Record<string, unknown> } }))
      .find(({ payload }) => payload.type === "submission.decided")!;
    expect(decided.payload.data).toMatchObject({ submissionId: id, tier: "silver", status: "approved" });

    const delivered = (await deliveriesOf(endpoint.id)).find((row) => row.messageId === decided.request.headers["webhook-id"])!;
    await replayDelivery(world.db, contoso(), delivered.id);
    await jobs.boss.send(queues.webhookDispatch, {});
    const again = await until(
      () => hooks.received.filter((request) => request.headers["webhook-id"] === delivered.messageId),
      (found) => found.length === 2,
    );
    expect(again).toHaveLength(2);
    expect(again[1].body).toBe(again[0].body);
    const replays = (await deliveriesOf(endpoint.id)).filter((row) => row.replayOf === delivered.id);
    expect(replays).toHaveLength(1);
  });

  it("tells the watch's change of tier and the alerts it raises, to the endpoints that picked them", async () => {
    const watcher = await receiver();
    try {
      const watching = await createWebhookEndpoint(world.db, contoso(), {
        url: watcher.url,
        description: null,
        events: ["tier.changed", "alert.raised"],
      });
      // Last watched yesterday, at no tier and with no alert open: today's watch finds Gold and its risks.
      await world.db.delete(alerts).where(eq(alerts.organizationId, world.contosoId));
      await world.db
        .update(organizationWatch)
        .set({ tier: "none", watchedOn: addDays(today(), -1) })
        .where(eq(organizationWatch.organizationId, world.contosoId));
      const outcome = await watchOrganizations(world.db, [world.contosoId], today());
      expect(outcome.events).toBeGreaterThan(1);
      await jobs.boss.send(queues.webhookDispatch, {});
      const payloads = await until(
        () => watcher.received.map((request) => JSON.parse(request.body) as { type: string; data: Record<string, unknown> }),
        (found) => found.length === outcome.events,
      );
      expect(payloads.filter((payload) => payload.type === "tier.changed").map((payload) => payload.data)).toEqual([
        { organizationId: world.contosoId, from: "none", to: "gold", on: today() },
      ]);
      const raised = payloads.filter((payload) => payload.type === "alert.raised");
      expect(raised.length).toBe(outcome.raised);
      expect(raised.every((payload) => typeof payload.data.alertId === "string" && typeof payload.data.kind === "string")).toBe(true);
      // The decisions' endpoint picked neither.
      expect(
        (await deliveriesOf(endpoint.id)).filter((row) => row.eventType === "tier.changed" || row.eventType === "alert.raised"),
      ).toEqual([]);
      // A delivery is marked once its answer is read, just after the receiver has the request.
      const delivered = await until(
        () => deliveriesOf(watching.id),
        (rows) => rows.every((row) => row.status === "succeeded"),
      );
      expect(delivered).toHaveLength(outcome.events);
      expect(delivered.every((row) => row.status === "succeeded")).toBe(true);
    } finally {
      await watcher.close();
    }
  });

  it("changes an endpoint at the version it was read at, sends what is pending to its new URL, and audits the change", async () => {
    const moving = await createWebhookEndpoint(world.db, contoso(), {
      url: "https://hooks.example.com/old",
      description: null,
      events: ["tier.changed"],
    });
    const waiting = await sendTestEvent(world.db, contoso(), moving.id);
    await updateWebhookEndpoint(world.db, contoso(), {
      id: moving.id,
      version: 1,
      url: hooks.url,
      description: "moved",
      events: ["tier.changed", "alert.raised"],
    });
    const [row] = await world.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, moving.id));
    expect(row).toMatchObject({
      url: hooks.url,
      description: "moved",
      events: ["tier.changed", "alert.raised"],
      version: 2,
      secret: moving.secret,
    });

    // The page's version is now old: nothing changes.
    await expect(
      updateWebhookEndpoint(world.db, contoso(), {
        id: moving.id,
        version: 1,
        url: "https://hooks.example.com/again",
        description: null,
        events: ["tier.changed"],
      }),
    ).rejects.toThrow(/stale/);
    // Another organization's admin cannot reach it.
    await expect(
      updateWebhookEndpoint(
        world.db,
        { organizationId: world.fabrikamId, actorId: null },
        { id: moving.id, version: 2, url: "https://hooks.example.com/stolen", description: null, events: ["tier.changed"] },
      ),
    ).rejects.toThrow(/webhook endpoint/);
    expect((await world.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, moving.id)))[0].url).toBe(hooks.url);

    await jobs.boss.send(queues.webhookDispatch, {});
    const [sent] = await until(
      () => world.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, waiting)),
      ([delivery]) => delivery.status === "succeeded",
    );
    expect(hooks.received.some((request) => request.headers["webhook-id"] === sent.messageId)).toBe(true);
    const [audited] = await world.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, moving.id), eq(auditEvents.action, "webhook_endpoint.updated")));
    expect(audited).toMatchObject({ before: { url: "https://hooks.example.com/old" }, after: { url: hooks.url, description: "moved" } });
  });

  it("signs with the new secret and the old one for a day after a rotation, then with the new one alone", async () => {
    const rotating = await createWebhookEndpoint(world.db, contoso(), {
      url: hooks.url,
      description: "rotating",
      events: ["tier.changed"],
    });
    const { secret } = await rotateWebhookSecret(world.db, contoso(), rotating.id);
    expect(secret).not.toBe(rotating.secret);
    const [row] = await world.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, rotating.id));
    expect(row.previousSecretUntil!.getTime() - Date.now()).toBeGreaterThan((previousSecretHours - 1) * 3_600_000);

    const signedWith = async () => {
      const deliveryId = await sendTestEvent(world.db, contoso(), rotating.id);
      await jobs.boss.send(queues.webhookDispatch, {});
      const [delivery] = await until(
        () => world.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)),
        ([found]) => found.status === "succeeded",
      );
      const request = hooks.received.find((received) => received.headers["webhook-id"] === delivery.messageId)!;
      const verifies = (key: string) => {
        try {
          new Webhook(key).verify(request.body, request.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      };
      return {
        signatures: String(request.headers["webhook-signature"]).split(" ").length,
        old: verifies(rotating.secret),
        new: verifies(secret),
      };
    };
    // A receiver that still verifies with the old secret, and one that changed over, both accept it.
    expect(await signedWith()).toEqual({ signatures: 2, old: true, new: true });

    await world.db
      .update(webhookEndpoints)
      .set({ previousSecretUntil: new Date(Date.now() - 1_000) })
      .where(eq(webhookEndpoints.id, rotating.id));
    expect(await signedWith()).toEqual({ signatures: 1, old: false, new: true });

    const [audited] = await world.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, rotating.id), eq(auditEvents.action, "webhook_endpoint.secret_rotated")));
    expect(audited).toBeDefined();
  });

  it("pauses an endpoint that keeps failing, notifies its admins, and sends it nothing more", async () => {
    const failing = await receiver();
    try {
      const broken = await createWebhookEndpoint(world.db, contoso(), { url: failing.url, description: null, events: ["tier.changed"] });
      await world.db
        .update(webhookEndpoints)
        .set({ consecutiveFailures: pauseAfterFailures - 1 })
        .where(eq(webhookEndpoints.id, broken.id));
      failing.answers.push(503, 503, 503);
      await sendTestEvent(world.db, contoso(), broken.id);
      await jobs.boss.send(queues.webhookDispatch, {});
      const [paused] = await until(
        () => world.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, broken.id)),
        ([row]) => row.status === "paused",
      );
      expect(paused.status).toBe("paused");
      const [admin] = await world.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@contoso.example"));
      const notices = await world.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, admin.id), eq(notifications.webhookEndpointId, broken.id)));
      expect(notices.map((notice) => notice.kind)).toEqual(["webhook.paused"]);

      // The delivery's retry finds the endpoint paused: it is not sent.
      const [delivery] = await until(
        () => deliveriesOf(broken.id),
        ([row]) => row.status === "cancelled",
      );
      expect(delivery.status).toBe("cancelled");
      expect(failing.received).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });

  it("prunes, once a day, the deliveries finished over 30 days ago with their attempts, and the Idempotency-Keys over a day old", async () => {
    const kept = await createWebhookEndpoint(world.db, contoso(), { url: hooks.url, description: "kept", events: ["tier.changed"] });
    const ids = [
      await sendTestEvent(world.db, contoso(), kept.id),
      await sendTestEvent(world.db, contoso(), kept.id),
      await sendTestEvent(world.db, contoso(), kept.id),
    ];
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    // Marked queued, so that no dispatch sends them while the test looks.
    const set = (id: string, values: Partial<typeof webhookDeliveries.$inferInsert>) =>
      world.db
        .update(webhookDeliveries)
        .set({ queuedAt: new Date(), ...values })
        .where(eq(webhookDeliveries.id, id));
    await set(ids[0], { status: "succeeded", createdAt: daysAgo(32), finishedAt: daysAgo(finishedDeliveryKeepDays + 1) });
    await set(ids[1], { status: "failed", createdAt: daysAgo(31), finishedAt: daysAgo(finishedDeliveryKeepDays - 1) });
    await set(ids[2], { status: "retrying", createdAt: daysAgo(40) });
    await world.db.insert(webhookAttempts).values({ deliveryId: ids[0], attemptedAt: daysAgo(32), statusCode: 200, durationMs: 12 });

    const token = await createApiToken(world.db, world.users.admin.id, {
      organizationId: world.contosoId,
      name: "Nightly sync",
      scope: "read_write",
      expiresInDays: 90,
    });
    await world.db.insert(apiIdempotencyKeys).values([
      { tokenId: token.id, key: "yesterday", requestHash: "a", status: 201, body: {}, createdAt: daysAgo(1.05) },
      { tokenId: token.id, key: "this-morning", requestHash: "b", status: 201, body: {}, createdAt: daysAgo(0.2) },
    ]);

    await jobs.boss.send(queues.pruneIntegrations, {});
    const left = await until(
      () => deliveriesOf(kept.id),
      (rows) => rows.length < 3,
    );
    expect(left.map((row) => row.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect(await world.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, ids[0]))).toEqual([]);
    const keys = await world.db
      .select({ key: apiIdempotencyKeys.key })
      .from(apiIdempotencyKeys)
      .where(eq(apiIdempotencyKeys.tokenId, token.id));
    expect(keys).toEqual([{ key: "this-morning" }]);
  });
});
