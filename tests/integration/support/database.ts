import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { connect, type DatabaseConnection, type DatabaseKind } from "@/db/client";

export interface TestDatabase extends DatabaseConnection {
  /** The postgres:// URL of this file's own database (postgres only). */
  url?: string;
}

/** Replaces the database name of a postgres:// URL. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A migrated database of its own: a fresh PostgreSQL database or an in-memory PGlite. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (kind === "pglite") {
    const connection = await connect({ pgliteDir: "memory://" });
    await connection.migrate();
    return { ...connection, drop: () => connection.close() };
  }

  const serverUrl = inject("postgresUrl");
  if (!serverUrl) throw new Error("PostgreSQL is not available for this run");
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const connection = await connect({ url, maxConnections: 4 });
  await connection.migrate();
  return {
    ...connection,
    url,
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
