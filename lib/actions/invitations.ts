"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { text } from "@/lib/schemas/fields";
import { appConnection } from "@/db/client";
import { invitableRoles } from "@/db/schema";
import { invitationPath } from "@/lib/auth/invitation-token";
import { hashPassword } from "@/lib/auth/password";
import { newPassword } from "@/lib/auth/password-policy";
import { landingPath, signInPath } from "@/lib/auth/paths";
import { requestContext } from "@/lib/auth/request-context";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import { SignInThrottled, WrongCredentials } from "@/lib/auth/sign-in-errors";
import { NotFoundError } from "@/lib/data/errors";
import * as invitations from "@/lib/data/invitations";
import { formAction, publicFormAction, revalidate } from "./action";

const inviteInput = z
  .object({
    email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
    role: z.enum(invitableRoles),
    // A select left on its placeholder posts "".
    personId: z.union([z.uuid(), z.literal("")]).optional(),
  })
  .refine((input) => input.role !== "employee" || Boolean(input.personId), {
    path: ["personId"],
    message: "invitations.errors.personRequired",
  });

/** A partner admin invites someone to their own organization; the link is returned once. */
export const inviteMember = formAction(inviteInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const created = await invitations.createInvitation(db, {
    organizationId: requireOrganization(user),
    invitedBy: user.id,
    email: input.email,
    role: input.role,
    personId: input.personId || null,
  });
  const url = `${await requestContext().origin()}${invitationPath(created.token)}`;
  // The link holds the token, a credential: it is shown once to the admin, never logged.
  revalidate("/team");
  return { url, notice: t("invitations.created", { email: input.email }), expiresAt: created.expiresAt.toISOString() };
});

export const revokeInvitation = formAction(z.object({ invitationId: z.uuid() }), async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await invitations.revokeInvitation(db, {
    organizationId: requireOrganization(user),
    actorUserId: user.id,
    invitationId: input.invitationId,
  });
  revalidate("/team");
});

const acceptInput = z
  .object({
    token: z.string().max(100),
    displayName: text(120),
    password: newPassword,
    confirmPassword: z.string().max(256),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "passwordsDiffer",
  });

/** Anyone holding the link may accept it: the token is the authorization. */
export const acceptInvitation = publicFormAction(acceptInput, async (input) => {
  const { db } = await appConnection();
  // Checked before the (deliberately slow) hash; acceptance checks again atomically.
  const invitation = await invitations.findUsableInvitation(db, input.token);
  if (!invitation) throw new NotFoundError("no pending invitation for this token");
  const user = await invitations.acceptInvitation(db, {
    token: input.token,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
  });
  try {
    await requestContext().signInWithPassword(user.email, input.password);
  } catch (error) {
    // The account exists; if signing in is refused now (throttled), the sign-in page says why.
    if (error instanceof SignInThrottled || error instanceof WrongCredentials) redirect(signInPath);
    throw error;
  }
  redirect(landingPath(user.role));
});
