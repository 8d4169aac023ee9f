import "server-only";
import { setImmediate } from "node:timers/promises";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, organizations, people, revenueLines } from "@/db/schema";
import type { EvaluationInput } from "@/lib/rules";
import { NotFoundError } from "./errors";
import { rowsOf } from "./raw-rows";

export interface OrganizationEvidence {
  organization: { id: string; name: string; market: string };
  input: EvaluationInput;
}

/** A revenue line's columns as lib/rules takes the line. */
export const revenueInputColumns = {
  id: revenueLines.id,
  customer: revenueLines.customerName,
  product: revenueLines.product,
  amountCents: revenueLines.amountCents,
  bookedOn: revenueLines.bookedOn,
  dporAssociated: revenueLines.dporAssociated,
};

/**
 * Everything the rules need about one organization, in two queries whatever its size: its
 * people with their exam passes, and its revenue lines. Ids are the database ids, so
 * explanations point at real records.
 */
export async function loadEvidence(db: Executor, organization: { id: string; market: string }, asOf: string): Promise<EvaluationInput> {
  return (await loadEvidenceAndRejections(db, organization, asOf)).input;
}

/**
 * The evidence as `loadEvidence` reads it, and the ids of the passes and lines the program
 * rejected (their verdict flowed back), from the same two queries.
 */
export async function loadEvidenceAndRejections(
  db: Executor,
  organization: { id: string; market: string },
  asOf: string,
): Promise<{ input: EvaluationInput; rejected: Set<string> }> {
  const [personRows, revenueRows] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        leftOn: people.leftOn,
        passId: examPasses.id,
        code: examPasses.examCode,
        passedOn: examPasses.passedOn,
        passStatus: examPasses.verificationStatus,
      })
      .from(people)
      .leftJoin(examPasses, eq(examPasses.personId, people.id))
      .where(eq(people.organizationId, organization.id))
      .orderBy(asc(people.name), asc(people.id), asc(examPasses.passedOn), asc(examPasses.id)),
    db
      .select({ ...revenueInputColumns, status: revenueLines.verificationStatus })
      .from(revenueLines)
      .where(eq(revenueLines.organizationId, organization.id))
      .orderBy(asc(revenueLines.bookedOn), asc(revenueLines.id)),
  ]);

  // Rows come ordered by person, one per pass (or one without a pass).
  const evaluated: EvaluationInput["people"] = [];
  const rejected = new Set<string>();
  for (const row of personRows) {
    let person = evaluated.at(-1);
    if (person?.id !== row.id) {
      person = { id: row.id, name: row.name, leftOn: row.leftOn, exams: [] };
      evaluated.push(person);
    }
    if (row.passId && row.code && row.passedOn) person.exams.push({ id: row.passId, code: row.code, passedOn: row.passedOn });
    if (row.passId && row.passStatus === "rejected") rejected.add(row.passId);
  }
  const revenue = revenueRows.map(({ status, ...line }) => {
    if (status === "rejected") rejected.add(line.id);
    return line;
  });

  return {
    input: { competency: "cloud-crm", asOf, market: organization.market, people: evaluated, revenue },
    rejected,
  };
}

/**
 * The evidence of the organization `organizationId` as text, for the jobs that read organizations
 * in batches (a lateral join: `cross join lateral ${evidenceLinesOf(…)} as lines` gives
 * `lines.people` and `lines.revenue`): one line per person by name, `id leftOn|- code day code
 * day …` (`peopleOf` reads it back), and one per revenue line by date, `id cents bookedOn t|f
 * product` (`revenueOf`). Text is far cheaper to send and read than a row or a JSON object per
 * pass. Passes come without their ids (the rules then know a pass as `personId#index`), people
 * without their names and revenue lines without their customer, which no rule reads.
 *
 * The database keeps these lines for each organization as its evidence changes
 * (drizzle/0016_organization_evidence.sql): building them from every person and pass took most of
 * the database's share of a watch. A transaction that changed the evidence reads them built anew.
 */
export function evidenceLinesOf(organizationId: SQL): SQL {
  return sql`organization_evidence_lines(${organizationId})`;
}

/**
 * The people lines of `evidenceLinesOf` as lib/rules takes them, passes by date. The text is walked
 * once, field by field: splitting it into lines and then into words made twice the strings.
 */
