import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, organizations, people, revenueLines } from "@/db/schema";
import type { EvaluationInput } from "@/lib/rules";
import { NotFoundError } from "./errors";

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
 * The evidence of several organizations, in two queries whatever their number (the impact of
 * a program draft reads every organization, a batch at a time): as `loadEvidence` reads each.
 */
export async function loadEvidenceOfMany(
  db: Executor,
  organizationsRead: readonly { id: string; market: string }[],
  asOf: string,
): Promise<Map<string, EvaluationInput>> {
  type Pass = { id: string; code: string; passedOn: string };
  type Person = { id: string; name: string; leftOn: string | null; exams: Pass[] };
  const peopleOf: Map<string, Person[]> = new Map(organizationsRead.map((organization) => [organization.id, []]));
  const revenue: Map<string, EvaluationInput["revenue"][number][]> = new Map(
    organizationsRead.map((organization) => [organization.id, []]),
  );
  const ids = organizationsRead.map((organization) => organization.id);
  if (ids.length > 0) {
    const [personRows, revenueRows] = await Promise.all([
      db
        .select({
          organizationId: people.organizationId,
          id: people.id,
          name: people.name,
          leftOn: people.leftOn,
          passId: examPasses.id,
          code: examPasses.examCode,
          passedOn: examPasses.passedOn,
        })
        .from(people)
        .leftJoin(examPasses, eq(examPasses.personId, people.id))
        .where(inArray(people.organizationId, ids))
        .orderBy(asc(people.organizationId), asc(people.name), asc(people.id), asc(examPasses.passedOn), asc(examPasses.id)),
      db
        .select({ organizationId: revenueLines.organizationId, ...revenueInputColumns })
        .from(revenueLines)
        .where(inArray(revenueLines.organizationId, ids))
        .orderBy(asc(revenueLines.organizationId), asc(revenueLines.bookedOn), asc(revenueLines.id)),
    ]);
    for (const row of personRows) {
      const list = peopleOf.get(row.organizationId) ?? [];
      let person = list.at(-1);
      if (person?.id !== row.id) {
        person = { id: row.id, name: row.name, leftOn: row.leftOn, exams: [] };
        list.push(person);
      }
      if (row.passId && row.code && row.passedOn) person.exams.push({ id: row.passId, code: row.code, passedOn: row.passedOn });
    }
    for (const { organizationId, ...line } of revenueRows) revenue.get(organizationId)?.push(line);
  }
  return new Map(
    organizationsRead.map((organization) => [
      organization.id,
      {
        competency: "cloud-crm",
        asOf,
        market: organization.market,
        people: peopleOf.get(organization.id) ?? [],
        revenue: revenue.get(organization.id) ?? [],
      },
    ]),
  );
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
