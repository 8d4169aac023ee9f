import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { config } from "@/lib/config";
import { requestLocale } from "@/lib/i18n/request";
import { clientAddressFrom } from "./client-address";
import { auth, signIn, signOut } from "./index";
import type { RequestContext } from "./request-context";

async function origin(): Promise<string> {
  const { authUrl } = config();
  if (authUrl) return new URL(authUrl).origin;
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost";
  const protocol = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}

// Once per request: a layout and its page both ask, Auth.js decrypts the cookie once.
const session = cache(async () => {
  // Auth.js draws a CSRF token while it reads the session: request-time work, which Next's
  // runtime prerender of a page must not run (blocking-prerender-crypto).
  await connection();
  const current = await auth();
  const userId = current?.user?.id;
  const sessionId = current?.sessionId;
  return userId && sessionId ? { userId, sessionId } : null;
});

/** The request as Next.js and Auth.js see it. */
export const nextRequestContext: RequestContext = {
  session,
  locale: requestLocale,
  async clientAddress() {
    return clientAddressFrom(await headers());
  },
  origin,
  async signInWithPassword(email, password) {
    await signIn("credentials", { email, password, redirect: false });
  },
  async signInWithMicrosoft(redirectTo) {
    await signIn("microsoft-entra-id", { redirectTo });
    throw new Error("signIn() returned instead of redirecting to Microsoft Entra ID");
  },
  async signOut() {
    await signOut({ redirect: false });
  },
  revalidatePath(path) {
    revalidatePath(path);
  },
  atRequestTime: connection,
};
