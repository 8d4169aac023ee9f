import { hash, verify } from "@node-rs/argon2";

// OWASP password storage cheat sheet: argon2id, m=19 MiB, t=2, p=1.
// The algorithm is left at the library's default, which is argon2id.
const argon2idOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}
