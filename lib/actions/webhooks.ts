"use server";

import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import * as webhooks from "@/lib/data/webhooks";
import { dispatchWebhooksSoon } from "@/lib/jobs/server";
import {
  webhookDeliveryIdInput,
  webhookEndpointIdInput,
  webhookEndpointInputFor,
  webhookEndpointStatusInput,
  webhookEndpointUpdateInputFor,
} from "@/lib/schemas/webhooks";
import { formAction, revalidate } from "./action";

const endpointInput = () => Promise.resolve(webhookEndpointInputFor(config().webhooksAllowPrivate));
const endpointUpdateInput = () => Promise.resolve(webhookEndpointUpdateInputFor(config().webhooksAllowPrivate));

/** A partner admin registers an endpoint of their organization; its signing secret is answered this once. */
export const createWebhookEndpoint = formAction(endpointInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const created = await webhooks.createWebhookEndpoint(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  revalidate("/integrations");
  return { id: created.id, secret: created.secret, notice: t("integrations.webhooks.created") };
});

/** Changes an endpoint's URL, description or events. */
export const updateWebhookEndpoint = formAction(endpointUpdateInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await webhooks.updateWebhookEndpoint(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  revalidate("/integrations");
  revalidate(`/integrations/webhooks/${input.id}`);
  return { notice: t("integrations.webhooks.updated") };
});

/** Gives an endpoint a new signing secret, answered this once; the old one also signs for a day. */
export const rotateWebhookSecret = formAction(webhookEndpointIdInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const rotated = await webhooks.rotateWebhookSecret(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  revalidate(`/integrations/webhooks/${input.id}`);
  return { secret: rotated.secret, notice: t("integrations.webhooks.rotated", { hours: webhooks.previousSecretHours }) };
});

/** Pauses an endpoint (nothing is sent to it) or resumes it. */
export const setWebhookEndpointStatus = formAction(webhookEndpointStatusInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await webhooks.setWebhookEndpointStatus(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  revalidate("/integrations");
  revalidate(`/integrations/webhooks/${input.id}`);
});

export const deleteWebhookEndpoint = formAction(webhookEndpointIdInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await webhooks.deleteWebhookEndpoint(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  revalidate("/integrations");
});

/** Sends a test event to one endpoint, to check that it receives and verifies. */
export const sendWebhookTest = formAction(webhookEndpointIdInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await webhooks.sendTestEvent(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  await dispatchWebhooksSoon();
  revalidate(`/integrations/webhooks/${input.id}`);
});

/** Sends a delivery of the log again, with the same message id. */
export const replayWebhookDelivery = formAction(webhookDeliveryIdInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const replay = await webhooks.replayDelivery(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  await dispatchWebhooksSoon();
  revalidate(`/integrations/webhooks/${replay.endpointId}`);
});
