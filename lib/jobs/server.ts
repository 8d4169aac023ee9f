import { appConnection } from "@/db/client";
import { config } from "@/lib/config";
import { runImpact } from "@/lib/data/program-impact";
import { type Jobs, requestImpact, requestWatch, requestWebhookDispatch, startJobs } from "./queue";

const globalForJobs = globalThis as unknown as { portalJobs?: Promise<Jobs> };

/**
 * Starts the job queue in the web server (instrumentation.ts): with PORTAL_WORKER on (the
 * default) it also works the jobs, which is how the embedded database gets its daily watch;
 * off, the server only sends jobs for `npm run worker`.
 */
export function startServerJobs(): Promise<Jobs> {
  globalForJobs.portalJobs ??= appConnection()
    .then((connection) => startJobs(connection, { work: config().worker }))
    .catch((error: unknown) => {
      globalForJobs.portalJobs = undefined;
      throw error;
    });
  return globalForJobs.portalJobs;
}

/**
 * After a change of an organization's evidence: asks the queue to watch it now. A process
 * without the queue (a script, a test calling actions) leaves it to the next daily watch, which
 * watches every organization whose evidence moved.
 */
export async function watchSoon(organizationId: string): Promise<void> {
  const jobs = globalForJobs.portalJobs;
  if (!jobs) return;
  try {
    await requestWatch((await jobs).boss, organizationId);
  } catch (error) {
    // The change is saved; the daily watch will see it.
    console.error("watch not requested", organizationId, error);
  }
}

/**
 * After a change that wrote webhook deliveries: asks the queue to send them now. Without the
 * queue here, the queue's dispatch of every minute sends them.
 */
export async function dispatchWebhooksSoon(): Promise<void> {
  const jobs = globalForJobs.portalJobs;
  if (!jobs) return;
  try {
    await requestWebhookDispatch((await jobs).boss);
  } catch (error) {
    // The deliveries are saved; the dispatch of every minute sends them.
    console.error("webhook dispatch not requested", error);
  }
}

/**
 * Computes a draft's impact: as a job of the queue in a server, so that the page shows its
 * progress; in a process without the queue (a script, a test calling actions), at once.
 */
export async function computeImpactSoon(runId: string): Promise<void> {
  const jobs = globalForJobs.portalJobs;
  if (jobs) {
    await requestImpact((await jobs).boss, runId);
    return;
  }
  await runImpact((await appConnection()).db, runId);
}
