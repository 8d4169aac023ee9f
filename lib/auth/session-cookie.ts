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
