import { z } from "zod";
import { webhookEvents } from "@/db/schema";
import { webhookUrlProblem } from "@/lib/webhooks/address";
import { optionalText, recordId, rowVersion } from "./fields";

const urlProblemKeys = {
  shape: "integrations.webhooks.errors.url",
  scheme: "integrations.webhooks.errors.https",
  credentials: "integrations.webhooks.errors.credentials",
  private: "integrations.webhooks.errors.private",
} as const;

/** A checkbox group posts one value as a string, several as a list, none at all. */
const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? (value as unknown[]) : value === undefined || value === "" ? [] : [value];

/** A new webhook endpoint: an HTTPS URL outside the portal's own network (unless `allowPrivate`), and the events it takes. */
export function webhookEndpointInputFor(allowPrivate: boolean) {
  return z.object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .superRefine((url, context) => {
        const problem = webhookUrlProblem(url, allowPrivate);
        if (problem) context.addIssue({ code: "custom", message: urlProblemKeys[problem] });
      }),
    description: optionalText(200),
    events: z.preprocess(
      listOf,
      z
        .array(z.enum(webhookEvents))
        .min(1, "integrations.webhooks.errors.events")
        .max(webhookEvents.length)
        .transform((events) => [...new Set(events)]),
    ),
  });
}

/** A change to an endpoint: what a new one takes, at the version the page showed. */
export function webhookEndpointUpdateInputFor(allowPrivate: boolean) {
  return webhookEndpointInputFor(allowPrivate).extend({ id: recordId, version: rowVersion });
}

export const webhookEndpointIdInput = z.object({ id: recordId });
export const webhookEndpointStatusInput = z.object({ id: recordId, status: z.enum(["active", "paused"]) });
export const webhookDeliveryIdInput = z.object({ id: recordId });
