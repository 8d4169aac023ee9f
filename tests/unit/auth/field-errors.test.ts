import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Translate } from "@/lib/actions/action";
import { localizeIssues } from "@/lib/actions/field-errors";
import { newPassword } from "@/lib/auth/password-policy";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

const translator = (locale: "en" | "fr") => createTranslator({ locale, messages: locale === "en" ? en : fr }) as unknown as Translate;

const schema = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  role: z.enum(["employee", "partner_admin"]),
  password: newPassword,
  name: z.string().min(1).max(5),
});

function errors(input: unknown, locale: "en" | "fr" = "en") {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error("expected the input to be refused");
  return localizeIssues(parsed.error.issues, translator(locale));
}

describe("validation messages", () => {
  it("are keyed by field and written for people", () => {
    expect(errors({ email: "not-an-email", role: "boss", password: "short", name: "" })).toEqual({
      message: "Check the highlighted fields.",
      fieldErrors: {
        email: ["Enter an email address such as name@example.com."],
        role: ["Choose one of the options."],
        password: ["Use at least 12 characters."],
        name: ["This field is required."],
      },
    });
  });

  it("say a missing field is required and a long one too long", () => {
    expect(errors({ email: "a@b.example", role: "employee", password: "a fine long passphrase", name: "toolong" }).fieldErrors).toEqual({
      name: ["Use at most 5 characters."],
    });
    expect(errors({ role: "employee", password: "a fine long passphrase", name: "Al" }).fieldErrors).toEqual({
      email: ["This field is required."],
    });
  });

  it("speak French to a French visitor, custom messages included", () => {
    expect(errors({ email: "a@b.example", role: "employee", password: "qwertyqwerty", name: "Al" }, "fr")).toEqual({
      message: "Vérifiez les champs signalés.",
      fieldErrors: { password: ["Ce mot de passe fait partie des 10 000 mots de passe les plus courants. Choisissez-en un autre."] },
    });
  });
});
