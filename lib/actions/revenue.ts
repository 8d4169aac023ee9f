"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import * as revenue from "@/lib/data/revenue";
import { deleteRevenueLineInput, revenueLineInput, updateRevenueLineInput } from "@/lib/schemas/revenue";
import { tierDrop } from "@/lib/data/impact";
import { tierDropQuestion } from "@/lib/i18n/tier-drop";
import { requestContext } from "@/lib/auth/request-context";
import { today } from "@/lib/clock";
import { watchSoon } from "@/lib/jobs/server";
import { formAction, revalidate } from "./action";

/** After a change of the organization's evidence: its pages, and its watch. */
async function refreshPages(organizationId: string) {
  await watchSoon(organizationId);
  revalidate("/revenue");
  revalidate("/dashboard");
}

/** A partner admin books a line, then sees it in the list, found by its reference and said to be added. */
export const createRevenueLine = formAction(revenueLineInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const organizationId = requireOrganization(user);
  const line = await revenue.createRevenueLine(db, { organizationId, actorId: user.id }, input);
  await refreshPages(organizationId);
  redirect(`/revenue?${new URLSearchParams({ q: line.reference, added: line.reference })}`);
});

export const updateRevenueLine = formAction(updateRevenueLineInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const organizationId = requireOrganization(user);
  const line = await revenue.updateRevenueLine(db, { organizationId, actorId: user.id }, input);
  await refreshPages(organizationId);
  revalidate(`/revenue/${line.id}`);
  return { version: line.version, notice: t("revenue.saved", { reference: line.reference }) };
});

export const deleteRevenueLine = formAction(
  deleteRevenueLineInput,
  async ({ confirmed, ...input }, { user, t }): Promise<{ confirm: string }> => {
    requireRole(user, ["partner_admin"]);
    const organizationId = requireOrganization(user);
    const { db } = await appConnection();
    if (!confirmed) {
      // Deleting a line the tier needs is shown with its consequence first, and done once confirmed.
      const drop = await tierDrop(db, organizationId, { kind: "revenue-removed", lineId: input.id }, today());
      if (drop) return { confirm: tierDropQuestion(drop, "revenue.deleteImpact", t, await requestContext().locale()) };
    }
    const line = await revenue.deleteRevenueLine(db, { organizationId, actorId: user.id }, input);
    await refreshPages(organizationId);
    redirect(`/revenue?${new URLSearchParams({ deleted: line.reference })}`);
  },
);
