import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET when set; otherwise a secret kept beside the embedded data (made on first use),
 * so that sign-ins and unsubscribe links survive a restart and every local process agrees.
 */
export function storedAuthSecret(configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
