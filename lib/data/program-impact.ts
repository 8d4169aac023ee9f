import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { notifications, organizations, people, programImpactRuns, programVersions, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { type CalendarDate, type ProgramImpact, programImpact, sameDateYearsLater, type VersionedProgram } from "@/lib/rules";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { evidenceOfAll } from "./evidence";
import { PROGRAM_ID, publishedProgram, storedVersion } from "./program";

/** One organization whose tier the draft changes, as the impact page and the notifications show it. */
export interface ImpactedOrganization extends ProgramImpact {
  organizationId: string;
  name: string;
  /** Names of the people the causes cite, by id. */
  personNames: Record<string, string>;
}

/** A run's progress is saved each time this many more organizations are evaluated. */
const PROGRESS_EVERY = 100;

/** The published program with the draft added in its place: the later published versions stay after it. */
export function programWithDraft(published: VersionedProgram, draft: VersionedProgram["versions"][number]): VersionedProgram {
  const versions = [
    ...published.versions.filter((version) => version.effectiveFrom === null || version.effectiveFrom < draft.effectiveFrom!),
    draft,
  ];
  versions.push(...published.versions.filter((version) => version.effectiveFrom !== null && version.effectiveFrom > draft.effectiveFrom!));
  return { id: published.id, versions };
}

/** A program administrator asks for the draft's impact on every organization; the run is a job (`runImpact`). */
export async function startImpactRun(db: Database, user: SessionUser, draftId: string, today: CalendarDate) {
  requireRole(user, ["program_admin"]);
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ id: programVersions.id, version: programVersions.version, status: programVersions.status })
      .from(programVersions)
      .where(and(eq(programVersions.id, draftId), eq(programVersions.programId, PROGRAM_ID)));
    if (!draft || draft.status !== "draft") throw new NotFoundError("draft");
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(organizations);
    const [run] = await tx
      .insert(programImpactRuns)
      .values({ programVersionId: draft.id, draftVersion: draft.version, asOf: today, organizationsTotal: count, requestedBy: user.id })
      .returning();
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: user.id,
      action: "program.impact_requested",
      entityType: "program_version",
      entityId: draft.id,
      after: { run: run.id, draftVersion: draft.version },
    });
    return run;
  });
}

/**
 * Evaluates every organization under the published program and under the draft, a batch at
 * a time, saving the progress after each; the organizations the draft changes are the result.
 */
export async function runImpact(db: Executor, runId: string): Promise<{ impacted: number }> {
  const [run] = await db.select().from(programImpactRuns).where(eq(programImpactRuns.id, runId));
  if (!run) throw new NotFoundError("impact run");
  if (run.status !== "running") return { impacted: ((run.result as ImpactedOrganization[] | null) ?? []).length };
  const [draftRow] = await db.select().from(programVersions).where(eq(programVersions.id, run.programVersionId));
  if (!draftRow || draftRow.status !== "draft") throw new NotFoundError("draft");
  try {
    const { program } = await publishedProgram(db);
    const draftVersion = storedVersion(draftRow);
    const withDraft = programWithDraft(program, draftVersion);
    const until = sameDateYearsLater(run.asOf, 1);
    const impacted: (ProgramImpact & { organizationId: string; name: string })[] = [];
    let done = 0;
    for await (const { id, name, input } of evidenceOfAll(db, run.asOf)) {
      const impact = programImpact(input, program, withDraft, until, draftVersion.effectiveFrom ?? undefined);
      if (impact) impacted.push({ organizationId: id, name, ...impact });
      done += 1;
      if (done % PROGRESS_EVERY === 0)
        await db.update(programImpactRuns).set({ organizationsDone: done }).where(eq(programImpactRuns.id, run.id));
    }
    impacted.sort((a, b) => a.name.localeCompare(b.name));
    const result = await withPersonNames(db, impacted);
    await db
      .update(programImpactRuns)
      .set({
        status: "done",
        organizationsDone: done,
        organizationsTotal: Math.max(done, run.organizationsTotal),
        result,
        finishedAt: new Date(),
      })
      .where(eq(programImpactRuns.id, run.id));
    return { impacted: impacted.length };
  } catch (error) {
    await db
      .update(programImpactRuns)
      .set({ status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() })
      .where(eq(programImpactRuns.id, run.id));
    throw error;
  }
}

