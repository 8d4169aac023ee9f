/**
 * The organizations the benchmarks load: `count` partners of 100 people (about 3 passes each,
 * one in twenty leaving) and 12 revenue lines, as database rows and as lib/rules input, from a
 * fixed seed so that every run measures the same data.
 */
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { addDays, type EvaluationInput } from "@/lib/rules";

const CODES = ["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877", "MB2-710", "MB2-706", "MB2-715", "MB2-712", "MB2-707", "MB2-716"];
const PEOPLE = 100;
const REVENUE_LINES = 12;

let seed = 7;
function random(below: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  // The high bits: an LCG's low bits repeat with a short period.
  return Math.floor((seed / 2147483648) * below);
}

export interface Generated {
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
export function generateOrganizations(first: number, count: number, day: string): Generated {
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

export async function loadOrganizations(sql: postgres.Sql, data: Generated) {
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
