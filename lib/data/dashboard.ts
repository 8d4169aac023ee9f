import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Executor } from "@/db/client";
import { awards, openSubmissionStatuses, organizations, submissions, type SubmissionStatus } from "@/db/schema";
import { type Award, awardInForce, explain, forecast, type Locale, revenueHistory } from "@/lib/rules";
import { NotFoundError } from "./errors";
import { loadEvidence } from "./evidence";

interface OrganizationStatus {
  id: string;
  name: string;
  market: string;
  revision: number;
  version: number;
  awards: Award[];
  openSubmission: { id: string; tier: string; status: SubmissionStatus } | null;
}

/** Every award of the organization of the enclosing query, as a JSON array (lib/rules picks the one in force). */
function awardsOf(db: Executor) {
  return db
    .select({
      awards: sql`coalesce(json_agg(json_build_object('tier', ${awards.tier}, 'awardedOn', ${awards.awardedOn}, 'anniversaryOn', ${awards.anniversaryOn}) order by ${awards.createdAt}), '[]')`,
    })
    .from(awards)
    .where(eq(awards.organizationId, organizations.id));
}

/** The open submission of the organization of the enclosing query, as JSON. */
function openSubmissionOf(db: Executor) {
  return db
    .select({ open: sql`json_build_object('id', ${submissions.id}, 'tier', ${submissions.tier}, 'status', ${submissions.status})` })
    .from(submissions)
    .where(and(eq(submissions.organizationId, organizations.id), inArray(submissions.status, openSubmissionStatuses)))
    .limit(1);
}

/**
 * The organization, its evidence revision, its awards and its open submission, in one query: the questions every dashboard view asks whatever is cached.
 */
async function organizationStatus(db: Executor, organizationId: string): Promise<OrganizationStatus> {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      market: organizations.market,
      revision: organizations.evidenceRevision,
      version: organizations.version,
      awards: sql<Award[]>`(${awardsOf(db)})`,
      openSubmission: sql<OrganizationStatus["openSubmission"]>`(${openSubmissionOf(db)})`,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw new NotFoundError("organization");
  return row;
}

async function evaluateOrganization(db: Executor, organization: OrganizationStatus, asOf: string, locale: Locale) {
  const input = await loadEvidence(db, organization, asOf);
  const explanation = explain(input, { locale });
  return {
    evaluation: explanation.evaluation,
    explanation: explanation.tiers,
    forecast: forecast(input),
    history: revenueHistory(input),
    personNames: Object.fromEntries(input.people.map((person) => [person.id, person.name ?? person.id])),
  };
}

type Evaluated = Awaited<ReturnType<typeof evaluateOrganization>>;

/**
 * Evaluations by organization, evidence revision, day and language. The revision moves (by
 * trigger) with every change to people, passes or revenue, so an entry is never stale: a
 * changed organization simply asks for a key that is not there yet.
 */
const evaluated = new LRUCache<string, Evaluated>({ max: 500 });

/**
 * What the dashboard shows for one organization on one day: one query when the evaluation
 * is remembered, three when it must be computed. The figures are all the rules library's.
 */
export async function loadDashboard(
  db: Executor,
  organizationId: string,
  { asOf, today, locale }: { asOf: string; today: string; locale: Locale },
) {
  const organization = await organizationStatus(db, organizationId);
  const key = [organization.id, organization.revision, organization.version, asOf, locale].join("|");
  let evaluation = evaluated.get(key);
  if (!evaluation) {
    evaluation = await evaluateOrganization(db, organization, asOf, locale);
    evaluated.set(key, evaluation);
  }
  const { awards: granted, openSubmission, ...identity } = organization;
  return { organization: identity, asOf, award: awardInForce(granted, today), openSubmission, ...evaluation };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
