import { createHmac, timingSafeEqual } from "node:crypto";
import { ALERT_KINDS, type AlertKind } from "@/lib/rules";
import { config } from "@/lib/config";

/**
 * The unsubscribe links of alert emails: they work without signing in, so each carries
 * whom and what it stops (one kind of alert, or all of them), signed with the portal's
 * secret. Nothing is stored: a link stays valid as long as the secret.
 */
export type UnsubscribeScope = AlertKind | "all";

export interface Unsubscribe {
  userId: string;
  scope: UnsubscribeScope;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function secret(): string {
  const { authSecret } = config();
  if (!authSecret) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed (npm start sets it)");
  return authSecret;
}

function signature(payload: string): Buffer {
  return createHmac("sha256", secret()).update(`unsubscribe:${payload}`).digest();
}

export function unsubscribeToken({ userId, scope }: Unsubscribe): string {
  const payload = `${userId}.${scope}`;
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** Who and what a token stops, or null when it was not signed by this portal or is malformed. */
export function readUnsubscribeToken(token: string): Unsubscribe | null {
  if (token.length > 200) return null;
  const [userId, scope, signed, ...rest] = token.split(".");
  if (rest.length > 0 || !userId || !scope || !signed || !uuidShape.test(userId)) return null;
  if (scope !== "all" && !(ALERT_KINDS as readonly string[]).includes(scope)) return null;
  const expected = signature(`${userId}.${scope}`);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}

/** The page a person opens from the email, and the address mail clients post to (RFC 8058). */
export function unsubscribeUrls(unsubscribe: Unsubscribe): { page: string; oneClick: string } {
  const token = encodeURIComponent(unsubscribeToken(unsubscribe));
  return { page: `${config().portalUrl}/unsubscribe/${token}`, oneClick: `${config().portalUrl}/api/unsubscribe/${token}` };
}
