/**
 * `npm run bench:watch`: one full watch of 2,000 organizations of 100 people (about 3 passes
 * each) and their revenue, loaded into PostgreSQL, against evaluating and forecasting the same
 * organizations from memory with lib/rules alone, in the same run; then the same for 4,000.
 * Each side first runs on 50 of the organizations, untimed.
 * Targets (issue 14): the watch at most 2× the evaluation, and at most 2.2× longer for 4,000
 * organizations than for 2,000. The last line is the first ratio.
 *
 * BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark works in a database of its own, dropped at the end.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/db/client";
import { today } from "@/lib/clock";
import { watchAll, watchOrganizations } from "@/lib/data/watch";
import { evaluate, type EvaluationInput, forecast } from "@/lib/rules";
import { generateOrganizations, loadOrganizations } from "./bench-organizations";

function evaluateFromMemory(inputs: readonly EvaluationInput[]): number {
  const started = performance.now();
  for (const input of inputs) {
    evaluate(input);
    forecast(input);
  }
  return performance.now() - started;
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `portal_bench_watch_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const connection = await connect({ url: url.toString(), maxConnections: 4 });
const loader = postgres(url.toString(), { max: 1, onnotice: () => {} });

try {
  await connection.migrate();
  const day = today();
  const results: { organizations: number; watch: number; pure: number }[] = [];
  const inputs: EvaluationInput[] = [];
  for (const [first, count] of [
    [0, 2000],
    [2000, 2000],
  ] as const) {
    const data = generateOrganizations(first, count, day);
    inputs.push(...data.inputs);
    await loadOrganizations(loader, data);
    // Both sides warm up on 50 organizations first: the watch's own code is compiled as the
    // evaluation's is, on organizations whose record is then cleared with the others'.
    evaluateFromMemory(inputs.slice(0, 50));
    const warmUp = performance.now();
    await watchOrganizations(
      connection.db,
      data.organizations.slice(0, 50).map((organization) => organization.id),
      day,
    );
    console.log(`warm-up: the watch of 50 organizations ${((performance.now() - warmUp) / 1000).toFixed(2)} s`);
    // Every organization due: the record of earlier watches and their alerts cleared.
    await loader`delete from alerts`;
    await loader`delete from organization_watch`;
    const pure = evaluateFromMemory(inputs);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await watchAll(connection.db, day);
    const watch = performance.now() - started;
    // The process's own CPU time, beside the wall-clock time: what PostgreSQL does is not in it.
    const used = process.cpuUsage(cpu);
    if (outcome.watched !== inputs.length) throw new Error(`watched ${outcome.watched} of ${inputs.length} organizations`);
    results.push({ organizations: inputs.length, watch, pure });
    console.log(
      `${inputs.length} organizations: watch ${(watch / 1000).toFixed(2)} s (${((used.user + used.system) / 1e6).toFixed(2)} s of CPU here, ${outcome.raised} alerts raised), evaluate + forecast from memory ${(pure / 1000).toFixed(2)} s`,
    );
  }
  const [small, large] = results;
  console.log(`growth: the watch of 4,000 organizations takes ${(large.watch / small.watch).toFixed(2)}× that of 2,000 (target ≤ 2.2)`);
  console.log(`ratio watch / evaluation (2,000 organizations): ${(small.watch / small.pure).toFixed(2)} (target ≤ 2)`);
} finally {
  await loader.end({ timeout: 5 });
  await connection.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
}
