import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileMailer } from "@/lib/mail/mailer";
import { toEml } from "@/lib/mail/message";
import { submissionMail } from "@/lib/mail/submission-mail";

describe("notification email", () => {
  it("says an approval in English and in French, with the award dates written out", () => {
    const mail = submissionMail(
      "submission.approved",
      { email: "admin@contoso.example", name: "Claire Admin" },
      {
        organization: "Contoso Ltd",
        tier: "gold",
        awardedOn: "2026-11-25",
        anniversaryOn: "2027-11-25",
        path: "/submissions/1",
      },
    );
    expect(mail.subject).toBe("Your Gold application is approved · Votre candidature au niveau Or est approuvée");
    expect(mail.text).toContain(
      "Contoso Ltd is a Gold partner of the Cloud CRM competency since November 25, 2026. The award renews on November 25, 2027.",
    );
    expect(mail.text).toContain("depuis le 25 novembre 2026");
    expect(mail.text).toContain("http://localhost:3000/submissions/1");
  });

  it("is written as an .eml file with its non-ASCII subject encoded (RFC 2047)", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "portal-mail-"));
    try {
      await fileMailer(directory).send({
        to: { email: "chloe@contoso.example", name: "Chloé Dubois" },
        subject: "Approuvée",
        text: "Bonjour\nÀ bientôt",
      });
      const [name] = await readdir(directory);
      expect(name).toMatch(/\.eml$/);
      const eml = await readFile(path.join(directory, name), "utf8");
      expect(eml).toContain(`To: =?UTF-8?B?${Buffer.from("Chloé Dubois").toString("base64")}?= <chloe@contoso.example>`);
      expect(eml).toContain("Subject: =?UTF-8?B?");
      expect(eml.split("\r\n\r\n")[1]).toBe("Bonjour\r\nÀ bientôt\r\n");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("keeps plain ASCII headers as they are", () => {
    const eml = toEml(
      { to: { email: "a@b.example", name: "Rita" }, subject: "Hello", text: "x" },
      new Date("2026-11-25T12:00:00Z"),
      "id-1",
    );
    expect(eml).toContain("Subject: Hello\r\n");
    expect(eml).toContain("Date: Wed, 25 Nov 2026 12:00:00 GMT");
  });
});
