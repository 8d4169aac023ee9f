/**
 * Auth.js names its session cookie "authjs.session-token", with the "__Secure-" prefix over
 * HTTPS, and splits a large one into ".0", ".1"… chunks.
 */
const sessionCookie = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/** Whether the request carries a session cookie at all (not whether it is valid). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (sessionCookie.test(name)) return true;
  return false;
}

/**
 * Whether Auth.js sees this request as HTTPS, and so uses "__Secure-" cookies, decided as
 * its createActionURL decides: by AUTH_URL when it is set, else by X-Forwarded-Proto (which
 * Next.js sets on every request), else HTTPS.
 */
export function isSecureRequest(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === "https:";
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "https";
  return forwarded.replace(/:$/, "") === "https";
}

/** The session cookie's name, which is also the salt Auth.js seals its token with. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * The session token of the cookie Auth.js reads for this protocol, its chunks joined in
 * order; any other session cookie is ignored, as Auth.js ignores it.
 */
export function sessionTokenFrom(cookies: Iterable<{ name: string; value: string }>, secure: boolean): string | null {
  const name = sessionCookieName(secure);
  let whole: string | null = null;
  const chunks: { index: number; value: string }[] = [];
  for (const cookie of cookies) {
    if (cookie.name === name) whole = cookie.value;
    else if (cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1))) {
      chunks.push({ index: Number(cookie.name.slice(name.length + 1)), value: cookie.value });
    }
  }
  if (whole !== null) return whole;
  if (chunks.length === 0) return null;
  return chunks
    .sort((a, b) => a.index - b.index)
    .map((chunk) => chunk.value)
    .join("");
}
