import type { WebhookEventType } from "@/db/schema";

/** The message key of an event's name: `tier.changed` is `tierChanged` (a dot in a key would nest it). */
export function webhookEventKey(event: WebhookEventType) {
  const keys = {
    "tier.changed": "tierChanged",
    "alert.raised": "alertRaised",
    "evidence.verdict": "evidenceVerdict",
    "submission.decided": "submissionDecided",
    "webhook.test": "webhookTest",
  } as const;
  return `webhooks.events.${keys[event]}` as const;
}
