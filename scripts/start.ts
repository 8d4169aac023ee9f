import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connect, connectionOptionsFromEnv } from "@/db/client";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { today } from "@/lib/clock";
import { ensureBuild } from "./build";

/** A session secret kept beside the embedded data, so sign-ins survive a restart. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function prepareDatabase() {
  const connection = await connect(connectionOptionsFromEnv());
  try {
    await connection.migrate();
    if (await isDatabaseEmpty(connection.db)) {
      const { created } = await seedDemoData(connection.db, today());
      console.log(`Demo data loaded: ${created.join(", ")}.`);
    }
    console.log(`Database ready (${connection.kind}).`);
  } finally {
    await connection.close();
  }
}

ensureBuild();
await prepareDatabase();

const port = process.env.PORT ?? "3000";
// Next's own entry point, run by this Node directly: a signal sent to this script reaches
// the server itself, not a wrapper that would leave it running.
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));
const server = spawn(process.execPath, [nextBin, "start", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
