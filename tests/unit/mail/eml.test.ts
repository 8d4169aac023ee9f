import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileMailer } from "@/lib/mail/mailer";
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

  it("is written by nodemailer as an .eml file, its non-ASCII subject encoded (RFC 2047) and its extra headers kept", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "portal-mail-"));
    try {
      await fileMailer(directory).send({
        to: { email: "chloe@contoso.example", name: "Chloé Dubois" },
        subject: "Approuvée",
        text: "Bonjour\nÀ bientôt",
        headers: { "List-Unsubscribe": "<http://localhost:3000/api/unsubscribe/x>" },
      });
      const [name] = await readdir(directory);
      expect(name).toMatch(/\.eml$/);
      const eml = await readFile(path.join(directory, name), "utf8");
      expect(eml).toMatch(/^To: =\?UTF-8\?Q\?Chlo=C3=A9_Dubois\?= <chloe@contoso\.example>\r$/m);
      expect(eml).toMatch(/^Subject: =\?UTF-8\?Q\?Approuv=C3=A9e\?=\r$/m);
      expect(eml).toContain("List-Unsubscribe: <http://localhost:3000/api/unsubscribe/x>\r\n");
      expect(eml).toMatch(/^Message-ID: <[0-9a-f-]{36}@portal\.example>\r$/m);
      expect(eml).toContain("Bonjour\r\n");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
