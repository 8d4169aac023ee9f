import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { programImpactRuns, programVersions, type ProgramVersionRow } from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  type CalendarDate,
  definitionChanges,
  definitionFileOf,
  type DefinitionFileJson,
  parseProgramDefinition,
  type VersionedProgram,
  versionInForce,
} from "@/lib/rules";
import { recordAudit } from "./audit";
import { violatedUniqueConstraint } from "./constraints";
import { ConflictError, NotFoundError } from "./errors";
import { PROGRAM_ID, publishedProgram, storedVersion } from "./program";

/** A draft that breaks a rule of the format: each problem at its JSON path (`definition.tiers[1].slots.customization`). */
export class InvalidDraftError extends Error {
  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`invalid draft: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ")}`);
    this.name = "InvalidDraftError";
  }
}

/** At most this many versions are kept: the contract's limit of a program file. */
const MAX_VERSIONS = 50;

const listed = {
  id: programVersions.id,
  versionId: programVersions.versionId,
  effectiveFrom: programVersions.effectiveFrom,
  note: programVersions.note,
  status: programVersions.status,
  publishedAt: programVersions.publishedAt,
  withdrawnAt: programVersions.withdrawnAt,
  version: programVersions.version,
};

/** Every version of the program, the latest first: the staff's list (bounded by the contract's limit). */
export async function listProgramVersions(db: Executor, user: SessionUser) {
  requireRole(user, ["program_admin", "reviewer"]);
  return db
    .select(listed)
    .from(programVersions)
    .where(eq(programVersions.programId, PROGRAM_ID))
    .orderBy(
      desc(sql`${programVersions.status} = 'draft'`),
      sql`${programVersions.effectiveFrom} desc nulls last`,
      desc(programVersions.createdAt),
    )
    .limit(MAX_VERSIONS + 1);
}

/** One version with its definition in the file's JSON; a draft only to program administrators. */
export async function getProgramVersion(db: Executor, user: SessionUser, id: string) {
  requireRole(user, ["program_admin", "reviewer"]);
  const [row] = await db
    .select()
    .from(programVersions)
    .where(and(eq(programVersions.id, id), eq(programVersions.programId, PROGRAM_ID)));
  if (!row || (row.status === "draft" && user.role !== "program_admin")) throw new NotFoundError("program version");
  return { ...row, definition: row.definition as DefinitionFileJson };
}

async function currentDraft(db: Executor): Promise<ProgramVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(programVersions)
    .where(and(eq(programVersions.programId, PROGRAM_ID), eq(programVersions.status, "draft")));
  return row;
}

export interface DraftSettings {
  versionId: string;
  effectiveFrom: CalendarDate;
  note: string;
}

/** A version starts after today (what was in force stays as it was) and after every published one. */
function checkStart(program: VersionedProgram, effectiveFrom: CalendarDate, today: CalendarDate) {
  if (effectiveFrom <= today) throw new InvalidDraftError([{ path: "effectiveFrom", message: "program.errors.startInPast" }]);
  const latest = program.versions.at(-1)?.effectiveFrom;
  if (latest && effectiveFrom <= latest) {
    throw new InvalidDraftError([{ path: "effectiveFrom", message: "program.errors.startBeforeLatest" }]);
  }
}

/** A program administrator starts the one draft, as a copy of the latest published version. */
export async function startDraft(db: Database, user: SessionUser, settings: DraftSettings, today: CalendarDate) {
  requireRole(user, ["program_admin"]);
  return db.transaction(async (tx) => {
    if (await currentDraft(tx)) throw new ConflictError("a draft exists", { messageKey: "program.errors.draftExists" });
    const { program } = await publishedProgram(tx);
    checkStart(program, settings.effectiveFrom, today);
    const latest = program.versions[program.versions.length - 1];
    try {
      const [row] = await tx
        .insert(programVersions)
        .values({
          programId: PROGRAM_ID,
          ...settings,
          definition: definitionFileOf(latest.definition),
          status: "draft",
          createdBy: user.id,
        })
        .returning();
      await recordAudit(tx, {
        organizationId: null,
        actorUserId: user.id,
        action: "program.draft_started",
        entityType: "program_version",
        entityId: row.id,
        after: { ...settings, from: latest.id },
      });
      return row;
    } catch (error) {
      if (violatedUniqueConstraint(error) === "program_versions_version_id") {
        throw new ConflictError("version id taken", { messageKey: "program.errors.versionIdTaken", field: "versionId" });
      }
      throw error;
    }
  });
}

/** A draft's new content: its settings and its definition in the file's JSON, checked with the contract's rules. */
export interface DraftContent extends DraftSettings {
  id: string;
  version: number;
  definition: unknown;
}

