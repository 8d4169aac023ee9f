import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "@/lib/i18n/locales";
import type { SessionClaims } from "./session-user";
import { nextRequestContext } from "./next-request-context";

/**
 * Everything the portal's server code learns from, or does to, the HTTP request in flight.
 * In the running app it is Next.js and Auth.js (next-request-context.ts). Tests and scripts
 * run code "as" someone with withRequestContext, so actions and pages execute for real
 * against a real database without a Next.js server and without mocking our own modules.
 */
export interface RequestContext {
  /** The user and session the session cookie names, not yet checked against the database. */
  session(): Promise<SessionClaims | null>;
  locale(): Promise<Locale>;
  clientAddress(): Promise<string>;
  /** The site's origin as the visitor sees it, for links shown to people. */
  origin(): Promise<string>;
  /** Checks the password through Auth.js and sets the session cookie; throws WrongCredentials or SignInThrottled. */
  signInWithPassword(email: string, password: string): Promise<void>;
  /** Sends the visitor to Microsoft Entra ID (throws Next's redirect). */
  signInWithMicrosoft(redirectTo: string): Promise<never>;
  /** Clears the session cookie (the caller ends the session itself first). */
  signOut(): Promise<void>;
  /** Drops the cached render of a page after a change. */
  revalidatePath(path: string): void;
  /** Marks what follows as request-time work, never prerendered at build (Next's connection()). */
  atRequestTime(): Promise<void>;
}

const override = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, run: () => Promise<T>): Promise<T> {
  return override.run(context, run);
}

export function requestContext(): RequestContext {
  return override.getStore() ?? nextRequestContext;
}
