import "server-only";
import { z } from "zod";
import { appConnection } from "@/db/client";
import { config } from "@/lib/config";
import { recordAudit } from "@/lib/data/audit";
import { findSessionUserByEmail } from "@/lib/data/users";
import type { SessionUser } from "./session-user";

/** Single sign-on is offered only when the portal is registered with Entra ID. */
export function microsoftEntraConfigured(): boolean {
  return config().microsoftEntra !== null;
}

const emailList = z.array(z.string().max(320)).max(50);
const entraClaims = z.object({
  email: z.string().max(320).optional(),
  xms_edov: z.boolean().optional(),
  verified_primary_email: emailList.optional(),
  verified_secondary_email: emailList.optional(),
});

/**
 * The email Entra ID vouches for, or null. The plain `email` claim is whatever the tenant's
 * admin typed, so on its own it could name anyone's account (the "nOAuth" flaw); it counts
 * only when the domain owner verified it (optional claim xms_edov) or it is among the
 * verified_primary_email / verified_secondary_email optional claims.
 */
export function verifiedEntraEmail(profile: unknown): string | null {
  const claims = entraClaims.safeParse(profile);
  if (!claims.success || !claims.data.email) return null;
  const email = claims.data.email.trim().toLowerCase();
  const listed = [...(claims.data.verified_primary_email ?? []), ...(claims.data.verified_secondary_email ?? [])]
    .map((address) => address.trim().toLowerCase())
    .includes(email);
  return claims.data.xms_edov === true || listed ? email : null;
}

/**
 * The existing portal user an Entra ID sign-in belongs to; never creates one. With `audit`,
 * records the sign-in or its refusal.
 */
export async function matchEntraUser(profile: unknown, { audit }: { audit: boolean }): Promise<SessionUser | null> {
  const { db } = await appConnection();
  const email = verifiedEntraEmail(profile);
  const user = email ? await findSessionUserByEmail(db, email) : null;
  if (audit) {
    await recordAudit(db, {
      organizationId: user?.organizationId ?? null,
      actorUserId: user?.id ?? null,
      action: user ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: user ? "user" : "sign_in",
      entityId: user?.id ?? null,
      after: { method: "microsoft-entra-id", email, reason: user ? undefined : email ? "no_account" : "email_not_verified" },
    });
  }
  return user;
}
