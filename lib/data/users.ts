import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { people, type ProgramRole, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-user";
import { recordAudit } from "./audit";
import { containsText } from "./contains";
import { endAllSessions, openSessionOf } from "./sessions";
import { ForbiddenError } from "@/lib/auth/roles";
import { ConflictError, NotFoundError } from "./errors";

const sessionColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organizationId: users.organizationId,
  personId: users.personId,
};

/** The role column is plain text in SQL; a CHECK constraint keeps it to the known roles. */
type SessionRow = Omit<SessionUser, "role"> & { role: string };

function toSessionUser(row: SessionRow): SessionUser {
  return { ...row, role: row.role as SessionUser["role"] };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from outside (a session token, say) can name a row at all. */
export function isUuid(value: string): boolean {
  return uuidShape.test(value);
}

/** Emails are compared case-insensitively, as the unique index on lower(email) does. */
function emailIs(email: string) {
  return sql`lower(${users.email}) = ${email.trim().toLowerCase()}`;
}

export interface SignInAccount extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

/** The account a password sign-in is checked against, disabled or not. */
export async function findSignInAccount(db: Executor, email: string): Promise<SignInAccount | null> {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(emailIs(email));
  return row ? { ...toSessionUser(row), passwordHash: row.passwordHash, disabled: row.disabled } : null;
}

/** An active (not disabled) user by id. */
export async function findActiveUser(db: Executor, userId: string): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ? toSessionUser(row) : null;
}

/**
 * The user a session names, re-read on every request: a disabled user, or a session that
 * was ended (signed out, everywhere, access off, a new password), has no session.
 */
export async function findSessionUser(db: Executor, { userId, sessionId }: SessionClaims): Promise<SessionUser | null> {
  if (!isUuid(userId) || !isUuid(sessionId)) return null;
  const [row] = await db.select(sessionColumns).from(users).where(openSessionOf(userId, sessionId));
  return row ? toSessionUser(row) : null;
}

export async function findSessionUserByEmail(db: Executor, email: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .where(and(emailIs(email), eq(users.disabled, false)));
  return row ? toSessionUser(row) : null;
}

export interface OrganizationMember {
  id: string;
  email: string;
  displayName: string;
  role: SessionUser["role"];
  personName: string | null;
  disabled: boolean;
  version: number;
}

export const membersPageSize = 25;

/** A page of the organization's accounts by name, narrowed by `q` (name or e-mail), with the total count. */
export async function listOrganizationMembers(
  db: Executor,
  organizationId: string,
  { q = "", page = 1 }: { q?: string; page?: number } = {},
): Promise<{ rows: OrganizationMember[]; total: number }> {
  const conditions: SQL[] = [eq(users.organizationId, organizationId)];
  if (q) conditions.push(containsText(q, users.displayName, users.email));
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      personName: people.name,
      disabled: users.disabled,
      version: users.version,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(users)
    .leftJoin(people, and(eq(people.id, users.personId), eq(people.organizationId, organizationId)))
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(membersPageSize)
    .offset((page - 1) * membersPageSize);
  return {
    rows: rows.map(({ total: _total, ...row }) => ({ ...row, role: row.role as SessionUser["role"] })),
    total: rows[0]?.total ?? 0,
  };
}

/** A member of the program's staff (a reviewer, a program administrator), created from the command line only: never through a partner's page. */
export async function createProgramUser(
  db: Database,
  account: { email: string; displayName: string; passwordHash: string; role: ProgramRole },
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    if (await findSignInAccount(tx, account.email)) {
      throw new ConflictError(`an account for ${account.email} already exists`);
    }
    const [row] = await tx
      .insert(users)
      .values({ ...account, email: account.email.trim().toLowerCase() })
      .returning(sessionColumns);
    const created = toSessionUser(row);
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: null,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      after: { email: created.email, displayName: created.displayName, role: created.role, via: "command line" },
    });
    return created;
  });
}

/**
 * Turns a member's access to the organization's workspace off (someone who left) or back
 * on. The next request of a disabled member finds no session, whatever their cookie says.
 * A partner admin cannot turn off their own access; the rows of the actor and the member
 * are locked together, so two admins turning each other off at once cannot leave the
 * organization without an active admin. The member's row must still be at `version`.
 */
export async function setMemberAccess(
  db: Database,
  { organizationId, actorId }: { organizationId: string; actorId: string },
  { userId, version, disabled }: { userId: string; version: number; disabled: boolean },
): Promise<void> {
  if (userId === actorId) throw new ConflictError("own access", { messageKey: "team.errors.ownAccess" });
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: users.id, role: users.role, disabled: users.disabled, version: users.version, email: users.email })
      .from(users)
      .where(and(inArray(users.id, [actorId, userId]), eq(users.organizationId, organizationId)))
      .orderBy(asc(users.id))
      .for("update");
    const actor = rows.find((row) => row.id === actorId);
    const member = rows.find((row) => row.id === userId);
    if (!actor || actor.disabled || actor.role !== "partner_admin") throw new ForbiddenError("only an active partner admin manages access");
    if (!member) throw new NotFoundError("member");
    if (member.version !== version) throw new ConflictError("stale member", { messageKey: "errors.stale" });
    if (member.disabled === disabled) return;
    await tx
      .update(users)
      .set({ disabled, version: version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: userId,
      before: { email: member.email, disabled: member.disabled },
      after: { email: member.email, disabled },
    });
    if (disabled) await endAllSessions(tx, { userId, because: "access_turned_off", actorUserId: actorId, organizationId });
  });
}

/**
 * Sets a new password for `userId` once `currentPassword` is checked, and ends every one of
 * their sessions, in one transaction. Throws ConflictError (field currentPassword) when the
 * current password is wrong.
 */
export async function changePassword(
  db: Database,
  { userId, currentPassword, passwordHash }: { userId: string; currentPassword: string; passwordHash: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ passwordHash: users.passwordHash, organizationId: users.organizationId, version: users.version })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.disabled, false)))
      .for("update");
    if (!row) throw new NotFoundError("user");
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      throw new ConflictError("wrong current password", { messageKey: "account.errors.wrongPassword", field: "currentPassword" });
    }
    await tx
      .update(users)
      .set({ passwordHash, version: row.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      organizationId: row.organizationId,
      actorUserId: userId,
      action: "user.password_changed",
      entityType: "user",
      entityId: userId,
    });
    await endAllSessions(tx, { userId, because: "password_changed", actorUserId: userId, organizationId: row.organizationId });
  });
}

/** The address an unsubscribe page names, or null for a user who no longer exists. */
export async function findUserEmail(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/** The language of the user's emails. */
export async function setUserLocale(db: Executor, userId: string, locale: "en" | "fr"): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
