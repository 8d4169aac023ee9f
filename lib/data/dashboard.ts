import "server-only";
import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import { explain, forecast, type Locale, revenueHistory } from "@/lib/rules";
import { NotFoundError } from "./errors";
import { loadOrganizationEvidence } from "./evidence";

async function computeDashboard(db: Executor, organizationId: string, asOf: string, locale: Locale) {
  const { organization, input } = await loadOrganizationEvidence(db, organizationId, asOf);
  const explanation = explain(input, { locale });
  return {
    organization,
    asOf,
    evaluation: explanation.evaluation,
    explanation: explanation.tiers,
    forecast: forecast(input),
    history: revenueHistory(input),
    personNames: Object.fromEntries(input.people.map((person) => [person.id, person.name ?? person.id])),
  };
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/**
 * Evaluations by organization, evidence revision, day and language. The revision moves (by
 * trigger) with every change to people, passes or revenue, so an entry is never stale: a
 * changed organization simply asks for a key that is not there yet.
 */
const computed = new LRUCache<string, Dashboard>({ max: 500 });

/**
 * What the dashboard shows for one organization on one day. The figures are all the rules
 * library's; this function gathers the evidence, asks, and remembers the answer.
 */
export async function loadDashboard(db: Executor, organizationId: string, asOf: string, locale: Locale): Promise<Dashboard> {
  const [current] = await db
    .select({ revision: organizations.evidenceRevision, version: organizations.version })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!current) throw new NotFoundError("organization");
  const key = [organizationId, current.revision, current.version, asOf, locale].join("|");
  const cached = computed.get(key);
  if (cached) return cached;
  const dashboard = await computeDashboard(db, organizationId, asOf, locale);
  computed.set(key, dashboard);
  return dashboard;
}
