/**
 * `npm run bench:watch`: one full watch of 2,000 organizations of 100 people (about 3 passes
 * each) and their revenue, loaded into PostgreSQL, against evaluating and forecasting the same
 * organizations from memory with lib/rules alone, in the same run; then the same for 4,000.
 * Targets (issue 14): the watch at most 2× the evaluation, and at most 2.2× longer for 4,000
 * organizations than for 2,000. The last line is the first ratio.
 *
 * BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark works in a database of its own, dropped at the end.
 */
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/db/client";
import { today } from "@/lib/clock";
import { watchAll } from "@/lib/data/watch";
import { addDays, evaluate, type EvaluationInput, forecast } from "@/lib/rules";

const CODES = ["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877", "MB2-710", "MB2-706", "MB2-715", "MB2-712", "MB2-707", "MB2-716"];
const PEOPLE = 100;
const REVENUE_LINES = 12;

let seed = 7;
function random(below: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  // The high bits: an LCG's low bits repeat with a short period.
  return Math.floor((seed / 2147483648) * below);
}

interface Generated {
  organizations: { id: string; name: string; mpn_id: string; market: string }[];
  people: { id: string; organization_id: string; name: string; left_on: string | null }[];
  passes: { id: string; person_id: string; organization_id: string; exam_code: string; passed_on: string }[];
  revenue: {
    id: string;
    organization_id: string;
    customer_name: string;
    product: string;
    amount_cents: number;
    booked_on: string;
    dpor_associated: boolean;
    reference: string;
  }[];
  users: { id: string; email: string; display_name: string; password_hash: string; role: string; organization_id: string }[];
  inputs: EvaluationInput[];
}

/** `count` organizations numbered from `first`, as rows for the database and as lib/rules input. */
function generate(first: number, count: number, day: string): Generated {
  const out: Generated = { organizations: [], people: [], passes: [], revenue: [], users: [], inputs: [] };
  const dayWithin = (from: number, span: number) => addDays(day, -(from + random(span)));
  for (let o = first; o < first + count; o++) {
    const organizationId = randomUUID();
    out.organizations.push({ id: organizationId, name: `Bench Partner ${o}`, mpn_id: String(1_000_000 + o), market: "developed" });
    out.users.push({
      id: randomUUID(),
      email: `admin${o}@bench.example`,
      display_name: `Admin ${o}`,
      password_hash: "not-a-usable-hash",
      role: "partner_admin",
      organization_id: organizationId,
    });
    const input: EvaluationInput = { competency: "cloud-crm", asOf: day, market: "developed", people: [], revenue: [] };
    for (let p = 0; p < PEOPLE; p++) {
      const personId = randomUUID();
      const leftOn = random(20) === 0 ? addDays(day, random(200) - 100) : null;
      const name = `Person ${o}-${p}`;
      out.people.push({ id: personId, organization_id: organizationId, name, left_on: leftOn });
      const person = { id: personId, name, leftOn, exams: [] as { id: string; code: string; passedOn: string }[] };
      const codes = new Set<string>();
      // One organization in four rests on its first few people, so the watch has alerts to raise.
      const examCount = o % 4 === 0 && p >= 6 ? 0 : 1 + random(5);
      for (let e = 0; e < examCount; e++) codes.add(CODES[random(CODES.length)]);
      for (const code of codes) {
        const passId = randomUUID();
        const passedOn = dayWithin(0, 900);
        out.passes.push({ id: passId, person_id: personId, organization_id: organizationId, exam_code: code, passed_on: passedOn });
        person.exams.push({ id: passId, code, passedOn });
      }
      input.people.push(person);
    }
    for (let r = 0; r < REVENUE_LINES; r++) {
      const line = {
        id: randomUUID(),
        customer: `Customer ${random(1000)}`,
        product: random(5) === 0 ? "office-365" : "crm-online",
        amountCents: 1_000_000 + random(2_000_000),
        bookedOn: dayWithin(0, 500),
        dporAssociated: random(8) !== 0,
      };
      out.revenue.push({
        id: line.id,
        organization_id: organizationId,
        customer_name: line.customer,
        product: line.product,
        amount_cents: line.amountCents,
        booked_on: line.bookedOn,
        dpor_associated: line.dporAssociated,
        reference: `INV-${o}-${r}`,
      });
      input.revenue.push(line);
    }
    // As the portal reads them: people by name, passes by date, lines by booking date.
    input.people.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "en"));
    for (const person of input.people) person.exams.sort((a, b) => (a.passedOn < b.passedOn ? -1 : 1));
    input.revenue.sort((a, b) => (a.bookedOn < b.bookedOn ? -1 : 1));
    out.inputs.push(input);
  }
  return out;
}

async function load(sql: postgres.Sql, data: Generated) {
  const chunks = <T>(rows: T[], size = 5000) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  await sql.begin(async (tx) => {
    for (const rows of chunks(data.organizations)) await tx`insert into organizations ${tx(rows)}`;
    for (const rows of chunks(data.users)) await tx`insert into users ${tx(rows)}`;
    for (const rows of chunks(data.people)) await tx`insert into people ${tx(rows)}`;
    for (const rows of chunks(data.passes)) await tx`insert into exam_passes ${tx(rows)}`;
    for (const rows of chunks(data.revenue)) await tx`insert into revenue_lines ${tx(rows)}`;
  });
  // As a database that has been in use: statistics gathered, and pages already visited once
  // (a fresh bulk load makes the first reader write hint bits on every page).
  await sql`vacuum analyze`;
}

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
    const data = generate(first, count, day);
    inputs.push(...data.inputs);
    await load(loader, data);
    // Every organization due: the record of earlier watches and their alerts cleared.
    await loader`delete from alerts`;
    await loader`delete from organization_watch`;
    evaluateFromMemory(inputs.slice(0, 50)); // warm-up
    const pure = evaluateFromMemory(inputs);
    const started = performance.now();
    const outcome = await watchAll(connection.db, day);
    const watch = performance.now() - started;
    if (outcome.watched !== inputs.length) throw new Error(`watched ${outcome.watched} of ${inputs.length} organizations`);
    results.push({ organizations: inputs.length, watch, pure });
    console.log(
      `${inputs.length} organizations: watch ${(watch / 1000).toFixed(2)} s (${outcome.raised} alerts raised), evaluate + forecast from memory ${(pure / 1000).toFixed(2)} s`,
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
