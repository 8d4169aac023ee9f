import { config } from "@/lib/config";
import { type AlertFacts, alertWords } from "@/lib/i18n/alert-words";
import { isLocale } from "@/lib/i18n/locales";
import type { AlertKind } from "@/lib/rules";
import type { MailMessage } from "./message";
import { type UnsubscribeScope, unsubscribeUrls } from "./unsubscribe";

export interface AlertRecipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface AlertToMail extends AlertFacts {
  organization: string;
}

function unsubscribeParts(recipient: AlertRecipient, scope: UnsubscribeScope) {
  const urls = unsubscribeUrls({ userId: recipient.id, scope });
  return {
    url: urls.page,
    // RFC 2369 and RFC 8058: the mail client's own "unsubscribe" posts to the one-click address.
    headers: { "List-Unsubscribe": `<${urls.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** One alert, sent at once, in the recipient's language. */
export function alertMail(recipient: AlertRecipient, alert: AlertToMail): MailMessage {
  const locale = isLocale(recipient.locale) ? recipient.locale : "en";
  const words = alertWords(locale);
  const unsubscribe = unsubscribeParts(recipient, alert.kind as AlertKind);
  const { portalUrl } = config();
  return {
    to: { email: recipient.email, name: recipient.name },
    subject: words.subject(alert, alert.organization),
    text: [
      words.t("mail.greeting", { name: recipient.name }),
      "",
      words.sentence(alert, alert.organization),
      "",
      `${words.t("mail.open")} ${portalUrl}/dashboard#alerts`,
      "",
      "——",
      words.t("mail.why", { organization: alert.organization }),
      `${words.t("mail.unsubscribe")} ${unsubscribe.url}`,
      `${words.t("mail.manage")} ${portalUrl}/account#alert-emails`,
      "",
    ].join("\n"),
    headers: unsubscribe.headers,
  };
}

/** The week's alerts of one recipient, in one email. */
export function digestMail(recipient: AlertRecipient, alerts: readonly AlertToMail[]): MailMessage {
  const locale = isLocale(recipient.locale) ? recipient.locale : "en";
  const words = alertWords(locale);
  const unsubscribe = unsubscribeParts(recipient, "all");
  const { portalUrl } = config();
  return {
    to: { email: recipient.email, name: recipient.name },
    subject: words.t("mail.digestSubject", { count: alerts.length }),
    text: [
      words.t("mail.greeting", { name: recipient.name }),
      "",
      words.t("mail.digestLead"),
      "",
      ...alerts.map((alert) => `- ${words.sentence(alert, alert.organization)}`),
      "",
      `${words.t("mail.open")} ${portalUrl}/dashboard#alerts`,
      "",
      "——",
      `${words.t("mail.digestUnsubscribe")} ${unsubscribe.url}`,
      `${words.t("mail.manage")} ${portalUrl}/account#alert-emails`,
      "",
    ].join("\n"),
    headers: unsubscribe.headers,
  };
}
