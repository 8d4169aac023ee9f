/** A session lasts one working day from sign-in, however often it is refreshed. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** Whether a session that began at `signedInAt` (ms) is still within its working day. */
export function sessionIsCurrent(signedInAt: unknown, now: number = Date.now()): boolean {
  return typeof signedInAt === "number" && now - signedInAt < sessionMaxAgeSeconds * 1000;
}
