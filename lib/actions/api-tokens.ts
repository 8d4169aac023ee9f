"use server";

import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import * as tokens from "@/lib/data/api-tokens";
import { apiTokenInput, revokeApiTokenInput } from "@/lib/schemas/api-tokens";
import { formAction, revalidate } from "./action";

/** A partner admin creates an API token of their organization; its secret is answered this once and never stored. */
export const createApiToken = formAction(apiTokenInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const created = await tokens.createApiToken(db, user.id, { organizationId: requireOrganization(user), ...input });
  revalidate("/integrations");
  return { secret: created.secret, notice: t("integrations.tokens.created", { name: input.name }) };
});

/** A partner admin revokes one of their organization's tokens: every request with it is refused from now on. */
export const revokeApiToken = formAction(revokeApiTokenInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await tokens.revokeApiToken(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  revalidate("/integrations");
});
