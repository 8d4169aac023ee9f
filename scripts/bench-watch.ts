/**
 * `npm run bench:watch`: one full watch of 2,000 organizations of 100 people (about 3 passes
 * each) and their revenue, loaded into PostgreSQL, against evaluating and forecasting the same
 * organizations from memory with lib/rules alone, in the same run; then the same for 4,000.
 *
 * Each side is measured at its steady pace, not on its first pass: both first run untimed
 * (the evaluation on every organization, the watch on 50), then they alternate for `TRIALS`
 * trials and the median of each side is compared. A first pass over fresh data also pays for
 * compiling the code and collecting what loading the data left behind, and it paid more of it
 * on the evaluation's side (its first pass took about 1.7 times its next ones).
 *
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

const TRIALS = 3;

function evaluateFromMemory(inputs: readonly EvaluationInput[]): number {
  const started = performance.now();
  for (const input of inputs) {
    evaluate(input);
    forecast(input);
  }
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `portal_bench_watch_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const connection = await connect({ url: url.toString(), maxConnections: 4 });
const loader = postgres(url.toString(), { max: 1, onnotice: () => {} });

/** Makes every organization due again: the record of earlier watches and their alerts cleared. */
async function clearWatches() {
  await loader`delete from alerts`;
  await loader`delete from organization_watch`;
}

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
    // Untimed first passes: the evaluation over every organization, the watch over 50.
    evaluateFromMemory(inputs);
    await watchOrganizations(
      connection.db,
      data.organizations.slice(0, 50).map((organization) => organization.id),
      day,
    );
    await clearWatches();
    const pure: number[] = [];
    const watch: number[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      const evaluation = evaluateFromMemory(inputs);
      const started = performance.now();
      // The process's own CPU time, beside the wall-clock time: what PostgreSQL does is not in it.
      const cpu = process.cpuUsage();
      const outcome = await watchAll(connection.db, day);
      const watched = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (outcome.watched !== inputs.length) throw new Error(`watched ${outcome.watched} of ${inputs.length} organizations`);
      console.log(
        `${inputs.length} organizations, trial ${trial}: watch ${seconds(watched)} (${seconds((used.user + used.system) / 1000)} of CPU here, ${outcome.raised} alerts raised), evaluate + forecast from memory ${seconds(evaluation)}`,
      );
      pure.push(evaluation);
      watch.push(watched);
      await clearWatches();
    }
    results.push({ organizations: inputs.length, watch: median(watch), pure: median(pure) });
    console.log(
      `${inputs.length} organizations, medians: watch ${seconds(median(watch))}, evaluate + forecast from memory ${seconds(median(pure))}`,
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
