import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Everything `next build` reads: a change to any of these makes the build stale. */
const buildInputs = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "public",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
];

const stampFile = path.join(".next", "source-hash");

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)));
}

export function sourceHash(): string {
  const digest = createHash("sha256");
  for (const file of buildInputs.flatMap(listFiles)) {
    digest.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return digest.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function ensureBuild(): void {
  const hash = sourceHash();
  const upToDate = existsSync(path.join(".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash;
  if (upToDate) {
    console.log("Build is up to date.");
    return;
  }
  console.log("Building the portal (next build)…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`next build failed with exit code ${result.status ?? result.signal}`);
  }
  writeFileSync(stampFile, hash);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild();
}
