import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, people } from "@/db/schema";
import type { ExamPassInput } from "@/lib/schemas/exams";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { violatedUniqueConstraint } from "./constraints";
import { ConflictError, NotFoundError } from "./errors";

export const examPassPageSize = 50;

/**
 * A page of the organization's exam passes with their person's name, newest first (one
 * person's if asked), and how many there are in all.
 */
export async function listExamPasses(db: Executor, organizationId: string, filter: { personId?: string; page?: number } = {}) {
  const page = filter.page ?? 1;
  const rows = await db
    .select({
      id: examPasses.id,
      version: examPasses.version,
      personId: examPasses.personId,
      personName: people.name,
      examCode: examPasses.examCode,
      passedOn: examPasses.passedOn,
      certificationRef: examPasses.certificationRef,
      verificationStatus: examPasses.verificationStatus,
      verificationReason: examPasses.verificationReason,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(examPasses)
    .innerJoin(people, eq(people.id, examPasses.personId))
    .where(and(eq(examPasses.organizationId, organizationId), filter.personId ? eq(examPasses.personId, filter.personId) : undefined))
    .orderBy(desc(examPasses.passedOn), asc(people.name), asc(examPasses.id))
    .limit(examPassPageSize)
    .offset((page - 1) * examPassPageSize);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export async function recordExamPass(db: Executor, { organizationId, actorId, tokenId }: Actor, input: ExamPassInput) {
  return db
    .transaction(async (tx) => {
      const [person] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, input.personId), eq(people.organizationId, organizationId)));
      if (!person) throw new NotFoundError("person");
      const [pass] = await tx
        .insert(examPasses)
        .values({
          organizationId,
          personId: input.personId,
          examCode: input.code,
          passedOn: input.passedOn,
          certificationRef: input.certificationRef,
          transcriptId: input.transcriptId,
          transcriptCode: input.transcriptCode,
          recordedBy: actorId,
        })
        .returning();
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        actorTokenId: tokenId,
        action: "exam_pass.recorded",
        entityType: "exam_pass",
        entityId: pass.id,
        after: pass,
      });
      return pass;
    })
    .catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === "exam_passes_person_exam_date") {
        throw new ConflictError("duplicate pass", { messageKey: "exams.errors.duplicate", field: "passedOn" });
      }
      throw error;
    });
}

/** The pass, if it belongs to the organization: for checking whose it is before acting on it. */
export async function findExamPass(db: Executor, organizationId: string, id: string) {
  const [pass] = await db
    .select()
    .from(examPasses)
    .where(and(eq(examPasses.id, id), eq(examPasses.organizationId, organizationId)));
  if (!pass) throw new NotFoundError("exam pass");
  return pass;
}

/** What can change of a recorded pass: its notes and its transcript (the person, exam and day are the pass itself). */
export interface ExamPassNotes {
  certificationRef: string | null;
  transcriptId: string | null;
  transcriptCode: string | null;
}

/**
 * Changes a pass's notes and transcript if it is still at `version`. A pass whose transcript
 * changed is no longer what the program verified: it waits for a verdict again.
 */
export async function updateExamPassNotes(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version, ...notes }: ExamPassNotes & { id: string; version: number },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(examPasses)
      .where(and(eq(examPasses.id, id), eq(examPasses.organizationId, organizationId)))
      .for("update");
    if (!before) throw new NotFoundError("exam pass");
    if (before.version !== version) throw new ConflictError("stale exam pass", { messageKey: "errors.stale" });
    const transcriptChanged = notes.transcriptId !== before.transcriptId || notes.transcriptCode !== before.transcriptCode;
    const [after] = await tx
      .update(examPasses)
      .set({
        ...notes,
        ...(transcriptChanged && { verificationStatus: "unverified", verificationReason: null, verifiedBy: null, verifiedAt: null }),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(eq(examPasses.id, id))
      .returning();
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      actorTokenId: tokenId,
      action: "exam_pass.updated",
      entityType: "exam_pass",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteExamPass(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version }: { id: string; version: number },
) {
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(examPasses)
      .where(and(eq(examPasses.id, id), eq(examPasses.organizationId, organizationId), eq(examPasses.version, version)))
      .returning();
    if (!deleted) {
      await findExamPass(tx, organizationId, id);
      throw new ConflictError("stale exam pass", { messageKey: "errors.stale" });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      actorTokenId: tokenId,
      action: "exam_pass.deleted",
      entityType: "exam_pass",
      entityId: id,
      before: deleted,
    });
  });
}
