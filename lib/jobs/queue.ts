import PgBoss from "pg-boss";
import type { DatabaseConnection } from "@/db/client";
import { today } from "@/lib/clock";
import { sendAlertDigests, sendAlertEmails } from "@/lib/data/alert-emails";
import { runImpact } from "@/lib/data/program-impact";
import { pruneEndedSessions } from "@/lib/data/sessions";
import { organizationBatches, watchOrganizations } from "@/lib/data/watch";
import { config } from "@/lib/config";
import { pruneIdempotencyKeys } from "@/lib/data/api-tokens";
import { claimUnqueuedDeliveries, pruneFinishedDeliveries, releaseDeliveries } from "@/lib/data/webhooks";
import { mailer } from "@/lib/mail/mailer";
import { deliverWebhook } from "@/lib/webhooks/send";

/**
 * The portal's background work, on pg-boss: queues kept in the portal's own database (its
 * `pgboss` schema), on PostgreSQL and on the embedded PGlite alike. pg-boss hands each job
 * to one worker, so any number of instances share the work; its cron schedules fire once
 * across them.
 */
export const queues = {
  /** Every day: cuts the organizations into batches, one job each. */
  watchRun: "watch-run",
  /** One batch of organizations watched in one transaction. */
  watchBatch: "watch-batch",
  /** One organization, after a change of its evidence. */
  watchOrganization: "watch-organization",
  /** The alert emails owed at once. */
  alertEmails: "alert-emails",
  /** Each Monday, the weekly digests. */
  alertDigest: "alert-digest",
  /** Every day, ended sign-in sessions past their keeping time. */
  pruneSessions: "prune-sessions",
  /** Every day, finished webhook deliveries and Idempotency-Keys past their keeping time. */
  pruneIntegrations: "prune-integrations",
  /** One computation of a program draft's impact on every organization. */
  programImpact: "program-impact",
  /** Turns the webhook deliveries the changes wrote into delivery jobs. */
  webhookDispatch: "webhook-dispatch",
  /** One webhook delivery, retried with growing delays for about a day. */
  webhookDelivery: "webhook-delivery",
} as const;

/** A failed delivery is tried again 12 times, each wait about twice the one before: about a day in all. */
const webhookRetries = 12;

/** UTC, the program's reference time: the watch runs at 05:00, the digest on Mondays at 07:00. */
const schedules: [string, string][] = [
  [queues.watchRun, "0 5 * * *"],
  [queues.alertEmails, "*/10 * * * *"],
  [queues.alertDigest, "0 7 * * 1"],
  [queues.pruneSessions, "30 4 * * *"],
  [queues.pruneIntegrations, "40 4 * * *"],
  // Deliveries a change wrote while no job could be asked for (a script, a crash) still go.
  [queues.webhookDispatch, "* * * * *"],
];

interface WatchBatchJob {
  organizationIds: string[];
  on: string;
}

interface WatchOrganizationJob {
  organizationId: string;
}

interface ProgramImpactJob {
  runId: string;
}

interface WebhookDeliveryJob {
  deliveryId: string;
}

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** Run the handlers and schedules here (a worker); false only sends jobs (a web server with PORTAL_WORKER=off). */
  work: boolean;
  /** How often an idle worker asks for jobs; pg-boss's default is 2 seconds. */
  pollingIntervalSeconds?: number;
}

/**
 * pg-boss on the portal's database: its own small pool on PostgreSQL (it runs transactions
 * of several statements), and the portal's own client on the embedded PGlite, which allows
 * only one.
 */
function bossOn(connection: DatabaseConnection, work: boolean): PgBoss {
  const database = connection.url
    ? { connectionString: connection.url, max: 4 }
    : { db: { executeSql: (text: string, values: unknown[]) => connection.execute(text, values) } };
  return new PgBoss({ ...database, schedule: work, supervise: work });
}

/** PostgreSQL's code for a deadlock: one of two transactions is chosen to fail and may be tried again. */
const DEADLOCK = "40P01";

/**
 * Creates a queue if it does not exist. Instances starting together on one database can
 * deadlock in pg-boss's create_queue (each creates the queue's partition); creating is
 * idempotent, so the one chosen to fail tries again.
 */
