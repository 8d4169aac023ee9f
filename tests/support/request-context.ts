import { appConnection } from "@/db/client";
import { authorizePassword } from "@/lib/auth/credentials";
import { withRequestContext, type RequestContext } from "@/lib/auth/request-context";
import type { SessionClaims, SessionUser } from "@/lib/auth/session-user";
import { startSession } from "@/lib/data/sessions";
import type { Locale } from "@/lib/i18n/locales";

export interface TestRequestOptions {
  locale?: Locale;
  clientAddress?: string;
}

/**
 * A request without Next.js: the user, language and client address are given, and
 * signing in runs the real credential check (the function Auth.js's authorize calls) and
 * then "sets the cookie" by remembering the user and a session started as Auth.js's jwt
 * callback starts it. A user given up front gets a real session on first use. Everything
 * else runs for real.
 */
export class TestRequest implements RequestContext {
  userId: string | null;
  sessionId: string | null = null;
  readonly revalidated: string[] = [];
  readonly #locale: Locale;
  readonly #clientAddress: string;

  constructor(user: SessionUser | null, options: TestRequestOptions = {}) {
    this.userId = user?.id ?? null;
    this.#locale = options.locale ?? "en";
    this.#clientAddress = options.clientAddress ?? "192.0.2.1";
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return withRequestContext(this, work);
  }

  async session(): Promise<SessionClaims | null> {
    if (!this.userId) return null;
    this.sessionId ??= await startSession((await appConnection()).db, this.userId);
    return { userId: this.userId, sessionId: this.sessionId };
  }

  locale() {
    return Promise.resolve(this.#locale);
  }

  clientAddress() {
    return Promise.resolve(this.#clientAddress);
  }

  origin() {
    return Promise.resolve("http://portal.test");
  }

  async signInWithPassword(email: string, password: string) {
    const user = await authorizePassword({ email, password, clientAddress: this.#clientAddress });
    this.userId = user.id;
    this.sessionId = await startSession((await appConnection()).db, user.id);
  }

  signInWithMicrosoft(): Promise<never> {
    return Promise.reject(new Error("Microsoft Entra ID sign-in needs a real browser round trip; it is not available in tests"));
  }

  signOut() {
    this.userId = null;
    this.sessionId = null;
    return Promise.resolve();
  }

  atRequestTime() {
    return Promise.resolve();
  }

  revalidatePath(path: string) {
    this.revalidated.push(path);
  }
}

/** Runs `work` as `user` (null: signed out). */
export function runAs<T>(user: SessionUser | null, work: () => Promise<T>, options?: TestRequestOptions): Promise<T> {
  return new TestRequest(user, options).run(work);
}