/** The impacted organizations with the names of the people their causes cite, read for those people only. */
async function withPersonNames(
  db: Executor,
  impacted: readonly (ProgramImpact & { organizationId: string; name: string })[],
): Promise<ImpactedOrganization[]> {
  const cited = (impact: ProgramImpact) =>
    impact.differences.flatMap((difference) =>
      [...difference.cause.rolesLost, ...difference.cause.rolesGained].map((role) => role.personId),
    );
  const ids = [...new Set(impacted.flatMap(cited))];
  const names = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.id, ids.slice(start, start + 1000)));
    for (const row of rows) names.set(row.id, row.name);
  }
  return impacted.map((organization) => ({
    ...organization,
    personNames: Object.fromEntries(cited(organization).map((id) => [id, names.get(id) ?? id])),
  }));
}

/** What a partner admin is told of a published version that changes their organization's tier. */
export interface ProgramChangeNotice {
  versionId: string;
  effectiveFrom: string | null;
  differences: ImpactedOrganization["differences"];
  personNames: Record<string, string>;
}

/** Tells the partner admins of each impacted organization, in the publication's transaction; returns how many organizations. */
export async function notifyImpacted(tx: Executor, versionRowId: string, result: unknown): Promise<number> {
  const impacted = (result as ImpactedOrganization[] | null) ?? [];
  if (impacted.length === 0) return 0;
  const [version] = await tx
    .select({ versionId: programVersions.versionId, effectiveFrom: programVersions.effectiveFrom })
    .from(programVersions)
    .where(eq(programVersions.id, versionRowId));
  if (!version) throw new ConflictError("no such version");
  const byOrganization = new Map(impacted.map((organization) => [organization.organizationId, organization]));
  const admins = await tx
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.role, "partner_admin"), eq(users.disabled, false), inArray(users.organizationId, [...byOrganization.keys()])));
  if (admins.length > 0) {
    await tx.insert(notifications).values(
      admins.map((admin) => {
        const organization = byOrganization.get(admin.organizationId!)!;
        const detail: ProgramChangeNotice = {
          versionId: version.versionId,
          effectiveFrom: version.effectiveFrom,
          differences: organization.differences,
          personNames: organization.personNames,
        };
        return { userId: admin.id, kind: "program.published" as const, programVersionId: versionRowId, detail };
      }),
    );
  }
  return byOrganization.size;
}

/** The run's progress and, once done, one page of the organizations it changes. */
export async function impactRunPage(db: Executor, user: SessionUser, draftId: string, page: number, pageSize = 25) {
  requireRole(user, ["program_admin"]);
  const [run] = await db
    .select({
      id: programImpactRuns.id,
      draftVersion: programImpactRuns.draftVersion,
      asOf: programImpactRuns.asOf,
      status: programImpactRuns.status,
      organizationsTotal: programImpactRuns.organizationsTotal,
      organizationsDone: programImpactRuns.organizationsDone,
      error: programImpactRuns.error,
      impactedCount: sql<number>`coalesce(jsonb_array_length(${programImpactRuns.result}), 0)::int`,
      impacted: sql<
        ImpactedOrganization[]
      >`coalesce((select jsonb_agg(item order by ordinality) from jsonb_array_elements(${programImpactRuns.result}) with ordinality as items(item, ordinality)
        where ordinality > ${(page - 1) * pageSize} and ordinality <= ${page * pageSize}), '[]'::jsonb)`,
    })
    .from(programImpactRuns)
    .where(eq(programImpactRuns.programVersionId, draftId))
    .orderBy(sql`${programImpactRuns.createdAt} desc`)
    .limit(1);
  return run ?? null;
}

export type ImpactRun = NonNullable<Awaited<ReturnType<typeof impactRunPage>>>;