async function createQueue(boss: PgBoss, queue: PgBoss.Queue, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Starts the queue on `connection`, creating its queues, and with `work` its handlers and schedules. */
export async function startJobs(connection: DatabaseConnection, options: JobOptions): Promise<Jobs> {
  const boss = bossOn(connection, options.work);
  boss.on("error", (error) => console.error("job queue:", error));
  await boss.start();
  const definitions: PgBoss.Queue[] = [
    { name: queues.watchRun, policy: "singleton" },
    { name: queues.watchBatch, retryLimit: 5, retryBackoff: true },
    // One queued job per organization: changes made while it waits are watched by that same job.
    { name: queues.watchOrganization, policy: "short", retryLimit: 5 },
    { name: queues.alertEmails, policy: "short" },
    { name: queues.alertDigest, policy: "singleton" },
    { name: queues.pruneSessions, policy: "singleton" },
    { name: queues.pruneIntegrations, policy: "singleton" },
    { name: queues.programImpact, retryLimit: 2 },
    { name: queues.webhookDispatch, policy: "short" },
    {
      name: queues.webhookDelivery,
      retryLimit: webhookRetries,
      retryDelay: config().webhookRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 60,
    },
  ];
  for (const queue of definitions) await createQueue(boss, queue);

  if (options.work) {
    const { db } = connection;
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    const sendEmailsSoon = () => boss.send(queues.alertEmails, {});
    const dispatchWebhooksSoon = () => boss.send(queues.webhookDispatch, {});

    await boss.work(queues.watchRun, polling, async () => {
      const on = today();
      const batches = await organizationBatches(db);
      if (batches.length > 0) {
        await boss.insert(
          batches.map((organizationIds) => ({ name: queues.watchBatch, data: { organizationIds, on } satisfies WatchBatchJob })),
        );
      }
    });
    await boss.work<WatchBatchJob>(queues.watchBatch, polling, async ([job]) => {
      const outcome = await watchOrganizations(db, job.data.organizationIds, job.data.on);
      if (outcome.raised > 0) await sendEmailsSoon();
      if (outcome.events > 0) await dispatchWebhooksSoon();
      return outcome;
    });
    await boss.work<WatchOrganizationJob>(queues.watchOrganization, polling, async ([job]) => {
      const outcome = await watchOrganizations(db, [job.data.organizationId], today());
      if (outcome.raised > 0) await sendEmailsSoon();
      if (outcome.events > 0) await dispatchWebhooksSoon();
      return outcome;
    });
    await boss.work(queues.alertEmails, polling, () => sendAlertEmails(db, mailer()));
    await boss.work(queues.alertDigest, polling, () => sendAlertDigests(db, mailer()));
    await boss.work(queues.pruneSessions, polling, () => pruneEndedSessions(db));
    await boss.work(queues.pruneIntegrations, polling, () =>
      db.transaction(async (tx) => ({
        deliveries: (await pruneFinishedDeliveries(tx)).deleted,
        idempotencyKeys: (await pruneIdempotencyKeys(tx)).deleted,
      })),
    );
    await boss.work<ProgramImpactJob>(queues.programImpact, polling, ([job]) => runImpact(db, job.data.runId));
    await boss.work(queues.webhookDispatch, polling, async () => {
      for (;;) {
        const ids = await claimUnqueuedDeliveries(db);
        if (ids.length === 0) return;
        try {
          await boss.insert(ids.map((deliveryId) => ({ name: queues.webhookDelivery, data: { deliveryId } satisfies WebhookDeliveryJob })));
        } catch (error) {
          await releaseDeliveries(db, ids);
          throw error;
        }
      }
    });
    await boss.work<WebhookDeliveryJob>(queues.webhookDelivery, { ...polling, includeMetadata: true }, ([job]) =>
      deliverWebhook(db, job.data.deliveryId, { last: job.retryCount >= job.retryLimit }),
    );
    for (const [name, cron] of schedules) await boss.schedule(name, cron, {}, { tz: "UTC" });
    // A worker started after 05:00 catches up on today's watch; organizations already watched
    // today at their current evidence are skipped, so a second worker's catch-up costs little.
    await boss.send(queues.watchRun, {});
  }

  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

/** Asks for the webhook deliveries written so far to be sent. */
export async function requestWebhookDispatch(boss: PgBoss): Promise<void> {
  await boss.send(queues.webhookDispatch, {});
}

/** Asks for a program draft's impact to be computed. */
export async function requestImpact(boss: PgBoss, runId: string): Promise<void> {
  await boss.send(queues.programImpact, { runId } satisfies ProgramImpactJob);
}

/** Asks for the organization to be watched now, after a change of its evidence. */
export async function requestWatch(boss: PgBoss, organizationId: string): Promise<void> {
  await boss.send(queues.watchOrganization, { organizationId } satisfies WatchOrganizationJob, { singletonKey: organizationId });
}
