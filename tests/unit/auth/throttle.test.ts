import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { formatRetryTime } from "@/lib/auth/retry-time";
import { retryAfter, throttlePolicy } from "@/lib/auth/throttle";

const at = (time: string) => new Date(`2026-11-25T${time}Z`);

describe("the sign-in throttle's window", () => {
  it("is 5 failures per email, 20 per address, in 15 minutes", () => {
    expect(throttlePolicy).toMatchObject({ windowMs: 15 * 60_000, failuresPerEmail: 5, failuresPerAddress: 20 });
  });

  it("opens again when the limit-th newest failure leaves the window", () => {
    const failures = ["14:20:00", "14:18:30", "14:17:00", "14:16:00", "14:15:00", "14:10:00"].map(at);
    expect(retryAfter(failures, 5, throttlePolicy.windowMs)).toEqual(at("14:30:00"));
    expect(retryAfter(failures.slice(0, 4), 5, throttlePolicy.windowMs)).toBeNull();
  });
});

describe("the time a throttled visitor may try again", () => {
  it("reads in the visitor's language and time zone, rounded up to the minute", () => {
    expect(formatRetryTime(at("14:31:10"), "en", "UTC")).toBe("2:32 PM UTC");
    expect(formatRetryTime(at("14:31:10"), "fr", "Europe/Paris")).toBe("15:32 UTC+1");
    expect(formatRetryTime(at("14:32:00"), "fr")).toBe("14:32 UTC");
  });

  it("falls back to UTC for a time zone it does not know", () => {
    expect(formatRetryTime(at("09:05:00"), "en", "Mars/Olympus_Mons")).toBe("9:05 AM UTC");
  });
});

describe("the client address", () => {
  it("is the first hop of X-Forwarded-For, else X-Real-IP", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1", "x-real-ip": "10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientAddressFrom(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddressFrom(new Headers())).toBe("unknown");
  });

  it("is bounded, whatever a client sends", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "a".repeat(5000) }))).toHaveLength(100);
  });
});
