import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSecureRequest, sessionTokenFrom } from "@/lib/auth/session-cookie";
import { sessionMaxAgeSeconds, verifiedSessionUserId } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-thirty-two-bytes-or-more";
const plain = "authjs.session-token";
const secure = "__Secure-authjs.session-token";
const userId = "6f0c1a52-52f4-4f54-a0a5-4c9a3f0d2b11";

function token(claims: Record<string, unknown>, options: { secret?: string; maxAge?: number; salt?: string } = {}) {
  return encode({ token: claims, secret: options.secret ?? secret, salt: options.salt ?? plain, maxAge: options.maxAge ?? sessionMaxAgeSeconds });
}

describe("the session cookie", () => {
  it("is the one Auth.js reads for the protocol, its chunks joined in order", () => {
    expect(sessionTokenFrom([{ name: plain, value: "abc" }], false)).toBe("abc");
    expect(
      sessionTokenFrom(
        [
          { name: `${plain}.1`, value: "def" },
          { name: `${plain}.0`, value: "abc" },
        ],
        false,
      ),
    ).toBe("abcdef");
    const both = [
      { name: plain, value: "plain" },
      { name: secure, value: "secure" },
    ];
    expect(sessionTokenFrom(both, true)).toBe("secure");
    expect(sessionTokenFrom(both, false)).toBe("plain");
    // Over HTTPS, a cookie without the prefix (which plain HTTP could have set) is no session.
    expect(sessionTokenFrom([{ name: plain, value: "plain" }], true)).toBeNull();
    expect(sessionTokenFrom([{ name: "NEXT_LOCALE", value: "fr" }, { name: `${plain}.x`, value: "y" }], false)).toBeNull();
  });

  it("is the __Secure- one when AUTH_URL or the forwarded protocol says HTTPS", () => {
    const forwarded = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
    expect(isSecureRequest(forwarded("http"), {})).toBe(false);
    expect(isSecureRequest(forwarded("https"), {})).toBe(true);
    expect(isSecureRequest(forwarded("https, http"), {})).toBe(true);
    expect(isSecureRequest(forwarded(), {})).toBe(true);
    expect(isSecureRequest(forwarded("http"), { AUTH_URL: "https://portal.example" })).toBe(true);
    expect(isSecureRequest(forwarded("https"), { AUTH_URL: "http://localhost:3000" })).toBe(false);
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
    expect(await verifiedSessionUserId([{ name: plain, value }], false)).toBe(userId);
    // The second reading is remembered, and still checked against the clock.
    expect(await verifiedSessionUserId([{ name: plain, value }], false)).toBe(userId);
    expect(await verifiedSessionUserId([{ name: plain, value }], false, Date.now() + sessionMaxAgeSeconds * 1000)).toBeNull();

    const overHttps = await token({ sub: userId, signedInAt: Date.now() }, { salt: secure });
    expect(await verifiedSessionUserId([{ name: secure, value: overHttps }], true)).toBe(userId);
  });

  it("refuses a token past its working day, expired, sealed with another secret or salt, or altered", async () => {
    const signedInAt = Date.now() - 60_000;
    const outOfDay = await token({ sub: userId, signedInAt: Date.now() - sessionMaxAgeSeconds * 1000 - 1 });
    const expired = await token({ sub: userId, signedInAt }, { maxAge: -60 });
    const otherSecret = await token({ sub: userId, signedInAt }, { secret: "another-secret-of-thirty-two-bytes-long" });
    const otherSalt = await token({ sub: userId, signedInAt }, { salt: secure });
    const good = await token({ sub: userId, signedInAt });
    const altered = `${good.slice(0, -4)}AAAA`;
    const withoutSub = await token({ signedInAt });
    for (const value of [outOfDay, expired, otherSecret, otherSalt, altered, withoutSub, "garbage"]) {
      expect(await verifiedSessionUserId([{ name: plain, value }], false)).toBeNull();
    }
    expect(await verifiedSessionUserId([], false)).toBeNull();
  });
});
