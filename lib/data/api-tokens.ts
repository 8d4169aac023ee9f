import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiIdempotencyKeys, apiTokens, users, type ApiTokenScope } from "@/db/schema";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError } from "./errors";

/** Every secret starts so, which secret scanners and people recognise. */
const secretPrefix = "ccp_";
/** `ccp_` and 32 random bytes (256 bits) in base64url. */
export const apiTokenShape = /^ccp_[A-Za-z0-9_-]{43}$/;
export const apiTokensPageSize = 25;
/** How long an Idempotency-Key is remembered: after that, the same key is a new request. */
export const idempotencyKeepHours = 24;

/** The moment before which remembered Idempotency-Keys are forgotten. */
export function idempotencyKeptSince(now: Date = new Date()): Date {
  return new Date(now.getTime() - idempotencyKeepHours * 60 * 60 * 1000);
}

/**
 * Only this hash is stored. A plain SHA-256 suffices (unlike a password's slow hash): the
 * secret is 256 random bits, which no guessing reaches.
 */
export function apiTokenHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export interface NewApiToken {
  organizationId: string;
  name: string;
  scope: ApiTokenScope;
  expiresInDays: number;
}

/**
 * Creates a token and answers its secret, which is never stored nor shown again. Its name is
 * how the audit trail and the token list tell it apart: no token in use shares it (a revoked or
 * expired one may).
 */
export async function createApiToken(
  db: Executor,
  actorId: string | null,
  token: NewApiToken,
): Promise<{ id: string; secret: string; expiresAt: Date }> {
  const secret = `${secretPrefix}${randomBytes(32).toString("base64url")}`;
  const { expiresInDays, ...fields } = token;
  return db.transaction(async (tx) => {
    const [namesake] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.organizationId, token.organizationId),
          sql`lower(${apiTokens.name}) = lower(${token.name})`,
          isNull(apiTokens.revokedAt),
          sql`${apiTokens.expiresAt} > now()`,
        ),
      )
      .limit(1);
    if (namesake) {
      throw new ConflictError(`A token in use is already named "${token.name}".`, {
        messageKey: "integrations.tokens.nameTaken",
        field: "name",
      });
    }
    const [row] = await tx
      .insert(apiTokens)
      .values({
        ...fields,
        expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
        secretHash: apiTokenHash(secret),
        shownPrefix: secret.slice(0, 8),
        createdBy: actorId,
      })
      .returning({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt });
    await recordAudit(tx, {
      organizationId: token.organizationId,
      actorUserId: actorId,
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: row,
    });
    return { id: row.id, secret, expiresAt: row.expiresAt };
  });
}

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  shownPrefix: string;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A page of the organization's tokens, the newest first, with the total count. */
export async function listApiTokens(db: Executor, organizationId: string, page = 1): Promise<{ rows: ApiTokenRow[]; total: number }> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      shownPrefix: apiTokens.shownPrefix,
      createdAt: apiTokens.createdAt,
      createdByName: users.displayName,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.organizationId, organizationId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(apiTokensPageSize)
    .offset((page - 1) * apiTokensPageSize);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Revokes the organization's token; another organization's is "not found". Revoking twice changes nothing. */
export async function revokeApiToken(db: Executor, { organizationId, actorId }: { organizationId: string; actorId: string }, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())`, revokedBy: sql`coalesce(${apiTokens.revokedBy}, ${actorId}::uuid)` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.organizationId, organizationId)))
      .returning({ id: apiTokens.id, name: apiTokens.name, revokedBy: apiTokens.revokedBy });
    if (!row) throw new NotFoundError("api token");
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: id,
      before: row,
    });
  });
}

export interface TokenPrincipal {
  tokenId: string;
  name: string;
  organizationId: string;
  scope: ApiTokenScope;
}

export type TokenCheck =
  | { ok: true; principal: TokenPrincipal; remaining: number }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Finds the live token (neither revoked nor expired) whose secret this is, marks it used and
 * counts the request in the current minute's window, in one statement, so that instances
 * sharing the database limit it together. Over `perMinute` the request is refused.
 */
export async function useApiToken(db: Executor, secret: string, perMinute: number): Promise<TokenCheck> {
  if (!apiTokenShape.test(secret)) return { ok: false, reason: "unknown" };
  const fresh = sql`${apiTokens.rateWindowStart} is null or ${apiTokens.rateWindowStart} <= now() - interval '1 minute'`;
  const [row] = await db
    .update(apiTokens)
    .set({
      lastUsedAt: sql`now()`,
      rateWindowStart: sql`case when ${fresh} then now() else ${apiTokens.rateWindowStart} end`,
      rateWindowCount: sql`case when ${fresh} then 1 else ${apiTokens.rateWindowCount} + 1 end`,
    })
    .where(and(eq(apiTokens.secretHash, apiTokenHash(secret)), isNull(apiTokens.revokedAt), sql`${apiTokens.expiresAt} > now()`))
    .returning({
      tokenId: apiTokens.id,
      name: apiTokens.name,
      organizationId: apiTokens.organizationId,
      scope: apiTokens.scope,
      count: apiTokens.rateWindowCount,
      retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from (${apiTokens.rateWindowStart} + interval '1 minute' - now()))))::int`,
    });
  if (!row) return { ok: false, reason: "unknown" };
  const { count, retryAfterSeconds, ...principal } = row;
  if (count > perMinute) return { ok: false, reason: "rate_limited", retryAfterSeconds };
  return { ok: true, principal, remaining: perMinute - count };
}

/**
 * Forgets the Idempotency-Keys of every token that are past their keeping time. A token's own
 * writes forget its old keys as they go; this clears those of tokens no longer used.
 */
export async function pruneIdempotencyKeys(db: Executor, now: Date = new Date()): Promise<{ deleted: number }> {
  const deleted = await db
    .delete(apiIdempotencyKeys)
    .where(lt(apiIdempotencyKeys.createdAt, idempotencyKeptSince(now)))
    .returning({ key: apiIdempotencyKeys.key });
  return { deleted: deleted.length };
}
