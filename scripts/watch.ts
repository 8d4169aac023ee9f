import { parseArgs } from "node:util";
import { connect, configuredConnection, DamagedDatabaseError } from "@/db/client";
import { storedAuthSecret } from "@/lib/auth/stored-secret";
import { today } from "@/lib/clock";
import { ConfigurationError, readConfig } from "@/lib/config";
import { sendAlertEmails } from "@/lib/data/alert-emails";
import { watchAll } from "@/lib/data/watch";
import { mailer } from "@/lib/mail/mailer";

/**
 * npm run watch -- --once: one whole watch now, in this process, then the alert emails it
 * owes; prints what it did and exits. With the embedded database, run it while no server
 * holds the data directory.
 */
const usage = "usage: npm run watch -- --once";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let once = false;
try {
  ({
    values: { once = false },
  } = parseArgs({ options: { once: { type: "boolean" } }, strict: true, allowPositionals: false }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
if (!once) fail(`${usage}\n(the daily watch itself runs in the job queue's worker: npm start or npm run worker)`);

try {
  const settings = readConfig();
  process.env.AUTH_SECRET = storedAuthSecret(settings.authSecret);
  const connection = await connect(configuredConnection());
  try {
    await connection.migrate();
    const day = today();
    const outcome = await watchAll(connection.db, day);
    const emails = await sendAlertEmails(connection.db, mailer());
    console.log(
      `Watch of ${day}: ${outcome.watched} organizations watched, ${outcome.raised} alerts raised, ${outcome.resolved} resolved; ${emails.sent} emails sent${emails.failed ? `, ${emails.failed} failed (tried again on the next run)` : ""}.`,
    );
  } finally {
    await connection.close();
  }
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof DamagedDatabaseError) fail(error.message);
  throw error;
}
