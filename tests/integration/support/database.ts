import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { connect, type DatabaseConnection, type DatabaseKind } from "@/db/client";

export interface TestDatabase extends DatabaseConnection {
  /** The postgres:// URL of this file's own database (postgres only). */
  url?: string;
  /** Runs `work` and returns the SQL statements it sent, in order. */
  recordQueries(work: () => Promise<unknown>): Promise<string[]>;
}

/** Collects the statements of a connection while a recording is under way. */
function queryRecorder() {
  let recording: string[] | null = null;
  return {
    onQuery: (query: string) => recording?.push(query),
    async recordQueries(work: () => Promise<unknown>) {
      const queries: string[] = [];
      recording = queries;
      try {
        await work();
      } finally {
        recording = null;
      }
      return queries;
    },
  };
}

/** Replaces the database name of a postgres:// URL. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A migrated database of its own: a fresh PostgreSQL database or an in-memory PGlite. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase & { drop(): Promise<void> }> {
  const { onQuery, recordQueries } = queryRecorder();
  if (kind === "pglite") {
    const connection = await connect({ pgliteDir: "memory://", onQuery });
    await connection.migrate();
    return { ...connection, recordQueries, drop: () => connection.close() };
  }

  const serverUrl = inject("postgresUrl");
  if (!serverUrl) throw new Error("PostgreSQL is not available for this run");
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const connection = await connect({ url, maxConnections: 4, onQuery });
  await connection.migrate();
  return {
    ...connection,
    url,
    recordQueries,
    drop: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * Declares the same suite once on PGlite and once on PostgreSQL, each on a database of its
 * own. The PostgreSQL copy is skipped (loudly, by the global setup) when no server is
 * reachable outside CI.
 */
export function describeOnEachDatabase(title: string, suite: (database: () => TestDatabase) => void) {
  for (const kind of ["pglite", "postgres"] as const) {
    const skip = kind === "postgres" && !inject("postgresUrl");
    describe.skipIf(skip)(`${title} [${kind}]`, () => {
      let database: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.drop();
      });
      suite(() => {
        if (!database) throw new Error(`the ${kind} test database did not open`);
        return database;
      });
    });
  }
}