export function peopleOf(text: string | null): EvaluationInput["people"] {
  const people: EvaluationInput["people"] = [];
  if (!text) return people;
  for (let start = 0; start < text.length;) {
    const lineEnd = endOf(text, "\n", start, text.length);
    const idEnd = endOf(text, " ", start, lineEnd);
    const leftEnd = endOf(text, " ", idEnd + 1, lineEnd);
    const left = text.slice(idEnd + 1, leftEnd);
    const exams: { code: string; passedOn: string }[] = [];
    for (let field = leftEnd + 1; field < lineEnd;) {
      const codeEnd = endOf(text, " ", field, lineEnd);
      const dayEnd = endOf(text, " ", codeEnd + 1, lineEnd);
      const pass = { code: text.slice(field, codeEnd), passedOn: text.slice(codeEnd + 1, dayEnd) };
      // By date, as every page lists them: a person passes a few exams, so each is moved into
      // place as it is read (Array.prototype.sort would copy the array, a person at a time).
      exams.push(pass);
      for (let at = exams.length - 1; at > 0 && byDate(exams[at - 1], pass) > 0; at--) {
        exams[at] = exams[at - 1];
        exams[at - 1] = pass;
      }
      field = dayEnd + 1;
    }
    people.push({ id: text.slice(start, idEnd), leftOn: left === "-" ? null : left, exams });
    start = lineEnd + 1;
  }
  return people;
}

/** Where the field starting at `from` ends: the next `separator` before `limit`, or `limit`. */
function endOf(text: string, separator: string, from: number, limit: number): number {
  const found = text.indexOf(separator, from);
  return found < 0 || found > limit ? limit : found;
}

function byDate(a: { code: string; passedOn: string }, b: { code: string; passedOn: string }): number {
  if (a.passedOn !== b.passedOn) return a.passedOn < b.passedOn ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The revenue lines of `evidenceLinesOf` as lib/rules takes them. */
export function revenueOf(text: string | null): EvaluationInput["revenue"] {
  const lines: EvaluationInput["revenue"] = [];
  if (!text) return lines;
  for (let start = 0; start < text.length;) {
    const lineEnd = endOf(text, "\n", start, text.length);
    const idEnd = endOf(text, " ", start, lineEnd);
    const centsEnd = endOf(text, " ", idEnd + 1, lineEnd);
    const dayEnd = endOf(text, " ", centsEnd + 1, lineEnd);
    const product = text.slice(dayEnd + 3, lineEnd);
    lines.push({
      id: text.slice(start, idEnd),
      product: product.includes("\\") ? product.replace(/\\(\\|n)/g, (_, escaped) => (escaped === "n" ? "\n" : "\\")) : product,
      amountCents: Number(text.slice(idEnd + 1, centsEnd)),
      bookedOn: text.slice(centsEnd + 1, dayEnd),
      dporAssociated: text.charCodeAt(dayEnd + 1) === 116, // "t"
    });
    start = lineEnd + 1;
  }
  return lines;
}

/** An organization as a whole-program job reads it, with its evidence. */
export interface OrganizationInput {
  id: string;
  name: string;
  input: EvaluationInput;
}

/**
 * How many organizations a whole-program job (`evidenceOfAll`, the watch) works on between two
 * turns of the event loop, so that its next statements are sent and answered meanwhile.
 */
export const ORGANIZATIONS_BETWEEN_TURNS = 10;

/**
 * Every organization with its evidence on `asOf`, in order of id, for the jobs that read them
 * all (the impact of a draft, the program's census). They are read `batchSize` at a time, one
 * statement each, and the next batch is read while the caller works on this one: the caller's
 * work holds the thread, so the event loop is let in every few organizations, for the next
 * statement to be sent and its answer received meanwhile (and for the rest of the process, a
 * queue's heartbeats, to go on). People come without names and passes without ids, as
 * `evidenceLinesOf` reads them.
 */
export async function* evidenceOfAll(db: Executor, asOf: string, batchSize = 100): AsyncGenerator<OrganizationInput> {
  const read = (after: string | null) => {
    const reading = rowsOf<{ id: string; name: string; market: string; people: string | null; revenue: string | null }>(
      db,
      sql`with batch as (
          select id, name, market from organizations
          where ${after === null ? sql`true` : sql`id > ${after}::uuid`}
          order by id limit ${batchSize}
        )
        select batch.id, batch.name, batch.market, lines.people, lines.revenue
        from batch
        cross join lateral ${evidenceLinesOf(sql`batch.id`)} as lines
        order by batch.id`,
    );
    // Awaited below, unless the caller stops first: its failure then is nobody's to handle.
    reading.catch(() => undefined);
    return reading;
  };
  let reading: ReturnType<typeof read> | null = read(null);
  while (reading) {
    const rows: Awaited<ReturnType<typeof read>> = await reading;
    reading = rows.length < batchSize ? null : read(rows[rows.length - 1].id);
    for (const [index, row] of rows.entries()) {
      if (index % ORGANIZATIONS_BETWEEN_TURNS === 0) await setImmediate();
      yield {
        id: row.id,
        name: row.name,
        input: { competency: "cloud-crm", asOf, market: row.market, people: peopleOf(row.people), revenue: revenueOf(row.revenue) },
      };
    }
  }
}

/** The organization and its evidence, in three queries. */
export async function loadOrganizationEvidence(db: Executor, organizationId: string, asOf: string): Promise<OrganizationEvidence> {
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name, market: organizations.market })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError("organization");
  return { organization, input: await loadEvidence(db, organization, asOf) };
}
