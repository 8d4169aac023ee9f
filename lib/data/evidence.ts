import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, organizations, people, revenueLines } from "@/db/schema";
import type { EvaluationInput } from "@/lib/rules";
import { NotFoundError } from "./errors";

export interface OrganizationEvidence {
  organization: { id: string; name: string; market: string };
  input: EvaluationInput;
}

/**
 * Everything the rules need about one organization, read in four queries whatever its
 * size. Ids are the database ids, so explanations point at real records.
 */
export async function loadOrganizationEvidence(
  db: Executor,
  organizationId: string,
  asOf: string,
): Promise<OrganizationEvidence> {
  const [[organization], personRows, passRows, revenueRows] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, market: organizations.market })
      .from(organizations)
      .where(eq(organizations.id, organizationId)),
    db
      .select({ id: people.id, name: people.name, leftOn: people.leftOn })
      .from(people)
      .where(eq(people.organizationId, organizationId))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ id: examPasses.id, personId: examPasses.personId, code: examPasses.examCode, passedOn: examPasses.passedOn })
      .from(examPasses)
      .where(eq(examPasses.organizationId, organizationId))
      .orderBy(asc(examPasses.passedOn), asc(examPasses.id)),
    db
      .select({
        id: revenueLines.id,
        customer: revenueLines.customerName,
        product: revenueLines.product,
        amountCents: revenueLines.amountCents,
        bookedOn: revenueLines.bookedOn,
        dporAssociated: revenueLines.dporAssociated,
      })
      .from(revenueLines)
      .where(eq(revenueLines.organizationId, organizationId))
      .orderBy(asc(revenueLines.bookedOn), asc(revenueLines.id)),
  ]);
  if (!organization) throw new NotFoundError("organization");

  const examsByPerson = new Map<string, EvaluationInput["people"][number]["exams"]>();
  for (const { personId, ...pass } of passRows) {
    const list = examsByPerson.get(personId) ?? [];
    list.push(pass);
    examsByPerson.set(personId, list);
  }

  return {
    organization,
    input: {
      competency: "cloud-crm",
      asOf,
      market: organization.market as EvaluationInput["market"],
      people: personRows.map((person) => ({ ...person, exams: examsByPerson.get(person.id) ?? [] })),
      revenue: revenueRows,
    },
  };
}
