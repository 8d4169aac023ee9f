export interface MailMessage {
  to: { email: string; name: string };
  subject: string;
  text: string;
}

export const senderAddress = "Cloud CRM Competency Portal <no-reply@portal.example>";

/** RFC 2047: a header with non-ASCII text (French subjects, accented names) as UTF-8 base64. */
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/** The message as an RFC 5322 .eml file: what any mail client opens and any relay accepts. */
export function toEml(message: MailMessage, sentAt: Date, messageId: string): string {
  const headers = [
    `From: ${senderAddress}`,
    `To: ${headerText(message.to.name)} <${message.to.email}>`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${sentAt.toUTCString()}`,
    `Message-ID: <${messageId}@portal.example>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${message.text.replace(/\r?\n/g, "\r\n")}\r\n`;
}
