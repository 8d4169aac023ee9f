// Auth.js's own class (next-auth re-exports it), imported from its home so that code
// checking credentials loads without Next.js (the two-process throttle test).
import { CredentialsSignin } from "@auth/core/errors";

/**
 * Why a password sign-in was refused. Auth.js hands these back unchanged to the code that
 * called signIn(); their `code` also travels in the URL when its own endpoint is posted to,
 * so it never says whether the email exists.
 */
export class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}

/**
 * The right password of an account whose access an administrator turned off: only someone who
 * knows the password learns that the account exists, and is told why they cannot come in.
 */
export class AccessTurnedOff extends CredentialsSignin {
  code = "access_off";
}

export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  readonly retryAfter: Date;

  constructor(retryAfter: Date) {
    super(`sign-in refused until ${retryAfter.toISOString()}`);
    this.retryAfter = retryAfter;
  }
}
