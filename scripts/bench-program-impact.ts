/**
 * `npm run bench:program-impact`: 2,000 organizations of 100 people loaded into PostgreSQL;
 * the impact of a draft that retires one exam (MB2-712) on a date six months ahead, computed as
 * the job computes it (every organization read, then evaluated under the published program
 * and under the draft over the year ahead), against one evaluation of the same organizations
 * under one version from memory, in the same run. Target (issue 16): at most 6×. The last
 * line is the ratio.
 *
 * BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark works in a database of its own, dropped at the end.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/db/client";
import { programImpactRuns, programVersions } from "@/db/schema";
import { today } from "@/lib/clock";
import { publishedProgram, storedVersion } from "@/lib/data/program";
import { programWithDraft, runImpact } from "@/lib/data/program-impact";
import { addDays, cloudCrm, definitionFileOf, evaluate, type EvaluationInput, programImpact, sameDateYearsLater } from "@/lib/rules";
import { generateOrganizations, loadOrganizations } from "./bench-organizations";

const ORGANIZATIONS = 2000;

function evaluateFromMemory(inputs: readonly EvaluationInput[]): number {
  const started = performance.now();
  for (const input of inputs) evaluate(input);
  return performance.now() - started;
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `portal_bench_impact_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const connection = await connect({ url: url.toString(), maxConnections: 4 });
const loader = postgres(url.toString(), { max: 1, onnotice: () => {} });

try {
  await connection.migrate();
  const day = today();
  const data = generateOrganizations(0, ORGANIZATIONS, day);
  await loadOrganizations(loader, data);

  // seed: an exam retires with notice; here MB2-712 stops being passed and counting in six months.
  const retired = addDays(day, 182);
  const definition = definitionFileOf(cloudCrm);
  const catalogue = definition.catalogue.map((exam) =>
    exam.code === "MB2-712" ? { ...exam, retiredOn: retired, acceptedUntil: retired } : exam,
  );
  const [draft] = await connection.db
    .insert(programVersions)
    .values({
      programId: "cloud-crm",
      versionId: "v2",
      effectiveFrom: addDays(day, 1),
      definition: { ...definition, catalogue },
      status: "draft",
    })
    .returning();

  evaluateFromMemory(data.inputs.slice(0, 50)); // warm-up
  const pure = evaluateFromMemory(data.inputs);
  const [run] = await connection.db
    .insert(programImpactRuns)
    .values({ programVersionId: draft.id, draftVersion: draft.version, asOf: day, organizationsTotal: ORGANIZATIONS })
    .returning();
  const started = performance.now();
  const { impacted } = await runImpact(connection.db, run.id);
  const impact = performance.now() - started;
  const { program } = await publishedProgram(connection.db);
  const withDraft = programWithDraft(program, storedVersion(draft));
  const computeStarted = performance.now();
  for (const input of data.inputs) programImpact(input, program, withDraft, sameDateYearsLater(day, 1), addDays(day, 1));
  const compute = performance.now() - computeStarted;
  console.log(`the comparison alone, from memory: ${(compute / 1000).toFixed(2)} s`);
  console.log(
    `${ORGANIZATIONS} organizations: impact ${(impact / 1000).toFixed(2)} s (${impacted} organizations change tier), one evaluation from memory ${(pure / 1000).toFixed(2)} s`,
  );
  console.log(`ratio impact / evaluation: ${(impact / pure).toFixed(2)} (target ≤ 6)`);
} finally {
  await loader.end({ timeout: 5 });
  await connection.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
}
