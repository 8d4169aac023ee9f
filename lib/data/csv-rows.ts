import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, people, revenueLines } from "@/db/schema";
import type { StoredExamPass } from "@/lib/csv/tables/exam-passes";
import type { StoredPerson } from "@/lib/csv/tables/people";
import type { StoredRevenueLine } from "@/lib/csv/tables/revenue";

/**
 * The organization's rows of each importable table, in the columns a CSV file holds: what
 * an export writes and what an import compares its rows with. One query each.
 */
export function storedPeople(db: Executor, organizationId: string): Promise<StoredPerson[]> {
  return db
    .select({ id: people.id, version: people.version, name: people.name, email: people.email, mcid: people.mcid, leftOn: people.leftOn })
    .from(people)
    .where(eq(people.organizationId, organizationId))
    .orderBy(asc(people.name), asc(people.id));
}

export function storedExamPasses(db: Executor, organizationId: string): Promise<StoredExamPass[]> {
  return db
    .select({
      id: examPasses.id,
      version: examPasses.version,
      personId: examPasses.personId,
      mcid: people.mcid,
      examCode: examPasses.examCode,
      passedOn: examPasses.passedOn,
      certificationRef: examPasses.certificationRef,
    })
    .from(examPasses)
    .innerJoin(people, eq(people.id, examPasses.personId))
    .where(eq(examPasses.organizationId, organizationId))
    .orderBy(asc(people.name), asc(examPasses.passedOn), asc(examPasses.examCode));
}

/** A revenue line as stored, with the version a later update must match. */
export const storedRevenueColumns = {
  id: revenueLines.id,
  version: revenueLines.version,
  reference: revenueLines.reference,
  customerName: revenueLines.customerName,
  product: revenueLines.product,
  amountCents: revenueLines.amountCents,
  bookedOn: revenueLines.bookedOn,
  dporAssociated: revenueLines.dporAssociated,
};

export function storedRevenueLines(db: Executor, organizationId: string): Promise<StoredRevenueLine[]> {
  return db
    .select(storedRevenueColumns)
    .from(revenueLines)
    .where(eq(revenueLines.organizationId, organizationId))
    .orderBy(asc(revenueLines.bookedOn), asc(revenueLines.reference));
}
