import { describe, expect, it } from "vitest";
import { isPublicPath, landingPath, safeCallbackPath, signInRedirectPath } from "@/lib/auth/paths";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

describe("where people land and come back to", () => {
  it("sends each role to its own start page", () => {
    expect(landingPath("partner_admin")).toBe("/dashboard");
    expect(landingPath("employee")).toBe("/exams");
    expect(landingPath("reviewer")).toBe("/review");
  });

  it.each([
    ["/people?sort=name#top", "/people?sort=name#top"],
    ["/review", "/review"],
  ])("keeps a path of this site: %s", (value, kept) => {
    expect(safeCallbackPath(value)).toBe(kept);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "people",
    "",
    "/sign-in",
    "/a\nb",
    null,
    42,
  ])("refuses %s as a place to go back to", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it("lets anyone open the home, sign-in and invitation pages, and nothing else", () => {
    expect(["/", "/sign-in", "/invitations/abc"].every(isPublicPath)).toBe(true);
    expect(["/dashboard", "/team", "/review", "/sign-in/x", "/invitations"].some(isPublicPath)).toBe(false);
  });

  it("sends a signed-out visitor to sign in, remembering the page", () => {
    expect(signInRedirectPath("/people", "?page=2")).toBe("/sign-in?callbackUrl=%2Fpeople%3Fpage%3D2");
  });

  it("recognizes Auth.js session cookies, plain, secure or chunked", () => {
    expect(hasSessionCookie(["NEXT_LOCALE", "authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token.0"])).toBe(true);
    expect(hasSessionCookie(["authjs.csrf-token", "authjs.callback-url", "session-token"])).toBe(false);
  });
});
