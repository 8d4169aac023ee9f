import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { newPassword, passwordProblem } from "@/lib/auth/password-policy";

describe("the list of common passwords shipped in data/", () => {
  it("holds the 10,000 most common passwords", () => {
    const lines = readFileSync("data/common-passwords.txt", "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(10_000);
    expect(new Set(lines).size).toBe(10_000);
    expect(["123456", "password", "qwerty", "dragon", "letmein"].every(isCommonPassword)).toBe(true);
  });

  it("matches whatever the case", () => {
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("QAZWSXEDCRFV")).toBe(true);
  });
});

describe("a new password", () => {
  it("needs at least 12 characters", () => {
    expect(newPassword.safeParse("eleven-char").success).toBe(false);
    expect(newPassword.safeParse("twelve-chars").success).toBe(true);
    expect(passwordProblem("short")).toBe("The password needs at least 12 characters.");
  });

  it("may not be one of the common ones, however long", () => {
    expect(newPassword.safeParse("1qaz2wsx3edc").success).toBe(false);
    expect(passwordProblem("1q2w3e4r5t6y")).toMatch(/10,000 most common/);
  });

  it("has a bound", () => {
    expect(newPassword.safeParse("x".repeat(257)).success).toBe(false);
    expect(passwordProblem("a correct horse battery staple")).toBeNull();
  });
});
