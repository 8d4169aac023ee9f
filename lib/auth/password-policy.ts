import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { maximumPasswordLength, minimumPasswordLength } from "./password-length";

/**
 * A new password: long enough and not one of the 10,000 most common. The custom issue's
 * message is a key of the "errors" messages, localized by the action wrapper.
 */
export const newPassword = z
  .string()
  // A password refused for its length is not also looked up (one message is enough).
  .min(minimumPasswordLength, { abort: true })
  .max(maximumPasswordLength, { abort: true })
  .refine((password) => !isCommonPassword(password), { message: "commonPassword" });

/** Why a password is refused, in English, for the command line. */
export function passwordProblem(password: string): string | null {
  const result = newPassword.safeParse(password);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue.code === "too_small") return `The password needs at least ${minimumPasswordLength} characters.`;
  if (issue.code === "too_big") return `The password may have at most ${maximumPasswordLength} characters.`;
  return "This password is among the 10,000 most common ones; choose another.";
}
