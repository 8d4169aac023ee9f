/**
 * Auth.js names its session cookie "authjs.session-token", with the "__Secure-" prefix over
 * HTTPS, and splits a large one into ".0", ".1"… chunks.
 */
const sessionCookie = /^((?:__Secure-)?authjs\.session-token)(?:\.(\d+))?$/;

/** Whether the request carries a session cookie at all (not whether it is valid). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (sessionCookie.test(name)) return true;
  return false;
}

/** The session token a request carries, its chunks joined, and the cookie name Auth.js salts it with. */
export function sessionTokenFrom(cookies: Iterable<{ name: string; value: string }>): { name: string; token: string } | null {
  let name: string | null = null;
  const chunks: { index: number; value: string }[] = [];
  for (const cookie of cookies) {
    const match = sessionCookie.exec(cookie.name);
    if (!match) continue;
    // A stale plain-HTTP cookie next to a __Secure- one: the secure one is the session.
    if (name !== null && name !== match[1]) {
      if (!match[1].startsWith("__Secure-")) continue;
      chunks.length = 0;
    }
    name = match[1];
    chunks.push({ index: match[2] === undefined ? -1 : Number(match[2]), value: cookie.value });
  }
  if (name === null) return null;
  chunks.sort((a, b) => a.index - b.index);
  return { name, token: chunks.map((chunk) => chunk.value).join("") };
}
