import { connect, configuredConnection } from "@/db/client";
import { storedAuthSecret } from "@/lib/auth/stored-secret";
import { ConfigurationError, readConfig } from "@/lib/config";
import { startJobs } from "@/lib/jobs/queue";

/**
 * npm run worker: the job queue's worker on its own, beside web servers started with
 * PORTAL_WORKER=off (or with their own workers: pg-boss shares the jobs among them all).
 * PostgreSQL only: the embedded database belongs to the one process that opened it, so
 * with PGlite the worker runs inside `npm start`'s server.
 */
let settings: ReturnType<typeof readConfig>;
try {
  settings = readConfig();
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (!settings.databaseUrl) {
  console.error(
    "npm run worker needs DATABASE_URL (PostgreSQL): the embedded database can be opened by one process only, and `npm start` runs the worker inside the server.",
  );
  process.exit(1);
}
process.env.AUTH_SECRET = storedAuthSecret(settings.authSecret);

const connection = await connect(configuredConnection());
await connection.migrate();
const jobs = await startJobs(connection, { work: true });
console.log("Worker started: the daily watch, alert emails, weekly digests and session pruning run here.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("Worker stopping: finishing the jobs in hand.");
    void jobs
      .stop()
      .then(() => connection.close())
      .then(() => process.exit(0));
  });
}
