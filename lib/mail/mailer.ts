import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { type MailMessage, senderAddress } from "./message";

/** Where mail goes: an SMTP server when SMTP_URL is set, otherwise .eml files in MAIL_DIR. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

function envelope(message: MailMessage) {
  return {
    from: senderAddress,
    to: { address: message.to.email, name: message.to.name },
    subject: message.subject,
    text: message.text,
    headers: message.headers,
  };
}

/** Sends through one nodemailer transport (SMTP, pooled). */
export function smtpMailer(url: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail(envelope(message));
    },
  };
}

/**
 * Writes each message as `<time>-<id>.eml` under `directory` (default ./.data/mail, or
 * MAIL_DIR): nodemailer builds the message, so the files are what an SMTP server would get.
 */
export function fileMailer(directory = config().mailDir): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(message) {
      const id = randomUUID();
      const info = await transport.sendMail({ ...envelope(message), messageId: `<${id}@portal.example>` });
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}.eml`;
      await writeFile(path.join(directory, name), info.message);
    },
  };
}

const globalForMail = globalThis as unknown as { portalMailer?: Mailer };

/** The mailer in use: SMTP when SMTP_URL is set, else files; tests plug theirs in with `setMailer`. */
export function mailer(): Mailer {
  const { smtpUrl } = config();
  globalForMail.portalMailer ??= smtpUrl ? smtpMailer(smtpUrl) : fileMailer();
  return globalForMail.portalMailer;
}

export function setMailer(replacement: Mailer | undefined): void {
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
