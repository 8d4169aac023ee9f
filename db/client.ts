import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { config } from "@/lib/config";
import * as schema from "./schema";

/**
 * The one place that knows which database is in use: PGlite embedded in the process by
 * default, PostgreSQL through postgres.js when DATABASE_URL is set.
 */
export type DatabaseKind = "pglite" | "postgres";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** A transaction or the database itself: data functions accept either. */
export type Executor = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

export interface DatabaseConnection {
  kind: DatabaseKind;
  /** The postgres:// URL, for libraries that open their own pool on the same server (the job queue). */
  url?: string;
  db: Database;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs SQL text on the same client, for libraries that bring their own SQL (the job queue on
   * the embedded database). Without values the text may hold several statements; the last
   * one's rows are returned. On PostgreSQL the pool refuses a transaction spread over several
   * calls: use `url` to give such a library its own connection.
   */
  execute(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface ConnectionOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; "memory://" for a throw-away database. */
  pgliteDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Called with every SQL statement sent (for query-count tests and debugging). */
  onQuery?: (sql: string) => void;
}

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** A damaged data directory makes PGlite abort in WebAssembly; say which directory instead. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    super(
      `The embedded database in ${dataDir} is damaged and cannot be opened. ` +
        "Restore the directory from a backup, or move it away to start with an empty database (npm start then loads the demo data).",
      { cause },
    );
    this.name = "DamagedDatabaseError";
  }
}

async function openPglite(dataDir: string): Promise<PGlite> {
  try {
    return await PGlite.create(dataDir);
  } catch (error) {
    throw new DamagedDatabaseError(dataDir, error);
  }
}

export async function connect(options: ConnectionOptions = {}): Promise<DatabaseConnection> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery?.(query) } : undefined;

  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema, logger });
    return {
      kind: "postgres",
      url: options.url,
      db,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
      async execute(text, values) {
        const result = await client.unsafe(text, values?.length ? (values as postgres.ParameterOrJSON<never>[]) : undefined);
        // Several statements answer with one list of rows each; rows themselves are objects.
        const rows = (Array.isArray(result[0]) ? result.at(-1) : result) as Record<string, unknown>[];
        return { rows: [...rows] };
      },
    };
  }

  const dataDir = options.pgliteDir ?? config().pgliteDir;
  if (!dataDir.includes("://")) mkdirSync(dataDir, { recursive: true });
  const client = await openPglite(dataDir);
  const db = drizzlePglite(client, { schema, logger });
  return {
    kind: "pglite",
    db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    async execute(text, values) {
      if (values?.length) return { rows: (await client.query<Record<string, unknown>>(text, [...values])).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** The database the configuration names (lib/config.ts): DATABASE_URL, else PGlite in PGLITE_DIR. */
export function configuredConnection(): ConnectionOptions {
  const { databaseUrl, pgliteDir } = config();
  return { url: databaseUrl, pgliteDir };
}

export function configuredDatabaseKind(): DatabaseKind {
  return config().databaseUrl ? "postgres" : "pglite";
}

const globalForDb = globalThis as unknown as { portalDb?: Promise<DatabaseConnection> };

/** The application's shared connection, opened on first use and kept for the process. */
export function appConnection(): Promise<DatabaseConnection> {
  globalForDb.portalDb ??= connect(configuredConnection()).catch((error: unknown) => {
    // Let the next request try again instead of caching the failure.
    globalForDb.portalDb = undefined;
    throw error;
  });
  return globalForDb.portalDb;
}

/**
 * Makes `connection` the application's shared connection (tests and scripts that run
 * actions or pages against a database they opened themselves).
 */
export function setAppConnection(connection: DatabaseConnection): void {
  globalForDb.portalDb = Promise.resolve(connection);
}
