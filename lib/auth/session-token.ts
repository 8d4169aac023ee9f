import "server-only";
import { LRUCache } from "lru-cache";
import { decode, type JWT } from "next-auth/jwt";
import { sessionTokenFrom } from "./session-cookie";

/** A session lasts one working day from sign-in, however often it is refreshed. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** Whether a session that began at `signedInAt` (ms) is still within its working day. */
export function sessionIsCurrent(signedInAt: unknown, now: number = Date.now()): boolean {
  return typeof signedInAt === "number" && now - signedInAt < sessionMaxAgeSeconds * 1000;
}

/** The secrets Auth.js encrypts sessions with, as it reads them from the environment. */
function authSecrets(): string[] {
  const { AUTH_SECRET, AUTH_SECRET_1, AUTH_SECRET_2, AUTH_SECRET_3 } = process.env;
  return [AUTH_SECRET, AUTH_SECRET_1, AUTH_SECRET_2, AUTH_SECRET_3].filter((secret): secret is string => Boolean(secret));
}

interface VerifiedSession {
  userId: string;
  /** When the session stops being valid (ms): its token's expiry or the end of its working day. */
  until: number;
}

/**
 * Tokens already decrypted, by their exact text: decrypting is the costliest step of reading
 * a session, and a browser sends the same token with every request until it is refreshed.
 */
const verified = new LRUCache<string, VerifiedSession>({ max: 10_000, ttl: sessionMaxAgeSeconds * 1000 });

/**
 * The user id a request's session cookie names, verified as Auth.js verifies it (decrypted
 * with the portal's secret, unexpired, within its working day), or null. It is not checked
 * against the database: the caller does that.
 */
export async function verifiedSessionUserId(cookies: Iterable<{ name: string; value: string }>, now: number = Date.now()): Promise<string | null> {
  const session = sessionTokenFrom(cookies);
  const secrets = authSecrets();
  if (!session || secrets.length === 0) return null;
  const key = `${session.name}\n${session.token}`;
  const known = verified.get(key);
  if (known) return now < known.until ? known.userId : null;
  let payload: JWT | null;
  try {
    payload = await decode({ token: session.token, secret: secrets, salt: session.name });
  } catch {
    return null;
  }
  const signedInAt = payload?.signedInAt;
  if (!payload?.sub || typeof payload.exp !== "number" || typeof signedInAt !== "number" || !sessionIsCurrent(signedInAt, now)) return null;
  const until = Math.min(payload.exp * 1000, signedInAt + sessionMaxAgeSeconds * 1000);
  verified.set(key, { userId: payload.sub, until });
  return now < until ? payload.sub : null;
}
