import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { people, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordAudit } from "./audit";
import { ConflictError } from "./errors";

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

/** The user a session names, re-read on every request: a disabled user has no session. */
export async function findSessionUser(db: Executor, userId: string): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
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
}

export async function listOrganizationMembers(db: Executor, organizationId: string): Promise<OrganizationMember[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      personName: people.name,
      disabled: users.disabled,
    })
    .from(users)
    .leftJoin(people, and(eq(people.id, users.personId), eq(people.organizationId, organizationId)))
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((row) => ({ ...row, role: row.role as SessionUser["role"] }));
}

/** A program reviewer, created from the command line only: never through a partner's page. */
export async function createReviewer(
  db: Database,
  reviewer: { email: string; displayName: string; passwordHash: string },
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    if (await findSignInAccount(tx, reviewer.email)) {
      throw new ConflictError(`an account for ${reviewer.email} already exists`);
    }
    const [row] = await tx
      .insert(users)
      .values({ ...reviewer, email: reviewer.email.trim().toLowerCase(), role: "reviewer" })
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
