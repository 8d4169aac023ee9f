import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, userSessions } from "@/db/schema";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-lifetime";
import { recordAudit } from "./audit";

/** Why a session ended, as stored and audited. */
export type SessionEnd = "signed_out" | "signed_out_everywhere" | "access_turned_off" | "password_changed";

/** Opens the session of a sign-in and answers its id, which the session cookie carries. */
export async function startSession(db: Executor, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row.id;
}

/** Ends one session (signing out), with its audit event; call it in a transaction. Ending an ended session changes nothing. */
export async function endSession(
  tx: Executor,
  { userId, sessionId, organizationId }: { userId: string; sessionId: string; organizationId: string | null },
): Promise<void> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: sql`now()`, endedBecause: "signed_out" satisfies SessionEnd })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  if (ended.length === 0) return;
  await recordAudit(tx, {
    organizationId,
    actorUserId: userId,
    action: "auth.sign_out",
    entityType: "user",
    entityId: userId,
  });
}

/**
 * Ends every open session of `userId`, audited with the reason and the number ended. Call it in the transaction of the change
 * that ends them (access off, a new password), so both happen or neither does.
 */
export async function endAllSessions(
  tx: Executor,
  {
    userId,
    because,
    actorUserId,
    organizationId,
  }: {
    userId: string;
    because: Exclude<SessionEnd, "signed_out">;
    actorUserId: string | null;
    organizationId: string | null;
  },
): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: sql`now()`, endedBecause: because })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  await recordAudit(tx, {
    organizationId,
    actorUserId,
    action: "auth.sessions_ended",
    entityType: "user",
    entityId: userId,
    after: { because, sessions: ended.length },
  });
  return ended.length;
}

/** Whether `sessionId` is an open session of the active user `userId`. */
export function openSessionOf(userId: string, sessionId: string) {
  return and(
    eq(users.id, userId),
    eq(users.disabled, false),
    sql`exists (select 1 from ${userSessions} where ${userSessions.id} = ${sessionId} and ${userSessions.userId} = ${users.id} and ${userSessions.endedAt} is null)`,
  );
}

/** How long a session's row is kept once it can no longer be used, for the account page and audits. */
export const endedSessionKeepDays = 30;

/**
 * Deletes the rows of sessions that ended, or outlived their working day, more than
 * `endedSessionKeepDays` ago: the table holds what can still be used and the recent past.
 */
export async function pruneEndedSessions(db: Executor, now: Date = new Date()): Promise<{ deleted: number }> {
  const keptSince = new Date(now.getTime() - endedSessionKeepDays * 24 * 60 * 60 * 1000);
  const startedBefore = new Date(keptSince.getTime() - sessionMaxAgeSeconds * 1000);
  const deleted = await db
    .delete(userSessions)
    .where(or(lt(userSessions.endedAt, keptSince), and(isNull(userSessions.endedAt), lt(userSessions.startedAt, startedBefore))))
    .returning({ id: userSessions.id });
  return { deleted: deleted.length };
}
