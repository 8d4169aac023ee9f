import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import { type HypotheticalChange, type Impact, impactOf } from "@/lib/rules";
import { NotFoundError } from "./errors";
import { loadEvidence } from "./evidence";

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
  const input = await loadEvidence(db, organization, today);
  return { ...impactOf(input, change), organizationName: organization.name };
}
