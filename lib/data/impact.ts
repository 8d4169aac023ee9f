import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import { type HypotheticalChange, type Impact, impactOf, tierRank } from "@/lib/rules";
import { NotFoundError } from "./errors";
import { loadEvidence } from "./evidence";
import { definitionOn, publishedProgram } from "./program";

/**
 * What a change to an organization's evidence would do, evaluated on `today` and forecast a
 * year ahead, before anything is written: the action asks before a change that drops a tier.
 */
export async function impactOfChange(
  db: Executor,
  organizationId: string,
  change: HypotheticalChange,
  today: string,
): Promise<Impact & { organizationName: string }> {
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name, market: organizations.market })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError("organization");
  const [input, { program }] = await Promise.all([loadEvidence(db, organization, today), publishedProgram(db)]);
  return { ...impactOf(input, change, definitionOn(program, today)), organizationName: organization.name };
}

/** A change's drop of the tier, when it drops one: what the partner is asked to confirm first. */
export interface TierDrop {
  organizationName: string;
  before: string;
  after: string;
  on: string;
}

export async function tierDrop(db: Executor, organizationId: string, change: HypotheticalChange, today: string): Promise<TierDrop | null> {
  const impact = await impactOfChange(db, organizationId, change, today);
  const first = impact.firstDifference;
  if (!first || tierRank(first.after) >= tierRank(first.before)) return null;
  return { organizationName: impact.organizationName, ...first };
}
