import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";
import { type MailMessage, toEml } from "./message";

/** Where mail goes. The default writes files, so the portal works without a mail server. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Writes each message as `<time>-<id>.eml` under `directory` (default ./.data/mail, or MAIL_DIR). */
export function fileMailer(directory = config().mailDir): Mailer {
  return {
    async send(message) {
      const sentAt = new Date();
      const id = randomUUID();
      await mkdir(directory, { recursive: true });
      const name = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${id}.eml`;
      await writeFile(path.join(directory, name), toEml(message, sentAt, id), "utf8");
    },
  };
}

const globalForMail = globalThis as unknown as { portalMailer?: Mailer };

/** The mailer in use; an SMTP or API transport plugs in through `setMailer` at start-up. */
export function mailer(): Mailer {
  globalForMail.portalMailer ??= fileMailer();
  return globalForMail.portalMailer;
}

export function setMailer(replacement: Mailer): void {
  globalForMail.portalMailer = replacement;
}

/**
 * Sends after the decision is committed: a lost email must not undo a decision, so a
 * failure is logged for the operator rather than thrown at the reviewer.
 */
export async function sendAll(messages: readonly MailMessage[]): Promise<void> {
  const results = await Promise.allSettled(messages.map((message) => mailer().send(message)));
  for (const result of results) {
    if (result.status === "rejected") console.error("notification email not sent", result.reason);
  }
}
