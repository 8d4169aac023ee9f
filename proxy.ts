import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, signInRedirectPath } from "@/lib/auth/paths";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, nonceHeader } from "@/lib/content-security-policy";

/**
 * Sends signed-out visitors of the portal's pages to the sign-in page, remembering where they
 * were going. It decides no access and reads no session: a forged or ended cookie gets past
 * it and is refused by every page, action and data function, which read the session through
 * Auth.js and check it against the database themselves (CVE-2025-29927 showed why the proxy
 * must not be the guard). It also gives every page its Content-Security-Policy nonce.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isPublicPath(pathname) && !hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) {
    return NextResponse.redirect(new URL(signInRedirectPath(pathname, search), request.url));
  }
  // A fresh nonce per page: Next.js reads it from the request's policy and puts it on its scripts.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(nonceHeader, nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: route handlers answer for themselves, and assets are public.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
