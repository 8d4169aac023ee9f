import "server-only";
import { unstable_rethrow } from "next/navigation";
import { createTranslator, type AbstractIntlMessages, type TranslationValues } from "next-intl";
import type { z } from "zod";
import { requestContext } from "@/lib/auth/request-context";
import { ForbiddenError } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session-user";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { localizeIssues } from "./field-errors";

/**
 * Every server action is built here, so that each one, in this order: reads the session,
 * parses its input with its zod schema, then runs a handler that checks the role and calls a
 * data function. Errors become results a form can show; a stack trace never leaves the server.
 *
 *   export const revokeInvitation = formAction(revokeInput, async (input, { user }) => {
 *     requireRole(user, ["partner_admin"]);
 *     const { db } = await appConnection();
 *     await invitations.revokeInvitation(db, { organizationId: requireOrganization(user), ... });
 *   });
 *
 * `action(...)` gives `(input: object | FormData) => Promise<ActionResult<T>>` (plain
 * `<form action>`, client calls); `formAction(...)` gives `(prev, formData)` for useActionState.
 * FormData arrives as an object of strings (a repeated name becomes an array); an empty
 * field is "", not undefined. A failed form submission echoes its text fields back in
 * `values` (never passwords or tokens) so the form can show them again. Inside a handler,
 * use `revalidate(path)` from here rather than next/cache, so the action also runs outside
 * Next.js (tests). Every new action needs a row in tests/integration/auth/authorization-table.ts.
 */

/** "unexpected" is beyond the original contract: an unforeseen error, logged on the server. */
export type ActionErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "throttled" | "unexpected";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ActionErrorCode;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What a form posted (passwords left out), so the form can show it again. */
      values?: Record<string, string>;
    };

export interface Translate {
  (key: string, values?: TranslationValues): string;
  has(key: string): boolean;
}

export interface ActionContext {
  user: SessionUser;
  /** Messages in the visitor's language; keys are full paths ("invitations.sent"). */
  t: Translate;
}

export type PublicActionContext = Omit<ActionContext, "user">;

/** A failure the handler words itself, for outcomes the generic errors do not say well. */
export class ActionFailure extends Error {
  constructor(
    readonly code: Exclude<ActionErrorCode, "unexpected">,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionFailure";
  }
}

const catalogs: Record<Locale, AbstractIntlMessages> = { en, fr };

/** Messages in `locale`, keyed by full paths ("invitations.sent"). */
export function translatorFor(locale: Locale): Translate {
  // next-intl types keys from a messages type; ours are full paths chosen at run time.
  return createTranslator({ locale, messages: catalogs[locale] }) as unknown as Translate;
}

export async function actionTranslator(): Promise<Translate> {
  return translatorFor(await requestContext().locale());
}

/** After a change, re-render this page's data for the next visit (Next's revalidatePath). */
export function revalidate(path: string): void {
  requestContext().revalidatePath(path);
}

function formDataToObject(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields for forms posted without JavaScript
    const values = formData.getAll(key);
    input[key] = values.length === 1 ? values[0] : values;
  }
  return input;
}