/** Saves a change to the draft: all of it or, when any rule fails, nothing. */
export async function saveDraft(db: Database, user: SessionUser, content: DraftContent, today: CalendarDate) {
  requireRole(user, ["program_admin"]);
  const parsed = parseProgramDefinition(content.definition, PROGRAM_ID, ["definition"]);
  if (!parsed.ok) throw new InvalidDraftError(parsed.errors.map(splitProblem));
  return db.transaction(async (tx) => {
    const draft = await lockedDraft(tx, content.id, content.version);
    const { program } = await publishedProgram(tx);
    checkStart(program, content.effectiveFrom, today);
    const definition = definitionFileOf(parsed.value);
    try {
      const [row] = await tx
        .update(programVersions)
        .set({
          versionId: content.versionId,
          effectiveFrom: content.effectiveFrom,
          note: content.note,
          definition,
          version: sql`${programVersions.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(programVersions.id, draft.id))
        .returning();
      await recordAudit(tx, {
        organizationId: null,
        actorUserId: user.id,
        action: "program.draft_saved",
        entityType: "program_version",
        entityId: draft.id,
        after: {
          versionId: content.versionId,
          effectiveFrom: content.effectiveFrom,
          changes: definitionChanges(draft.definition as DefinitionFileJson, definition),
        },
      });
      return row;
    } catch (error) {
      if (violatedUniqueConstraint(error) === "program_versions_version_id") {
        throw new ConflictError("version id taken", { messageKey: "program.errors.versionIdTaken", field: "versionId" });
      }
      throw error;
    }
  });
}

/** `definition.tiers[0].slots.gold: not a whole number` as its path and its message. */
function splitProblem(line: string) {
  const at = line.indexOf(": ");
  return { path: line.slice(0, at), message: line.slice(at + 2) };
}

async function lockedDraft(tx: Executor, id: string, version: number): Promise<ProgramVersionRow> {
  const [draft] = await tx
    .select()
    .from(programVersions)
    .where(and(eq(programVersions.id, id), eq(programVersions.programId, PROGRAM_ID)))
    .for("update");
  if (!draft || draft.status !== "draft") throw new NotFoundError("draft");
  if (draft.version !== version) throw new ConflictError("the draft changed", { messageKey: "program.errors.draftChanged" });
  return draft;
}

/** Throws the draft away; nothing of it was ever in force. */
export async function discardDraft(db: Database, user: SessionUser, { id, version }: { id: string; version: number }) {
  requireRole(user, ["program_admin"]);
  await db.transaction(async (tx) => {
    const draft = await lockedDraft(tx, id, version);
    await tx.delete(programVersions).where(eq(programVersions.id, draft.id));
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: user.id,
      action: "program.draft_discarded",
      entityType: "program_version",
      entityId: draft.id,
      before: { versionId: draft.versionId, effectiveFrom: draft.effectiveFrom },
    });
  });
}

/** The draft's latest impact run: `draftVersion` says whether it is of the content as it stands. */
export async function latestImpactRun(db: Executor, draft: { id: string; version: number }) {
  const [run] = await db
    .select()
    .from(programImpactRuns)
    .where(eq(programImpactRuns.programVersionId, draft.id))
    .orderBy(desc(programImpactRuns.createdAt))
    .limit(1);
  return run ?? null;
}

/**
 * Publishes the draft: from then on it is in force from its date and never changes. Its
 * impact must have been computed on its current content, on this day; the partner admins
 * of the organizations it changes are told in the same transaction (`notify`).
 */
export async function publishDraft(
  db: Database,
  user: SessionUser,
  { id, version }: { id: string; version: number },
  today: CalendarDate,
  notify: (tx: Executor, versionRowId: string, impacted: unknown) => Promise<number>,
) {
  requireRole(user, ["program_admin"]);
  return db.transaction(async (tx) => {
    const draft = await lockedDraft(tx, id, version);
    const { program } = await publishedProgram(tx);
    checkStart(program, draft.effectiveFrom ?? today, today);
    storedVersion(draft);
    const run = await latestImpactRun(tx, draft);
    if (!run || run.status !== "done" || run.draftVersion !== draft.version || run.asOf !== today) {
      throw new ConflictError("impact not computed", { messageKey: "program.errors.impactFirst" });
    }
    const latest = program.versions[program.versions.length - 1];
    const [row] = await tx
      .update(programVersions)
      .set({ status: "published", publishedAt: new Date(), publishedBy: user.id, updatedAt: new Date() })
      .where(eq(programVersions.id, draft.id))
      .returning();
    const notified = await notify(tx, row.id, run.result);
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: user.id,
      action: "program.version_published",
      entityType: "program_version",
      entityId: row.id,
      after: {
        versionId: row.versionId,
        effectiveFrom: row.effectiveFrom,
        follows: latest.id,
        changes: definitionChanges(definitionFileOf(latest.definition), row.definition as DefinitionFileJson),
        organizationsNotified: notified,
      },
    });
    return row;
  });
}

/** A published version not in force yet can be withdrawn; one in force never changes. */
export async function withdrawVersion(db: Database, user: SessionUser, { id }: { id: string }, today: CalendarDate) {
  requireRole(user, ["program_admin"]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(programVersions)
      .where(and(eq(programVersions.id, id), eq(programVersions.programId, PROGRAM_ID)))
      .for("update");
    if (!row || row.status !== "published") throw new NotFoundError("published version");
    const { program } = await publishedProgram(tx);
    if (row.effectiveFrom === null || versionInForce(program, today).id === row.versionId || row.effectiveFrom <= today) {
      throw new ConflictError("version in force", { messageKey: "program.errors.inForce" });
    }
    await tx
      .update(programVersions)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnBy: user.id, updatedAt: new Date() })
      .where(eq(programVersions.id, row.id));
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: user.id,
      action: "program.version_withdrawn",
      entityType: "program_version",
      entityId: row.id,
      before: { versionId: row.versionId, effectiveFrom: row.effectiveFrom },
    });
  });
}
