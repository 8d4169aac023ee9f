import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { appConnection } from "@/db/client";
import { findSessionUser } from "@/lib/data/users";
import { landingPath, signInPath } from "./paths";
import { requestContext } from "./request-context";
import type { PartnerUser, SessionUser } from "./session-user";

export type { PartnerUser, SessionUser } from "./session-user";

// Once per server render: a layout and its page both ask, the database answers once.
const sessionUserFor = cache(async (userId: string, sessionId: string): Promise<SessionUser | null> => {
  const { db } = await appConnection();
  return findSessionUser(db, { userId, sessionId });
});

/**
 * The signed-in user, re-read from the database: a user disabled (or changed) since signing
 * in, or a session ended since, is seen at once, not when the cookie expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const claims = await requestContext().session();
  return claims ? sessionUserFor(claims.userId, claims.sessionId) : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath);
  return user;
}

/** A partner admin or employee; the program's staff have no partner workspace and go to theirs. */
export async function requirePartnerUser(): Promise<PartnerUser> {
  const user = await requireUser();
  if (user.organizationId === null) redirect(landingPath(user.role));
  return { ...user, organizationId: user.organizationId };
}

/** A program reviewer; to anyone else the review pages do not exist. */
export async function requireReviewer(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "reviewer") notFound();
  return user;
}

/** A reviewer or a program administrator: the program's own pages; to anyone else they do not exist. */
export async function requireProgramStaff(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "reviewer" && user.role !== "program_admin") notFound();
  return user;
}