function fromError<T>(error: unknown, t: Translate): ActionResult<T> {
  unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not failures
  if (error instanceof ActionFailure) {
    return { ok: false, error: error.code, message: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
  }
  if (error instanceof ForbiddenError) return { ok: false, error: "forbidden", message: t("errors.forbidden") };
  if (error instanceof NotFoundError) return { ok: false, error: "not_found", message: t("errors.notFound") };
  if (error instanceof ConflictError) {
    const { messageKey, field } = error.details;
    const message = messageKey && t.has(messageKey) ? t(messageKey) : t("errors.conflict");
    return { ok: false, error: "conflict", message, ...(field && { fieldErrors: { [field]: [message] } }) };
  }
  console.error("server action failed", error);
  return { ok: false, error: "unexpected", message: t("errors.unexpected") };
}

type Meta = { shape: "input" | "form"; access: "signed-in" | "public" };
const metaKey = Symbol.for("portal.action");

/** How an exported action is called and whether it needs a session (for the authorization matrix). */
export function actionMeta(candidate: unknown): Meta | undefined {
  if (typeof candidate !== "function") return undefined;
  return (candidate as unknown as Record<symbol, Meta | undefined>)[metaKey];
}

type Run<S extends z.ZodType, T> = (input: z.output<S>, user: SessionUser | null, t: Translate) => Promise<T>;

/**
 * An action's input schema, or a function that builds it for this request: an exam pass is
 * checked against the program's catalogue as published now, which a release does not fix.
 */
export type InputSchema<S extends z.ZodType> = S | (() => Promise<S>);

function resolveSchema<S extends z.ZodType>(schema: InputSchema<S>): Promise<S> | S {
  return typeof schema === "function" ? schema() : schema;
}

/** The posted text fields, to refill a form after a failure; secrets are never echoed. */
function echoedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password|token/i.test(key)) values[key] = value;
  }
  return values;
}

async function execute<S extends z.ZodType, T>(schema: InputSchema<S>, raw: unknown, meta: Meta, run: Run<S, T>): Promise<ActionResult<T>> {
  const result = await settle(schema, raw, meta, run);
  return !result.ok && raw instanceof FormData ? { ...result, values: echoedValues(raw) } : result;
}

async function settle<S extends z.ZodType, T>(schema: InputSchema<S>, raw: unknown, meta: Meta, run: Run<S, T>): Promise<ActionResult<T>> {
  const t = await actionTranslator();
  try {
    const user = await currentUser();
    if (!user && meta.access === "signed-in") {
      return { ok: false, error: "unauthenticated", message: t("errors.unauthenticated") };
    }
    const parsed = (await resolveSchema(schema)).safeParse(raw instanceof FormData ? formDataToObject(raw) : raw, { reportInput: true });
    if (!parsed.success) {
      const { message, fieldErrors } = localizeIssues(parsed.error.issues, t);
      return { ok: false, error: "invalid", message, fieldErrors };
    }
    return { ok: true, data: await run(parsed.data, user, t) };
  } catch (error) {
    return fromError(error, t);
  }
}

function build<S extends z.ZodType, T>(schema: InputSchema<S>, meta: Meta, run: Run<S, T>) {
  const callable =
    meta.shape === "form"
      ? async (_previous: ActionResult<T> | null, formData: FormData) => execute(schema, formData, meta, run)
      : async (input: z.input<S> | FormData) => execute(schema, input, meta, run);
  return Object.assign(callable, { [metaKey]: meta });
}

type Handler<S extends z.ZodType, T> = (input: z.output<S>, context: ActionContext) => Promise<T>;

function signedIn<S extends z.ZodType, T>(handler: Handler<S, T>): Run<S, T> {
  return async (input, user, t) => {
    if (!user) throw new Error("a signed-in action ran without a session");
    return handler(input, { user, t });
  };
}

export function action<S extends z.ZodType, T>(schema: InputSchema<S>, handler: Handler<S, T>) {
  return build(schema, { shape: "input", access: "signed-in" }, signedIn(handler)) as (
    input: z.input<S> | FormData,
  ) => Promise<ActionResult<T>>;
}

export function formAction<S extends z.ZodType, T>(schema: InputSchema<S>, handler: Handler<S, T>) {
  return build(schema, { shape: "form", access: "signed-in" }, signedIn(handler)) as (
    previous: ActionResult<T> | null,
    formData: FormData,
  ) => Promise<ActionResult<T>>;
}

/** For the few actions a signed-out visitor must reach: signing in, accepting an invitation. */
export function publicFormAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: PublicActionContext) => Promise<T>,
) {
  return build(schema, { shape: "form", access: "public" }, (input, _user, t) => handler(input, { t })) as (
    previous: ActionResult<T> | null,
    formData: FormData,
  ) => Promise<ActionResult<T>>;
}
