import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { connect } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { today } from "@/lib/clock";
import { demoPassword } from "./support/session";

/**
 * Two `next start` instances on one PostgreSQL, as a portal behind a load balancer runs: a
 * change saved through one shows on the other's next page load, whatever either has cached.
 */

const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const ports = [3231, 3232] as const;
const origins = ports.map((port) => `http://127.0.0.1:${port}`);
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));

let admin: postgres.Sql | undefined;
let database = "";
let servers: ChildProcess[] = [];

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

test.beforeAll(async () => {
  test.setTimeout(120_000);
  admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await admin`select 1`.catch((error: unknown) => {
    throw new Error(`Two instances need the PostgreSQL at ${serverUrl} (TEST_DATABASE_URL): ${String(error)}`);
  });
  database = `portal_e2e_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const connection = await connect({ url: url.toString() });
  await connection.migrate();
  await seedDemoData(connection.db, today());
  await connection.close();
  const secret = randomBytes(32).toString("base64url");
  servers = ports.map((port) =>
    spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), AUTH_SECRET: secret, AUTH_TRUST_HOST: "true" },
    }),
  );
  await Promise.all(origins.map((origin, index) => healthy(origin, servers[index])));
});

test.afterAll(async () => {
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
  if (database) await admin?.unsafe(`drop database if exists ${database} with (force)`);
  await admin?.end({ timeout: 5 });
});

test("a departure saved on one instance shows on the other's next dashboard, and so does its undo", async ({ browser }) => {
  const [first, second] = origins;
  // Cookies are per host, not per port: one browser is signed in on both instances.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${first}/sign-in`);
  await page.getByLabel("Email").filter({ visible: true }).fill("admin@contoso.example");
  await page.getByLabel("Password").filter({ visible: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${first}/dashboard`);
  const tier = page.locator("h1 [data-tier]").filter({ visible: true });
  await expect(tier).toHaveAttribute("data-tier", "gold");
  await page.goto(`${second}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "gold");

  await page.goto(`${first}/people`);
  await page.getByRole("link", { name: "Alice Martin" }).click();
  await page.getByLabel("Left the organization on").filter({ visible: true }).fill(today());
  await page.getByRole("button", { name: "Record departure" }).click();
  await page.getByRole("button", { name: "Record the departure anyway" }).click();
  await expect(page.getByText("Departure recorded.").filter({ visible: true })).toBeVisible();
  const alice = page.url().replace(first, "");

  await page.goto(`${second}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "silver");

  await page.goto(`${second}${alice}`);
  await page.getByRole("button", { name: "Undo departure" }).click();
  await expect(page.getByText("Departure undone.").filter({ visible: true })).toBeVisible();
  await page.goto(`${first}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "gold");
  await context.close();
});
