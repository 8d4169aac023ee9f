"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { appConnection } from "@/db/client";
import { microsoftEntraConfigured } from "@/lib/auth/microsoft-entra";
import { landingPath, safeCallbackPath, signInPath } from "@/lib/auth/paths";
import { requestContext } from "@/lib/auth/request-context";
import { formatRetryTime } from "@/lib/auth/retry-time";
import { SignInThrottled, WrongCredentials } from "@/lib/auth/sign-in-errors";
import { recordAudit } from "@/lib/data/audit";
import { NotFoundError } from "@/lib/data/errors";
import { findSessionUserByEmail } from "@/lib/data/users";
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
    throw error;
  }
  const { db } = await appConnection();
  const user = await findSessionUserByEmail(db, input.email);
  redirect(safeCallbackPath(input.callbackUrl) ?? (user ? landingPath(user.role) : signInPath));
});

/** Single sign-on; exists only when Entra ID is configured. */
export const signInWithMicrosoft = publicFormAction(z.object({ callbackUrl }), async (input) => {
  if (!microsoftEntraConfigured()) throw new NotFoundError("Microsoft Entra ID is not configured");
  // Back on the sign-in page, a signed-in visitor is sent where their role starts.
  const back = safeCallbackPath(input.callbackUrl);
  return requestContext().signInWithMicrosoft(back ? `${signInPath}?${new URLSearchParams({ callbackUrl: back })}` : signInPath);
});

export const signOut = formAction(z.object({}), async (_input, { user }) => {
  const { db } = await appConnection();
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorUserId: user.id,
    action: "auth.sign_out",
    entityType: "user",
    entityId: user.id,
  });
  await requestContext().signOut();
  redirect(signInPath);
});
