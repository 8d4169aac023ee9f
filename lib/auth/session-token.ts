import "server-only";
import { LRUCache } from "lru-cache";
import { decode, type JWT } from "next-auth/jwt";
import { sessionCookieName, sessionTokenFrom } from "./session-cookie";

/** A session lasts one working day from sign-in, however often it is refreshed. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** Whether a session that began at `signedInAt` (ms) is still within its working day. */
export function sessionIsCurrent(signedInAt: unknown, now: number = Date.now()): boolean {
  return typeof signedInAt === "number" && now - signedInAt < sessionMaxAgeSeconds * 1000;
}

/** The secret Auth.js seals sessions with, read as next-auth reads it (lib/env.js, setEnvDefaults). */
function authSecret(): string | undefined {
  return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
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
 * with Auth.js's own `decode` and the portal's secret, unexpired, within its working day), or
 * null. Pages, actions and the proxy all read sessions through it, so they cannot disagree
 * about one. `secure`: whether the request is HTTPS (isSecureRequest). It is not checked
 * against the database: the caller does that.
 */
export async function verifiedSessionUserId(
  cookies: Iterable<{ name: string; value: string }>,
  secure: boolean,
  now: number = Date.now(),
): Promise<string | null> {
  const token = sessionTokenFrom(cookies, secure);
  const secret = authSecret();
  if (!token || !secret) return null;
  const salt = sessionCookieName(secure);
  const key = `${salt}\n${token}`;
  const known = verified.get(key);
  if (known) return now < known.until ? known.userId : null;
  let payload: JWT | null;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    return null;
  }
  const signedInAt = payload?.signedInAt;
  if (!payload?.sub || typeof payload.exp !== "number" || typeof signedInAt !== "number" || !sessionIsCurrent(signedInAt, now)) return null;
  const until = Math.min(payload.exp * 1000, signedInAt + sessionMaxAgeSeconds * 1000);
  verified.set(key, { userId: payload.sub, until });
  return now < until ? payload.sub : null;
}
