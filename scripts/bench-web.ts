/**
 * npm run bench:web — the signed-in dashboard's throughput against /api/health's, measured in
 * one run on one production server (`next start`) backed by PostgreSQL, with an organization
 * of 2,000 people, 6,000 exam passes and 5,000 revenue lines. The last line is the ratio.
 *
 * Every dashboard request is rendered (the evaluation itself is cached by Next.js under the
 * organization's evidence revision). It also prints the dashboard's HTML size and the
 * JavaScript a browser downloads for it, gzipped, against their targets.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { connect } from "@/db/client";
import { examPasses, organizations, people, revenueLines, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { today } from "@/lib/clock";
import { addDays } from "@/lib/rules";
import { ensureBuild } from "./build";

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const port = Number(process.env.BENCH_PORT ?? 3290);
const origin = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 10;
const email = "bench-admin@bench.example";
const password = "bench-password-2000";

const applicationExams = ["MB2-713", "MB2-714", "MB2-717", "MB2-718", "MB2-877"];
const deploymentExams = ["MB2-706", "MB2-710", "MB2-715"];
const customizationExams = ["MB2-707", "MB2-712", "MB2-716"];

async function loadOrganization(url: string) {
  const connection = await connect({ url });
  try {
    await connection.migrate();
    const { db } = connection;
    const day = today();
    const [organization] = await db.insert(organizations).values({ name: "Bench Corp", mpnId: "9900001", market: "developed" }).returning();
    const organizationId = organization.id;
    const personRows = await db
      .insert(people)
      .values(Array.from({ length: 2_000 }, (_, index) => ({ organizationId, name: `Person ${index}`, mcid: String(500_000 + index) })))
      .returning({ id: people.id });
    const passes = personRows.flatMap(({ id }, index) => [
      { organizationId, personId: id, examCode: applicationExams[index % 5], passedOn: addDays(day, -30 - (index % 300)) },
      { organizationId, personId: id, examCode: deploymentExams[index % 3], passedOn: addDays(day, -20 - (index % 200)) },
      { organizationId, personId: id, examCode: customizationExams[index % 3], passedOn: addDays(day, -10 - (index % 100)) },
    ]);
    for (let start = 0; start < passes.length; start += 2_000) {
      await db.insert(examPasses).values(passes.slice(start, start + 2_000));
    }
    const lines = Array.from({ length: 5_000 }, (_, index) => ({
      organizationId,
      customerName: `Customer ${index % 400}`,
      product: index % 7 === 0 ? "office-365" : "d365-ce-plan-1",
      amountCents: 2_500 + (index % 97) * 100,
      bookedOn: addDays(day, -(index % 700)),
      dporAssociated: index % 11 !== 0,
      reference: `BENCH-${index}`,
    }));
    for (let start = 0; start < lines.length; start += 2_000) {
      await db.insert(revenueLines).values(lines.slice(start, start + 2_000));
    }
    await db
      .insert(users)
      .values({ email, displayName: "Bench Admin", passwordHash: await hashPassword(password), role: "partner_admin", organizationId });
  } finally {
    await connection.close();
  }
}

async function waitForHealth(server: ChildProcess) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy within 60 s");
}

/** Signs in through Auth.js's own endpoints, as a browser does, and returns the cookies. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${response.status} ${response.headers.get("location")})`);
  const check = await fetch(`${origin}/dashboard`, { headers: { cookie: session }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`the signed-in dashboard answered ${check.status}`);
  return session;
}

/** What a browser sends when it loads a page as a document. */
const browserDocument = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
};

/** The dashboard's HTML, and every script it loads as a browser would fetch them, gzipped. */
async function pageWeight(cookie: string) {
  const html = await (await fetch(`${origin}/dashboard`, { headers: { cookie, ...browserDocument } })).text();
  // Every chunk the page names: its script tags, preloads and the client components of its payload.
  // Polyfills for browsers without modules (noModule) are not downloaded by current browsers.
  const legacy = new Set([...html.matchAll(/<script src="([^"]+)"[^>]*noModule/g)].map((match) => match[1]));
  const named = [...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((match) => match[0]);
  const sources = [...new Set(named)].filter((source) => !legacy.has(source));
  let scriptGzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, origin))).arrayBuffer());
    scriptGzipBytes += gzipSync(body).length;
  }
  return { htmlBytes: Buffer.byteLength(html), scriptGzipBytes, scripts: sources.length };
}

async function measure(path: string, headers: Record<string, string> = {}) {
  const options = { url: `${origin}${path}`, connections, headers };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, caches, connection pool
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Lets the requests autocannon abandoned finish, then stops the server and waits for it. */
async function stopServer(server: ChildProcess | undefined) {
  if (!server?.pid || server.exitCode !== null) return;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

ensureBuild();
const database = `portal_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${database}`);
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${database}`;
let server: ChildProcess | undefined;
let figures: [string, Awaited<ReturnType<typeof measure>>][] = [];
let sizes = { htmlBytes: 0, scriptGzipBytes: 0, scripts: 0 };
try {
  console.log(`Loading 2,000 people, 6,000 exam passes and 5,000 revenue lines into ${database}…`);
  await loadOrganization(benchUrl.toString());
  // BENCH_CPU_PROFILE=<dir> writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  server = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: benchUrl.toString(),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    detached: true,
  });
  await waitForHealth(server);
  const cookie = await signIn();
  console.log(`Measuring ${seconds} s each with ${connections} connections…`);
  sizes = await pageWeight(cookie);
  const health = await measure("/api/health");
  const dashboard = await measure("/dashboard", { cookie, ...browserDocument });
  figures = [
    ["/api/health", health],
    ["/dashboard", dashboard],
  ];
} finally {
  await stopServer(server);
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.end({ timeout: 5 });
}

// Printed once the server has stopped, so that nothing it logs comes after the ratio.
for (const [name, { requestsPerSecond, p50, p99 }] of figures) {
  console.log(
    `${requestsPerSecond.toFixed(1).padStart(8)} req/s   p50 ${String(p50).padStart(3)} ms   p99 ${String(p99).padStart(3)} ms   ${name}`,
  );
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`dashboard HTML: ${kb(sizes.htmlBytes)} (target at most 80 KB)`);
console.log(`dashboard JavaScript, gzipped: ${kb(sizes.scriptGzipBytes)} in ${sizes.scripts} files (target at most 170 KB)`);
const ratio = figures[1][1].requestsPerSecond / figures[0][1].requestsPerSecond;
console.log(`target: dashboard at least 12% of health throughput`);
console.log(`ratio dashboard / health throughput: ${(ratio * 100).toFixed(1)}%`);
