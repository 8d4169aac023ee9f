import { createHash, randomBytes } from "node:crypto";

/** An invitation link works for 7 days after it is created. */
export const invitationValidityMs = 7 * 24 * 60 * 60 * 1000;

/** 32 random bytes (256 bits) in base64url: 43 characters, safe in a URL path. */
export const invitationTokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Only this hash is stored: whoever reads the table cannot use a pending invitation. */
export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: invitationTokenHash(token) };
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}
