import type { UserRole } from "@/db/schema";

/** Where each role starts after signing in. */
const landingByRole: Record<UserRole, string> = {
  partner_admin: "/dashboard",
  employee: "/exams",
  reviewer: "/review",
  program_admin: "/program",
};

export function landingPath(role: UserRole): string {
  return landingByRole[role];
}

export const signInPath = "/sign-in";

/**
 * A callback URL from a query string or a form, kept only when it is a path of this site:
 * "//evil.example" and "/\evil.example" are protocol-relative in browsers, so they are refused.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  const parsed = new URL(value, "http://portal.invalid");
  if (parsed.origin !== "http://portal.invalid") return null;
  if (parsed.pathname === signInPath) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** Pages anyone may open; every other page asks the proxy to send signed-out visitors to sign in. */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/" || pathname === signInPath || pathname.startsWith("/invitations/") || pathname.startsWith("/unsubscribe/");
}

export function signInRedirectPath(pathname: string, search: string): string {
  const callbackUrl = safeCallbackPath(`${pathname}${search}`);
  return callbackUrl ? `${signInPath}?${new URLSearchParams({ callbackUrl })}` : signInPath;
}
