import "server-only";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import type { Executor } from "@/db/client";
import { config } from "@/lib/config";
import { cancelDelivery, deliveryTarget, recordAttempt, type AttemptOutcome } from "@/lib/data/webhooks";
import { safeLookup, webhookUrlProblem } from "./address";

/** How long an endpoint has to answer. */
const timeoutMs = 10_000;

/** POSTs `body` to `url` and says how it went; redirects are not followed, and private addresses are refused when they are not allowed. */
function post(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) return Promise.resolve({ statusCode: null, durationMs: 0, error: `refused: ${problem} URL` });
  return new Promise((resolve) => {
    const client = url.startsWith("https:") ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        lookup: safeLookup(allowPrivate),
        timeout: timeoutMs,
      },
      (response) => {
        // The answer's body is not kept: only that it came, and its status.
        response.resume();
        response.on("end", () => resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: null }));
        response.on("error", (error) => resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: error.message }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on("error", (error) => resolve({ statusCode: null, durationMs: elapsed(), error: error.message.slice(0, 500) }));
    request.end(body);
  });
}

export class DeliveryFailed extends Error {
  constructor(outcome: AttemptOutcome) {
    super(`webhook delivery failed: ${outcome.statusCode ?? outcome.error}`);
    this.name = "DeliveryFailed";
  }
}

/**
 * Sends one delivery, signed per the Standard Webhooks specification (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), and records the attempt. A failure that is not
 * the `last` try throws, for the queue to try again later; a delivery already made is not
 * sent again, and one whose endpoint was paused or deleted is cancelled.
 */
export async function deliverWebhook(db: Executor, deliveryId: string, { last }: { last: boolean }): Promise<string> {
  const target = await deliveryTarget(db, deliveryId);
  if (!target) return "gone";
  if (target.delivery.status !== "pending" && target.delivery.status !== "retrying") return target.delivery.status;
  if (target.endpoint.status !== "active") {
    await cancelDelivery(db, deliveryId);
    return "cancelled";
  }
  const body = JSON.stringify(target.delivery.payload);
  const timestamp = new Date();
  // During a rotation, both secrets sign: the header lists each signature, space-separated.
  const signature = [target.endpoint.secret, target.endpoint.previousSecret]
    .filter((secret) => secret !== null)
    .map((secret) => new Webhook(secret).sign(target.delivery.messageId, timestamp, body))
    .join(" ");
  const outcome = await post(
    target.endpoint.url,
    body,
    {
      "user-agent": "cloud-crm-portal-webhooks/1",
      "webhook-id": target.delivery.messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
    },
    config().webhooksAllowPrivate,
  );
  const succeeded = await recordAttempt(db, target, outcome, last);
  if (!succeeded && !last) throw new DeliveryFailed(outcome);
  return succeeded ? "succeeded" : "failed";
}
