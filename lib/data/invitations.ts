import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db/client";
import { invitations, organizations, people, users, type InvitableRole } from "@/db/schema";
import { invitationTokenHash, invitationValidityMs, newInvitationToken } from "@/lib/auth/invitation-token";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError } from "./errors";

const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export interface PendingInvitation {
  id: string;
  email: string;
  role: InvitableRole;
  personName: string | null;
  invitedByName: string;
  expiresAt: Date;
}

const inviter = alias(users, "inviter");

export const invitationsPageSize = 25;

/** A page of the organization's pending invitations, the soonest to expire first, with the total count. */
export async function listPendingInvitations(
  db: Executor,
  organizationId: string,
  { page = 1, now = new Date() }: { page?: number; now?: Date } = {},
): Promise<{ rows: PendingInvitation[]; total: number }> {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      personName: people.name,
      invitedByName: inviter.displayName,
      expiresAt: invitations.expiresAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(invitations)
    .innerJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .leftJoin(people, and(eq(people.id, invitations.personId), eq(people.organizationId, organizationId)))
    .where(and(eq(invitations.organizationId, organizationId), pending(now)))
    .orderBy(asc(invitations.expiresAt), asc(invitations.id))
    .limit(invitationsPageSize)
    .offset((page - 1) * invitationsPageSize);
  return { rows: rows.map(({ total: _total, ...row }) => ({ ...row, role: row.role as InvitableRole })), total: rows[0]?.total ?? 0 };
}

export interface NewInvitation {
  organizationId: string;
  invitedBy: string;
  email: string;
  role: InvitableRole;
  personId: string | null;
}

async function refuseDuplicates(tx: Executor, invitation: NewInvitation & { email: string }, now: Date) {
  const { organizationId, email, personId } = invitation;
  if (personId) {
    const [person] = await tx
      .select({ id: people.id, userId: users.id })
      .from(people)
      .leftJoin(users, eq(users.personId, people.id))
      .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)));
    if (!person) throw new NotFoundError(`person ${personId} in organization ${organizationId}`);
    if (person.userId) {
      throw new ConflictError("person already has an account", { messageKey: "invitations.errors.personHasAccount", field: "personId" });
    }
  }
  // Only this organization's accounts are checked: whether an address has an account
  // elsewhere is another partner's business (acceptance refuses it without telling the admin).
  const [member] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), sql`lower(${users.email}) = ${email}`));
  if (member) throw new ConflictError("already a member", { messageKey: "invitations.errors.alreadyMember", field: "email" });
  const [invited] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), sql`lower(${invitations.email}) = ${email}`, pending(now)));
  if (invited) throw new ConflictError("already invited", { messageKey: "invitations.errors.alreadyInvited", field: "email" });
}

/** Creates an invitation and returns its token, which exists nowhere else: show it once. */
export async function createInvitation(
  db: Database,
  input: NewInvitation,
  now: Date = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const invitation = { ...input, email: input.email.trim().toLowerCase() };
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + invitationValidityMs);
  return db.transaction(async (tx) => {
    await refuseDuplicates(tx, invitation, now);
    const [row] = await tx
      .insert(invitations)
      .values({ ...invitation, tokenHash, expiresAt, createdAt: now })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      organizationId: invitation.organizationId,
      actorUserId: invitation.invitedBy,
      action: "invitation.created",
      entityType: "invitation",
      entityId: row.id,
      after: { email: invitation.email, role: invitation.role, personId: invitation.personId, expiresAt },
    });
    return { id: row.id, token, expiresAt };
  });
}

export async function revokeInvitation(
  db: Database,
  input: { organizationId: string; actorUserId: string; invitationId: string },
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, input.invitationId),
          eq(invitations.organizationId, input.organizationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw new NotFoundError(`pending invitation ${input.invitationId} in organization ${input.organizationId}`);
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      after: { email: row.email, revokedAt: now },
    });
  });
}

export interface UsableInvitation {
  email: string;
  role: InvitableRole;
  organizationName: string;
}

/** What the acceptance page shows, or null when the link is unknown, used, revoked or expired. */
export async function findUsableInvitation(db: Executor, token: string, now: Date = new Date()): Promise<UsableInvitation | null> {
  const [row] = await db
    .select({ email: invitations.email, role: invitations.role, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.tokenHash, invitationTokenHash(token)), pending(now)));
  return row ? { ...row, role: row.role as InvitableRole } : null;
}

/**
 * Uses the invitation once: creates the account, linked to the organization and, for an
 * employee, to their person record. The UPDATE … WHERE still pending is the single gate, so
 * two simultaneous acceptances cannot both pass.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; displayName: string; passwordHash: string },
  now: Date = new Date(),
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.tokenHash, invitationTokenHash(input.token)), pending(now)))
      .returning();
    if (!invitation) throw new NotFoundError("no pending invitation for this token");
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${invitation.email}`);
    if (existing) throw new ConflictError("email already has an account", { messageKey: "auth.invitation.emailTaken" });

    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        displayName: input.displayName,
        passwordHash: input.passwordHash,
        role: invitation.role,
        organizationId: invitation.organizationId,
        personId: invitation.personId,
      })
      .returning({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        organizationId: users.organizationId,
        personId: users.personId,
      });
    await tx.update(invitations).set({ acceptedUserId: user.id }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      organizationId: invitation.organizationId,
      actorUserId: user.id,
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: invitation.id,
      after: { userId: user.id, email: user.email, role: invitation.role, personId: invitation.personId },
    });
    return { ...user, role: invitation.role as InvitableRole };
  });
}
