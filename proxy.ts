import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, signInRedirectPath } from "@/lib/auth/paths";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { cachedDashboard } from "@/lib/page-cache/dashboard";

/**
 * Sends signed-out visitors of the portal's pages to the sign-in page, remembering where they
 * were going, and answers the dashboard from its page cache. It decides no access: a forged
 * cookie gets past it and is refused by every page, action and data function, which read
 * and check the session themselves (CVE-2025-29927 showed why the proxy must not be the
 * guard); the page cache replays a page only to a session it verified itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  if (!hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) {
    return NextResponse.redirect(new URL(signInRedirectPath(pathname, search), request.url));
  }
  if (pathname === "/dashboard") return (await cachedDashboard(request)) ?? NextResponse.next();
  return NextResponse.next();
}

export const config = {
  // Pages only: route handlers answer for themselves, and assets are public.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
