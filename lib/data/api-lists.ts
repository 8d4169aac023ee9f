import "server-only";
import { and, asc, eq, gt, gte, lte, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, people, revenueLines } from "@/db/schema";
import { today } from "@/lib/clock";
import { containsText } from "./contains";
import { goneBy, presentOn } from "./people";

/**
 * The organization's records a page at a time, for the API: in id order, each page starting
 * after the last id of the one before (a cursor), so that a page costs the same at any depth.
 */

interface Page {
  cursor?: string;
  limit: number;
}

async function pageAfter<T extends { id: string }>(rows: Promise<T[]>, limit: number): Promise<{ items: T[]; next: string | null }> {
  const found = await rows;
  const items = found.slice(0, limit);
  return { items, next: found.length > limit ? items[items.length - 1].id : null };
}

export function pageOfPeople(
  db: Executor,
  organizationId: string,
  { cursor, limit, status, q }: Page & { status: "current" | "left" | "all"; q?: string },
) {
  const conditions: (SQL | undefined)[] = [eq(people.organizationId, organizationId), cursor ? gt(people.id, cursor) : undefined];
  if (status === "current") conditions.push(presentOn(today()));
  if (status === "left") conditions.push(goneBy(today()));
  if (q) conditions.push(containsText(q, people.name, people.email, people.mcid));
  return pageAfter(
    db
      .select()
      .from(people)
      .where(and(...conditions))
      .orderBy(asc(people.id))
      .limit(limit + 1),
    limit,
  );
}

export function pageOfExamPasses(
  db: Executor,
  organizationId: string,
  { cursor, limit, personId, code }: Page & { personId?: string; code?: string },
) {
  return pageAfter(
    db
      .select()
      .from(examPasses)
      .where(
        and(
          eq(examPasses.organizationId, organizationId),
          cursor ? gt(examPasses.id, cursor) : undefined,
          personId ? eq(examPasses.personId, personId) : undefined,
          code ? eq(examPasses.examCode, code.toUpperCase()) : undefined,
        ),
      )
      .orderBy(asc(examPasses.id))
      .limit(limit + 1),
    limit,
  );
}

export function pageOfRevenueLines(
  db: Executor,
  organizationId: string,
  { cursor, limit, bookedFrom, bookedTo }: Page & { bookedFrom?: string; bookedTo?: string },
) {
  return pageAfter(
    db
      .select()
      .from(revenueLines)
      .where(
        and(
          eq(revenueLines.organizationId, organizationId),
          cursor ? gt(revenueLines.id, cursor) : undefined,
          bookedFrom ? gte(revenueLines.bookedOn, bookedFrom) : undefined,
          bookedTo ? lte(revenueLines.bookedOn, bookedTo) : undefined,
        ),
      )
      .orderBy(asc(revenueLines.id))
      .limit(limit + 1),
    limit,
  );
}

/** The natural keys an upsert finds a record by: an MCID, a person's exam on a day, an invoice reference. */
export async function personIdByMcid(db: Executor, organizationId: string, mcid: string): Promise<string | null> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.mcid, mcid)));
  return row?.id ?? null;
}

export async function examPassByKey(db: Executor, organizationId: string, key: { personId: string; code: string; passedOn: string }) {
  const [row] = await db
    .select()
    .from(examPasses)
    .where(
      and(
        eq(examPasses.organizationId, organizationId),
        eq(examPasses.personId, key.personId),
        eq(examPasses.examCode, key.code),
        eq(examPasses.passedOn, key.passedOn),
      ),
    );
  return row ?? null;
}

export async function revenueLineIdByReference(db: Executor, organizationId: string, reference: string): Promise<string | null> {
  const [row] = await db
    .select({ id: revenueLines.id })
    .from(revenueLines)
    .where(and(eq(revenueLines.organizationId, organizationId), eq(revenueLines.reference, reference)));
  return row?.id ?? null;
}
