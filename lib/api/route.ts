import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { z } from "zod";
import { appConnection, type Executor } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import { translatorFor, type Translate } from "@/lib/actions/action";
import { ForbiddenError } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import type { Actor } from "@/lib/data/actor";
import { idempotencyKeptSince, useApiToken, type TokenPrincipal } from "@/lib/data/api-tokens";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { negotiateLocale } from "@/lib/i18n/locales";
import { watchSoon } from "@/lib/jobs/server";
import { ApiProblem, apiPath, invalidProblem, problemResponse, problemTypes } from "./problem";

/** A request body larger than this is refused before it is read. */
export const maximumBodyBytes = 1_000_000;

export interface ApiContext {
  /** The database, or the transaction of the whole write when the request is one. */
  db: Executor;
  principal: TokenPrincipal;
  /** The organization and the token, for the data functions to check and audit with. */
  actor: Actor;
  t: Translate;
  request: Request;
  /** The body as sent, already read (writes only). */
  body: string;
}

type Handler<P> = (context: ApiContext, params: P) => Promise<Response>;

function bearer(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export function json(body: unknown, { status = 200, etag }: { status?: number; etag?: number } = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...(etag !== undefined && { etag: `"${etag}"` }) },
  });
}

/** A data function's error as the API says it; anything else is logged and answered 500 without detail. */
function failure(error: unknown, t: Translate): Response {
  if (error instanceof ApiProblem) return problemResponse(error.problem, error.headers);
  if (error instanceof NotFoundError)
    return problemResponse({ type: problemTypes.notFound, title: t("api.problems.notFound"), status: 404 });
  if (error instanceof ForbiddenError) {
    return problemResponse({ type: problemTypes.insufficientScope, title: t("api.problems.insufficientScope"), status: 403 });
  }
  if (error instanceof ConflictError) {
    const { messageKey, field } = error.details;
    if (messageKey === "errors.stale") return problemResponse({ type: problemTypes.stale, title: t("api.problems.stale"), status: 412 });
    const message = messageKey && t.has(messageKey) ? t(messageKey) : t("errors.conflict");
    return problemResponse({
      type: problemTypes.conflict,
      title: t("api.problems.conflict"),
      status: 409,
      detail: message,
      ...(field && { errors: [{ path: apiPath([field]), message }] }),
    });
  }
  console.error("API request failed", error);
  return problemResponse({ type: problemTypes.internal, title: t("api.problems.internal"), status: 500 });
}

/** The response of a write that did not succeed: the write's transaction is rolled back and this answered. */
class Unsuccessful extends Error {
  constructor(readonly response: Response) {
    super("unsuccessful write");
  }
}

/** `application/json`, or a JSON type such as `application/merge-patch+json`, with any parameters. */
function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0].trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

async function readBody(request: Request, t: Translate): Promise<string> {
  const tooLarge = () =>
    new ApiProblem({ type: problemTypes.tooLarge, title: t("api.problems.tooLarge", { maximum: maximumBodyBytes }), status: 413 });
  if (Number(request.headers.get("content-length") ?? 0) > maximumBodyBytes) throw tooLarge();
  const body = await request.text();
  if (Buffer.byteLength(body) > maximumBodyBytes) throw tooLarge();
  if (body.length > 0 && !isJson(request.headers.get("content-type"))) {
    throw new ApiProblem(
      { type: problemTypes.unsupportedMediaType, title: t("api.problems.unsupportedMediaType"), status: 415 },
      { accept: "application/json" },
    );
  }
  return body;
}

/**
 * The answer to a write sent with an Idempotency-Key: the first answer again when the key was
 * used for this same request (nothing is written), a problem when it was used for another.
 * Otherwise the write runs, and its answer is recorded, in one transaction: a concurrent
 * request with the same key waits for it and then gets the recorded answer.
 */
