import postgres from "postgres";
import type { TestProject } from "vitest/node";

export const defaultTestDatabaseUrl = "postgres://postgres@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    /** The reachable PostgreSQL server for this run, or null when the suite is skipped. */
    postgresUrl: string | null;
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await client`select 1`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end({ timeout: 1 });
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL || defaultTestDatabaseUrl;
  const problem = await reachable(url);
  if (problem && process.env.CI === "true") {
    throw new Error(`PostgreSQL at ${url} is unreachable (${problem}); CI requires it.`);
  }
  if (problem) {
    const line = "!".repeat(78);
    console.warn(
      `\n${line}\n  PostgreSQL at ${url} is unreachable: ${problem}\n` +
        `  The PostgreSQL integration suite is SKIPPED. Set TEST_DATABASE_URL or start PostgreSQL.\n${line}\n`,
    );
  }
  project.provide("postgresUrl", problem ? null : url);
}
