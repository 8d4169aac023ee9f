import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connect, configuredConnection, DamagedDatabaseError } from "@/db/client";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { storedAuthSecret } from "@/lib/auth/stored-secret";
import { today } from "@/lib/clock";
import { ConfigurationError, readConfig } from "@/lib/config";
import { ensureBuild } from "./build";

async function prepareDatabase() {
  const connection = await connect(configuredConnection());
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

/** Stops with the reason alone when the configuration or the database cannot be used. */
function stopOn(error: unknown): never {
  if (error instanceof ConfigurationError || error instanceof DamagedDatabaseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

let settings: ReturnType<typeof readConfig>;
try {
  settings = readConfig();
} catch (error) {
  stopOn(error);
}
ensureBuild();
await prepareDatabase().catch(stopOn);

const port = String(settings.port);
// Next's own entry point, run by this Node directly: a signal sent to this script reaches
// the server itself, not a wrapper that would leave it running.
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));
const server = spawn(process.execPath, [nextBin, "start", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: storedAuthSecret(settings.authSecret),
    AUTH_TRUST_HOST: String(settings.trustHost),
    PORTAL_URL: settings.portalUrl,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
