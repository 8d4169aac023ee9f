import { type AbstractIntlMessages, createTranslator, type TranslationValues } from "use-intl/core";
import type { NotificationKind } from "@/db/schema";
import { config } from "@/lib/config";
import { formatDate } from "@/lib/i18n/format";
import { cloudCrm } from "@/lib/rules";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { MailMessage } from "./message";

export interface SubmissionMailFacts {
  organization: string;
  tier: string;
  /** The reviewer's message or reason, for changes requested and rejections. */
  message?: string | null;
  reviewer?: string | null;
  awardedOn?: string | null;
  anniversaryOn?: string | null;
  /** Path of the page to open, e.g. /submissions/…; made absolute with PORTAL_URL. */
  path: string;
}

/**
 * One notification as an email. Accounts carry no language, so the email says it in English
 * and in French, from the same messages as the pages.
 */
export function submissionMail(kind: NotificationKind, to: MailMessage["to"], facts: SubmissionMailFacts): MailMessage {
  const key = kind.replace("submission.", "");
  const versions = (["en", "fr"] as const).map((locale) => {
    // Keys are chosen at run time from the kind, so the catalogue is taken untyped.
    const messages: AbstractIntlMessages = locale === "en" ? en : fr;
    const t = createTranslator({ locale, messages, namespace: "notifications" }) as unknown as (
      key: string,
      values: TranslationValues,
    ) => string;
    const tier = cloudCrm.tiers.find((candidate) => candidate.id === facts.tier)?.title[locale] ?? facts.tier;
    const values = {
      organization: facts.organization,
      tier,
      message: facts.message ?? "",
      reviewer: facts.reviewer ?? "",
      awardedOn: facts.awardedOn ? formatDate(facts.awardedOn, locale, "long") : "",
      anniversaryOn: facts.anniversaryOn ? formatDate(facts.anniversaryOn, locale, "long") : "",
    };
    return {
      subject: t(`subjects.${key}`, values),
      body: `${t(`bodies.${key}`, values)}\n\n${t("mail.open", {})} ${config().portalUrl}${facts.path}`,
    };
  });
  return {
    to,
    subject: `${versions[0].subject} · ${versions[1].subject}`,
    text: `${versions[0].body}\n\n——\n\n${versions[1].body}\n`,
  };
}
