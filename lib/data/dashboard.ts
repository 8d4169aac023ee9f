import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appConnection, type Executor } from "@/db/client";
import { awards, openSubmissionStatuses, organizations, programVersions, submissions, type SubmissionStatus } from "@/db/schema";
import {
  type Award,
  awardInForce,
  type Evaluation,
  type EvaluationInput,
  evaluate,
  explain,
  forecastAcross,
  lastLapsedAward,
  type Locale,
  revenueHistory,
  tierRank,
  tierRisk,
  type TierExplanation,
  type ProgramDefinition,
} from "@/lib/rules";
import { NotFoundError } from "./errors";
import { loadEvidenceAndRejections } from "./evidence";
import { definitionOn, PROGRAM_ID, programOfKey } from "./program";

interface OrganizationStatus {
  id: string;
  name: string;
  market: string;
  revision: number;
  version: number;
  program: string;
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

/** The key of the published program (`PublishedProgram.key`), for the enclosing query. */
function publishedProgramKey() {
  return sql`select string_agg(${programVersions.id}::text, ',' order by ${programVersions.effectiveFrom} asc nulls first) from ${programVersions}
    where ${programVersions.programId} = ${PROGRAM_ID} and ${programVersions.status} = 'published'`;
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
      program: sql<string>`(${publishedProgramKey()})`,
      awards: sql<Award[]>`(${awardsOf(db)})`,
      openSubmission: sql<OrganizationStatus["openSubmission"]>`(${openSubmissionOf(db)})`,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw new NotFoundError("organization");
  return row;
}

/** What the evaluation of an organization's evidence depends on: the key of its cached results. */
export interface EvaluationKey {
  id: string;
  market: string;
  /** Moves (by trigger) with every change to people, passes or revenue. */
  revision: number;
  version: number;
  /** The published program's versions: publishing or withdrawing one changes every key. */
  program: string;
}

/**
 * The rules library's evaluation, forecast and revenue history of an organization's evidence
 * on `asOf`, cached by Next.js ('use cache') under its arguments. The evidence revision is
 * one of them and is read from the database on every request, so an entry is never stale: a
 * changed organization asks for a key that is not there yet, on every instance. The evidence
 * is read through the application's connection, as a cached function takes only values.
 */
export async function dashboardEvaluation(organization: EvaluationKey, asOf: string, locale: Locale) {
  "use cache";
  const { db } = await appConnection();
  const [{ input, rejected }, { program }] = await Promise.all([
    loadEvidenceAndRejections(db, organization, asOf),
    programOfKey(db, organization.program),
  ]);
  const definition = definitionOn(program, asOf);
  const explanation = explain(input, { locale, definition });
  const upcoming = forecastAcross(input, program);
  return {
    asOf,
    evaluation: explanation.evaluation,
    explanation: explanation.tiers.map(boundedExplanation),
    forecast: upcoming,
    history: revenueHistory(input, { definition }),
    risk: tierRisk(input, explanation.evaluation, upcoming, definition),
    accepted: acceptedStanding(input, rejected, explanation.evaluation, definition),
    personNames: Object.fromEntries(input.people.map((person) => [person.id, person.name ?? person.id])),
  };
}

/** At most this many notes (records that do not count) under a tier's "Why": the rest are counted. */
export const explanationNotesShown = 10;

/**
 * A tier's explanation as the dashboard shows it: every requirement, the first notes about
 * records that do not count and how many more there are (one per pass of a large
 * organization on an earlier date), without the ids the reasons rest on.
 */
function boundedExplanation({ tier, met, summary, reasons }: TierExplanation) {
  let notes = 0;
  const shown = reasons.flatMap(({ kind, status, text }) => {
    if (status === "note" && ++notes > explanationNotesShown) return [];
    return [{ kind, status, text }];
  });
  return { tier, met, summary, reasons: shown, moreNotes: Math.max(0, notes - explanationNotesShown) };
}

/**
 * The tier and counted revenue on the evidence the program has not rejected, when they fall
 * short of the recorded evidence's: "Recorded: Gold, $210,000. Accepted by the program:
 * Silver, $150,000." Null when nothing rejected changes the standing.
 */
function acceptedStanding(input: EvaluationInput, rejected: ReadonlySet<string>, recorded: Evaluation, definition: ProgramDefinition) {
  if (rejected.size === 0) return null;
  const accepted = evaluate(
    {
      ...input,
      people: input.people.map((person) => ({ ...person, exams: person.exams.filter((pass) => !pass.id || !rejected.has(pass.id)) })),
      revenue: input.revenue.filter((line) => !rejected.has(line.id)),
    },
    definition,
  );
  if (tierRank(accepted.tier, definition) >= tierRank(recorded.tier, definition) && accepted.revenue.totalUsd >= recorded.revenue.totalUsd)
    return null;
  return {
    tier: accepted.tier,
    totalUsd: accepted.revenue.totalUsd,
    recordedTier: recorded.tier,
    recordedTotalUsd: recorded.revenue.totalUsd,
  };
}

/** What the dashboard's components show: the evaluation of one organization on one day. */
export type Dashboard = Awaited<ReturnType<typeof dashboardEvaluation>>;

/**
 * The tier met on `asOf` and whether each tier is met: the few facts the page's frame and the
 * application offer need, cached apart so that they are read without the whole evaluation.
 */
export async function tierStanding(organization: EvaluationKey, asOf: string, locale: Locale) {
  "use cache";
  const { evaluation } = await dashboardEvaluation(organization, asOf, locale);
  return {
    tier: evaluation.tier,
    tiers: Object.fromEntries(Object.entries(evaluation.tiers).map(([tier, status]) => [tier, { met: status.met }])),
  };
}

/**
 * The organization as its dashboard frames it, in one query: its name, the key of its
 * evaluation, the award in force on `today` and its open application.
 */
export async function dashboardStatus(db: Executor, organizationId: string, today: string) {
  const { awards: granted, openSubmission, ...identity } = await organizationStatus(db, organizationId);
  const key: EvaluationKey = {
    id: identity.id,
    market: identity.market,
    revision: identity.revision,
    version: identity.version,
    program: identity.program,
  };
  return { organization: identity, key, award: awardInForce(granted, today), lapsed: lastLapsedAward(granted, today), openSubmission };
}

/**
 * Everything the dashboard knows of one organization on one day: its status and evaluation.
 * The figures are all the rules library's.
 */
export async function loadDashboard(
  db: Executor,
  organizationId: string,
  { asOf, today, locale }: { asOf: string; today: string; locale: Locale },
) {
  const status = await dashboardStatus(db, organizationId, today);
  return { ...status, ...(await dashboardEvaluation(status.key, asOf, locale)) };
}
