import "server-only";
import { randomBytes } from "node:crypto";
import { appConnection, type Executor } from "@/db/client";
import { recordAudit } from "@/lib/data/audit";
import { findSignInAccount, type SignInAccount } from "@/lib/data/users";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { AccessTurnedOff, SignInThrottled, WrongCredentials } from "./sign-in-errors";
import { lockThrottleKeys, recordSignInAttempt, throttledUntil, type ThrottleKey } from "./throttle";

export interface PasswordAttempt {
  email: string;
  password: string;
  clientAddress: string;
}

// Verified against when the email has no account, so an unknown email costs the same hash.
const dummyHash = hashPassword(randomBytes(32).toString("base64url"));

async function recordThrottled(db: Executor, key: ThrottleKey, account: SignInAccount | null, until: Date) {
  await recordAudit(db, {
    organizationId: account?.organizationId ?? null,
    actorUserId: null,
    action: "auth.sign_in_throttled",
    entityType: account ? "user" : "sign_in",
    entityId: account?.id ?? null,
    after: { ...key, retryAfter: until.toISOString() },
  });
}

async function recordOutcome(db: Executor, key: ThrottleKey, account: SignInAccount | null, accepted: boolean, at: Date) {
  await recordSignInAttempt(db, key, accepted, at);
  await recordAudit(db, {
    organizationId: account?.organizationId ?? null,
    actorUserId: accepted && account ? account.id : null,
    action: accepted ? "auth.sign_in" : "auth.sign_in_failed",
    entityType: account ? "user" : "sign_in",
    entityId: account?.id ?? null,
    after: { ...key, method: "password" },
  });
}

/**
 * Checks an email and password under the sign-in throttle, records the attempt and its audit
 * event, and returns the user, or throws WrongCredentials / AccessTurnedOff / SignInThrottled. The throttle is
 * checked before the hash (a throttled attempt costs no argon2 work) and again, under a lock,
 * before the attempt is recorded, so concurrent attempts from any number of processes sharing
 * the database can never exceed the limit.
 */
export async function authorizePassword(attempt: PasswordAttempt, now: () => Date = () => new Date()): Promise<SessionUser> {
  const { db } = await appConnection();
  const key: ThrottleKey = { email: attempt.email.trim().toLowerCase(), clientAddress: attempt.clientAddress };
  const account = await findSignInAccount(db, key.email);

  const early = await throttledUntil(db, key, now());
  if (early) {
    await recordThrottled(db, key, account, early);
    throw new SignInThrottled(early);
  }

  const matches = await verifyPassword(account?.passwordHash ?? (await dummyHash), attempt.password);
  const accepted = account !== null && !account.disabled && matches;

  const refusedUntil = await db.transaction(async (tx) => {
    await lockThrottleKeys(tx, key);
    const until = await throttledUntil(tx, key, now());
    if (until) {
      await recordThrottled(tx, key, account, until);
      return until;
    }
    await recordOutcome(tx, key, account, accepted, now());
    return null;
  });

  if (refusedUntil) throw new SignInThrottled(refusedUntil);
  if (account?.disabled && matches) throw new AccessTurnedOff();
  if (!accepted || !account) throw new WrongCredentials();
  const { id, email, displayName, role, organizationId, personId } = account;
  return { id, email, displayName, role, organizationId, personId };
}
