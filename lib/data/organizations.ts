import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, people, revenueLines } from "@/db/schema";
import type { Market } from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

export interface PartnerOrganizationSummary {
  id: string;
  name: string;
  mpnId: string;
  market: Market;
  peopleCount: number;
  revenueLineCount: number;
}

/**
 * Every partner organization with the size of its records: a reviewer's view across
 * tenants, so it asks for the reviewer rather than an organization id.
 */
export async function listPartnerOrganizations(db: Executor, reviewer: SessionUser): Promise<PartnerOrganizationSummary[]> {
  requireRole(reviewer, ["reviewer"]);
  const peopleCounts = db
    .select({ organizationId: people.organizationId, n: sql<number>`count(*)::int`.as("people_n") })
    .from(people)
    .groupBy(people.organizationId)
    .as("people_counts");
  const revenueCounts = db
    .select({ organizationId: revenueLines.organizationId, n: sql<number>`count(*)::int`.as("revenue_n") })
    .from(revenueLines)
    .groupBy(revenueLines.organizationId)
    .as("revenue_counts");
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      mpnId: organizations.mpnId,
      market: organizations.market,
      peopleCount: sql<number>`coalesce(${peopleCounts.n}, 0)`,
      revenueLineCount: sql<number>`coalesce(${revenueCounts.n}, 0)`,
    })
    .from(organizations)
    .leftJoin(peopleCounts, eq(peopleCounts.organizationId, organizations.id))
    .leftJoin(revenueCounts, eq(revenueCounts.organizationId, organizations.id))
    .orderBy(asc(organizations.name), asc(organizations.id));
  return rows.map((row) => ({ ...row, market: row.market as Market }));
}
