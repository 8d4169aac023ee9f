import "../auth/auth-secret";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { alertMail } from "@/lib/mail/alert-mail";
import { smtpMailer } from "@/lib/mail/mailer";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  // A real SMTP server on a free port, plain text and open to anyone: the portal's side of the exchange is what is tested.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("hands an alert email to an SMTP server, in the recipient's language, with its unsubscribe headers", async () => {
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}`);
  await mailer.send(
    alertMail(
      { id: "8a9e1f52-4a53-4cf5-9d0e-1a2b3c4d5e6f", email: "claire@contoso.example", name: "Claire Admin", locale: "fr" },
      { kind: "tier-ending", tier: "gold", dueOn: "2027-01-15", threshold: 30, details: {}, organization: "Contoso Ltd" },
    ),
  );
  expect(received).toHaveLength(1);
  const [mail] = received;
  expect(mail.from).toBe("no-reply@portal.example");
  expect(mail.to).toEqual(["claire@contoso.example"]);
  expect(mail.raw).toMatch(/^Subject: Contoso Ltd perd le niveau Or le 15 janvier 2027\r$/m);
  expect(mail.raw).toMatch(
    /^List-Unsubscribe:\s+<http:\/\/localhost:3000\/api\/unsubscribe\/8a9e1f52-4a53-4cf5-9d0e-1a2b3c4d5e6f\.tier-ending\.[\w-]+>\r$/m,
  );
  expect(mail.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(mail.raw).toContain("Bonjour Claire Admin,");
});
