"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { appConnection } from "@/db/client";
import { microsoftEntraConfigured } from "@/lib/auth/microsoft-entra";
import { landingPath, safeCallbackPath, signInPath } from "@/lib/auth/paths";
import { requestContext } from "@/lib/auth/request-context";
import { formatRetryTime } from "@/lib/auth/retry-time";
import { AccessTurnedOff, SignInThrottled, WrongCredentials } from "@/lib/auth/sign-in-errors";
import { hashPassword } from "@/lib/auth/password";
import { newPassword } from "@/lib/auth/password-policy";
import { NotFoundError } from "@/lib/data/errors";
import { endAllSessions, endSession } from "@/lib/data/sessions";
import * as users from "@/lib/data/users";
import { ActionFailure, formAction, publicFormAction } from "./action";

const emailAddress = z.string().trim().toLowerCase().max(320).pipe(z.email());
const callbackUrl = z.string().max(2048).optional();

const signInInput = z.object({
  email: emailAddress,
  password: z.string().min(1).max(1024),
  callbackUrl,
  /** The browser's IANA time zone, so the retry time reads as the visitor's clock. */
  timeZone: z.string().max(64).optional(),
});

/** Signs in with email and password through Auth.js, then goes where the role starts. */
export const signInWithPassword = publicFormAction(signInInput, async (input, { t }) => {
  const context = requestContext();
  try {
    await context.signInWithPassword(input.email, input.password);
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const time = formatRetryTime(error.retryAfter, await context.locale(), input.timeZone);
      throw new ActionFailure("throttled", t("auth.signIn.throttled", { time }));
    }
    if (error instanceof WrongCredentials) throw new ActionFailure("invalid", t("auth.signIn.wrongCredentials"));
    if (error instanceof AccessTurnedOff) throw new ActionFailure("invalid", t("auth.signIn.accessOff"));
    throw error;
  }
  const { db } = await appConnection();
  const user = await users.findSessionUserByEmail(db, input.email);
  redirect(safeCallbackPath(input.callbackUrl) ?? (user ? landingPath(user.role) : signInPath));
});

/** Single sign-on; exists only when Entra ID is configured. */
export const signInWithMicrosoft = publicFormAction(z.object({ callbackUrl }), async (input) => {
  if (!microsoftEntraConfigured()) throw new NotFoundError("Microsoft Entra ID is not configured");
  // Back on the sign-in page, a signed-in visitor is sent where their role starts.
  const back = safeCallbackPath(input.callbackUrl);
  return requestContext().signInWithMicrosoft(back ? `${signInPath}?${new URLSearchParams({ callbackUrl: back })}` : signInPath);
});

/** Ends this session on the server (its cookie, even copied, opens nothing more), then clears it. */
export const signOut = formAction(z.object({}), async (_input, { user }) => {
  const context = requestContext();
  const claims = await context.session();
  const { db } = await appConnection();
  if (claims) {
    const { sessionId } = claims;
    await db.transaction((tx) => endSession(tx, { userId: user.id, sessionId, organizationId: user.organizationId }));
  }
  await context.signOut();
  redirect(signInPath);
});

/** Ends every session of the signed-in user, on every device, this one included. */
export const signOutEverywhere = formAction(z.object({}), async (_input, { user }) => {
  const { db } = await appConnection();
  await db.transaction((tx) =>
    endAllSessions(tx, { userId: user.id, because: "signed_out_everywhere", actorUserId: user.id, organizationId: user.organizationId }),
  );
  await requestContext().signOut();
  redirect(`${signInPath}?notice=signedOutEverywhere`);
});

const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    password: newPassword,
    confirmPassword: z.string().max(256),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });

/**
 * Sets a new password. Every session of the user ends with it, on every device, this one
 * included (a stolen copy of this cookie ends too): the user signs in again with it.
 */
export const changePassword = formAction(changePasswordInput, async (input, { user }) => {
  const { db } = await appConnection();
  await users.changePassword(db, {
    userId: user.id,
    currentPassword: input.currentPassword,
    passwordHash: await hashPassword(input.password),
  });
  await requestContext().signOut();
  redirect(`${signInPath}?notice=passwordChanged`);
});
