import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { connect, type Database } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { today } from "@/lib/clock";

const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));

export interface Instances {
  origins: string[];
  /** Runs SQL on the instances' database. */
  sql: postgres.Sql;
  stop(): Promise<void>;
}

async function healthy(origin: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start for ${origin} exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${origin} did not become ready within 60 s`);
}

/**
 * `next start` on each of `ports`, as a portal behind a load balancer runs, all on one throw-away
 * PostgreSQL database with the demo data and whatever `prepare` adds. The build is the suite's own.
 */
export async function startInstances(ports: readonly number[], prepare?: (db: Database) => Promise<void>): Promise<Instances> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await admin`select 1`.catch((error: unknown) => {
    throw new Error(`These tests need the PostgreSQL at ${serverUrl} (TEST_DATABASE_URL): ${String(error)}`);
  });
  const database = `portal_e2e_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const connection = await connect({ url: url.toString() });
  await connection.migrate();
  await seedDemoData(connection.db, today());
  await prepare?.(connection.db);
  await connection.close();
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });

  const secret = randomBytes(32).toString("base64url");
  const servers = ports.map((port) =>
    spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), AUTH_SECRET: secret, AUTH_TRUST_HOST: "true" },
    }),
  );
  const origins = ports.map((port) => `http://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) => {
            if (server.exitCode !== null) return resolve(null);
            server.once("exit", resolve);
            server.kill("SIGTERM");
          }),
      ),
    );
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await Promise.all(origins.map((origin, index) => healthy(origin, servers[index])));
  } catch (error) {
    await stop();
    throw error;
  }
  return { origins, sql, stop };
}
