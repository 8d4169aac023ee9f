import "server-only";
import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/** The one definition of the sign-in limits. */
export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  failuresPerEmail: 5,
  failuresPerAddress: 20,
  /** Attempts older than this are no use to any window and are pruned. */
  retentionMs: 24 * 60 * 60 * 1000,
} as const;

export interface ThrottleKey {
  /** Lower-cased. */
  email: string;
  clientAddress: string;
}

/**
 * When `limit` failures inside the window stop counting: the limit-th newest failure leaves
 * the window `windowMs` after it happened. Null when there are fewer failures than the limit.
 */
export function retryAfter(failuresNewestFirst: readonly Date[], limit: number, windowMs: number): Date | null {
  if (failuresNewestFirst.length < limit) return null;
  return new Date(failuresNewestFirst[limit - 1].getTime() + windowMs);
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/** The email's counter starts again after its last successful sign-in. */
const afterLastSuccess = (email: string) =>
  sql`${signInAttempts.attemptedAt} > coalesce((
    select max(s.attempted_at) from sign_in_attempts s where s.email = ${email} and s.succeeded
  ), '-infinity'::timestamptz)`;

/** Until when sign-in is refused for this email or address, or null when it is allowed. */
export async function throttledUntil(db: Executor, key: ThrottleKey, now: Date): Promise<Date | null> {
  const { windowMs, failuresPerEmail, failuresPerAddress } = throttlePolicy;
  const windowStart = new Date(now.getTime() - windowMs);
  const failed = and(eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, windowStart));
  const [byEmail, byAddress] = await Promise.all([
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, key.email), failed, afterLastSuccess(key.email)))
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(failuresPerEmail),
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.clientAddress, key.clientAddress), failed))
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(failuresPerAddress),
  ]);
  return later(
    retryAfter(
      byEmail.map((row) => row.at),
      failuresPerEmail,
      windowMs,
    ),
    retryAfter(
      byAddress.map((row) => row.at),
      failuresPerAddress,
      windowMs,
    ),
  );
}

/**
 * Serializes the check-and-record of attempts on one email or address, across every process
 * sharing the database, until the transaction ends. Always email first, then address, so two
 * transactions never wait on each other in a cycle.
 */
export async function lockThrottleKeys(tx: Executor, key: ThrottleKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in email ${key.email}`}, 0))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in address ${key.clientAddress}`}, 0))`);
}

export async function recordSignInAttempt(tx: Executor, key: ThrottleKey, succeeded: boolean, now: Date): Promise<void> {
  await tx.insert(signInAttempts).values({ ...key, succeeded, attemptedAt: now });
  const stale = new Date(now.getTime() - throttlePolicy.retentionMs);
  await tx
    .delete(signInAttempts)
    .where(
      and(
        or(eq(signInAttempts.email, key.email), eq(signInAttempts.clientAddress, key.clientAddress)),
        lt(signInAttempts.attemptedAt, stale),
      ),
    );
}
