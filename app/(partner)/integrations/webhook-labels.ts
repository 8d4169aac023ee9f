import type { getTranslations } from "next-intl/server";
import { webhookEvents } from "@/db/schema";
import { webhookEventKey } from "@/lib/i18n/webhook-events";

type IntegrationsTranslator = Awaited<ReturnType<typeof getTranslations<"integrations">>>;

/** The words of an endpoint's fields, the same on the form that registers it and on the one that changes it. */
export function webhookFieldLabels(t: IntegrationsTranslator) {
  return {
    url: t("webhooks.url"),
    urlHint: t("webhooks.urlHint"),
    description: t("webhooks.description"),
    events: t("webhooks.eventsLabel"),
    eventNames: Object.fromEntries(webhookEvents.map((event) => [event, t(webhookEventKey(event))])) as Record<string, string>,
  };
}

/** The words around a signing secret shown once, when an endpoint is registered and when its secret is rotated. */
export function webhookSecretLabels(t: IntegrationsTranslator) {
  return {
    secret: t("webhooks.secret"),
    secretHint: t("webhooks.secretHint"),
    copy: t("tokens.copy"),
    copied: t("tokens.copied"),
  };
}