async function writeOnce(context: ApiContext, key: string | null, run: (context: ApiContext) => Promise<Response>): Promise<Response> {
  const { t, principal, request } = context;
  if (key !== null && (key.length === 0 || key.length > 200)) {
    throw new ApiProblem({
      type: problemTypes.invalid,
      title: t("api.problems.invalid"),
      status: 422,
      errors: [{ path: "Idempotency-Key", message: t("errors.tooLong", { maximum: 200 }) }],
    });
  }
  const requestHash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${context.body}`)
    .digest("hex");
  try {
    return await context.db.transaction(async (tx) => {
      if (key !== null) {
        // Keys are kept for a day (idempotencyKeepHours): after that, the same key is a new request.
        await tx
          .delete(apiIdempotencyKeys)
          .where(and(eq(apiIdempotencyKeys.tokenId, principal.tokenId), lt(apiIdempotencyKeys.createdAt, idempotencyKeptSince())));
        const [claimed] = await tx
          .insert(apiIdempotencyKeys)
          .values({ tokenId: principal.tokenId, key, requestHash, status: 0, body: {} })
          .onConflictDoNothing()
          .returning({ key: apiIdempotencyKeys.key });
        if (!claimed) {
          const [first] = await tx
            .select()
            .from(apiIdempotencyKeys)
            .where(and(eq(apiIdempotencyKeys.tokenId, principal.tokenId), eq(apiIdempotencyKeys.key, key)));
          if (first.requestHash !== requestHash) {
            throw new ApiProblem({ type: problemTypes.idempotencyKeyReused, title: t("api.problems.idempotencyKeyReused"), status: 422 });
          }
          const replay = json(first.body, { status: first.status });
          replay.headers.set("idempotent-replayed", "true");
          return replay;
        }
      }
      const response = await run({ ...context, db: tx });
      if (response.status >= 300) throw new Unsuccessful(response);
      if (key !== null) {
        await tx
          .update(apiIdempotencyKeys)
          .set({ status: response.status, body: await response.clone().json() })
          .where(and(eq(apiIdempotencyKeys.tokenId, principal.tokenId), eq(apiIdempotencyKeys.key, key)));
      }
      return response;
    });
  } catch (error) {
    if (error instanceof Unsuccessful) return error.response;
    throw error;
  }
}

/**
 * A route handler of /api/v1: the bearer token is checked (live, this organization's, within
 * its rate), then `scope` (a write needs a read+write token); every error becomes an RFC 9457
 * problem in the caller's language (Accept-Language). A write runs in one transaction with its
 * Idempotency-Key's record, so that nothing is half written and nothing is written twice.
 */
export function apiRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  { scope }: { scope: "read" | "write" },
  handler: Handler<P>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const locale = negotiateLocale(request.headers.get("accept-language"));
    const t = translatorFor(locale);
    try {
      const secret = bearer(request.headers.get("authorization"));
      const unauthenticated = new ApiProblem(
        { type: problemTypes.unauthenticated, title: t("api.problems.unauthenticated"), status: 401 },
        { "www-authenticate": 'Bearer realm="api"' },
      );
      if (!secret) throw unauthenticated;
      const { db } = await appConnection();
      const limit = config().apiRateLimitPerMinute;
      const check = await useApiToken(db, secret, limit);
      if (!check.ok && check.reason === "unknown") throw unauthenticated;
      if (!check.ok) {
        throw new ApiProblem(
          { type: problemTypes.rateLimited, title: t("api.problems.rateLimited", { limit }), status: 429 },
          { "retry-after": String(check.retryAfterSeconds), "ratelimit-limit": String(limit), "ratelimit-remaining": "0" },
        );
      }
      const { principal } = check;
      if (scope === "write" && principal.scope !== "read_write") throw new ForbiddenError("read token");
      const context: ApiContext = {
        db,
        principal,
        actor: { organizationId: principal.organizationId, actorId: null, tokenId: principal.tokenId },
        t,
        request,
        body: scope === "write" ? await readBody(request, t) : "",
      };
      const routeParams = await params;
      const answered =
        scope === "write"
          ? await writeOnce(context, request.headers.get("idempotency-key"), (inTransaction) => handler(inTransaction, routeParams))
          : await handler(context, routeParams);
      // A change of evidence is watched at once, as after a form: alerts and webhooks follow it.
      if (scope === "write" && answered.status < 300 && !answered.headers.has("idempotent-replayed")) {
        await watchSoon(principal.organizationId);
      }
      answered.headers.set("ratelimit-limit", String(limit));
      answered.headers.set("ratelimit-remaining", String(check.remaining));
      return answered;
    } catch (error) {
      return failure(error, t);
    }
  };
}

/** The JSON body, parsed with `schema`; a body that is no JSON or breaks a rule is a problem at its path. */
export function parseBody<S extends z.ZodType>(context: ApiContext, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(context.body);
  } catch {
    throw new ApiProblem({ type: problemTypes.malformed, title: context.t("api.problems.malformed"), status: 400 });
  }
  // With the input in each issue, a value of the wrong type is told so, not that it is missing.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw invalidProblem(parsed.error.issues, context.t);
  return parsed.data;
}

/**
 * A PATCH body laid over the record as it is: each field sent is parsed with `changes`, then
 * the whole record they make with `whole`, so that a rule across fields holds after the change.
 */
export function parseChanges<C extends z.ZodType, W extends z.ZodType>(
  context: ApiContext,
  changes: C,
  current: Record<string, unknown>,
  whole: W,
): z.output<W> {
  const changed = parseBody(context, changes) as Record<string, unknown>;
  const parsed = whole.safeParse({ ...current, ...changed }, { reportInput: true });
  if (!parsed.success) throw invalidProblem(parsed.error.issues, context.t);
  return parsed.data;
}

/** The query string, parsed with `schema` (each parameter once); a bad one is a problem at `$.name`. */
export function parseQuery<S extends z.ZodType>(context: ApiContext, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(context.request.url).searchParams), { reportInput: true });
  if (!parsed.success) throw invalidProblem(parsed.error.issues, context.t);
  return parsed.data;
}

/**
 * The record version of `If-Match` (`"3"`, `W/"3"`): an update or delete without one is refused
 * (428), and one with anything else there is told what the header must hold (422).
 */
export function ifMatch(context: ApiContext): number {
  const { t } = context;
  const header = context.request.headers.get("if-match");
  if (header === null || header.trim() === "") {
    throw new ApiProblem({ type: problemTypes.preconditionRequired, title: t("api.problems.preconditionRequired"), status: 428 });
  }
  const match = header.match(/^\s*(?:W\/)?"?(\d{1,10})"?\s*$/);
  if (!match) {
    throw new ApiProblem({
      type: problemTypes.invalid,
      title: t("api.problems.invalid"),
      status: 422,
      errors: [{ path: "If-Match", message: t("api.problems.ifMatchFormat") }],
    });
  }
  return Number(match[1]);
}
