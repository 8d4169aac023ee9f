import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import { sessionMaxAgeSeconds, verifiedSessionUserId } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-thirty-two-bytes-or-more";
const salt = "authjs.session-token";
const userId = "6f0c1a52-52f4-4f54-a0a5-4c9a3f0d2b11";

function token(claims: Record<string, unknown>, options: { secret?: string; maxAge?: number; salt?: string } = {}) {
  return encode({ token: claims, secret: options.secret ?? secret, salt: options.salt ?? salt, maxAge: options.maxAge ?? sessionMaxAgeSeconds });
}

describe("the session cookie", () => {
  it("joins a chunked token in order and prefers the __Secure- cookie", () => {
    expect(sessionTokenFrom([{ name: "authjs.session-token", value: "abc" }])).toEqual({ name: "authjs.session-token", token: "abc" });
    expect(
      sessionTokenFrom([
        { name: "authjs.session-token.1", value: "def" },
        { name: "authjs.session-token.0", value: "abc" },
      ]),
    ).toEqual({ name: "authjs.session-token", token: "abcdef" });
    expect(
      sessionTokenFrom([
        { name: "authjs.session-token", value: "plain" },
        { name: "__Secure-authjs.session-token", value: "secure" },
      ]),
    ).toEqual({ name: "__Secure-authjs.session-token", token: "secure" });
    expect(sessionTokenFrom([{ name: "NEXT_LOCALE", value: "fr" }])).toBeNull();
  });
});

describe("verifying a session token", () => {
  const saved = process.env.AUTH_SECRET;
  beforeAll(() => {
    process.env.AUTH_SECRET = secret;
  });
  afterAll(() => {
    process.env.AUTH_SECRET = saved;
  });

  it("names the user of a token Auth.js would accept", async () => {
    const value = await token({ sub: userId, signedInAt: Date.now() - 60_000 });
    expect(await verifiedSessionUserId([{ name: salt, value }])).toBe(userId);
    // The second reading is remembered, and still checked against the clock.
    expect(await verifiedSessionUserId([{ name: salt, value }])).toBe(userId);
    expect(await verifiedSessionUserId([{ name: salt, value }], Date.now() + sessionMaxAgeSeconds * 1000)).toBeNull();
  });

  it("refuses a token past its working day, expired, sealed with another secret or salt, or altered", async () => {
    const signedInAt = Date.now() - 60_000;
    const outOfDay = await token({ sub: userId, signedInAt: Date.now() - sessionMaxAgeSeconds * 1000 - 1 });
    const expired = await token({ sub: userId, signedInAt }, { maxAge: -60 });
    const otherSecret = await token({ sub: userId, signedInAt }, { secret: "another-secret-of-thirty-two-bytes-long" });
    const otherSalt = await token({ sub: userId, signedInAt }, { salt: "__Secure-authjs.session-token" });
    const good = await token({ sub: userId, signedInAt });
    const altered = `${good.slice(0, -4)}AAAA`;
    const withoutSub = await token({ signedInAt });
    for (const value of [outOfDay, expired, otherSecret, otherSalt, altered, withoutSub, "garbage"]) {
      expect(await verifiedSessionUserId([{ name: salt, value }])).toBeNull();
    }
    expect(await verifiedSessionUserId([])).toBeNull();
  });
});
