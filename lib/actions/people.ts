"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import * as people from "@/lib/data/people";
import { personDepartureInput, personInput, updatePersonInput } from "@/lib/schemas/people";
import { tierTitle } from "@/components/competency/definition-text";
import { requestContext } from "@/lib/auth/request-context";
import { today } from "@/lib/clock";
import { impactOfChange } from "@/lib/data/impact";
import { formatDate } from "@/lib/i18n/format";
import { tierRank } from "@/lib/rules";
import { formAction, revalidate } from "./action";

/** A partner admin adds a person to their organization, then lands on the person's page. */
export const createPerson = formAction(personInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const person = await people.createPerson(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  revalidate("/people");
  redirect(`/people/${person.id}`);
});

export const updatePerson = formAction(updatePersonInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  const person = await people.updatePerson(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  revalidate(`/people/${person.id}`);
  revalidate("/dashboard");
  return { notice: t("people.saved") };
});

/** Records (or, with an empty date, undoes) a person's departure. */
export const recordDeparture = formAction(
  personDepartureInput,
  async ({ confirmed, ...input }, { user, t }): Promise<{ notice: string } | { confirm: string; leftOn: string }> => {
    requireRole(user, ["partner_admin"]);
    const organizationId = requireOrganization(user);
    const { db } = await appConnection();
    if (input.leftOn && !confirmed) {
      // A departure that drops a tier is shown with its consequence first, and recorded once confirmed.
      const impact = await impactOfChange(db, organizationId, { kind: "departure", personId: input.id, on: input.leftOn }, today());
      const drop = impact.firstDifference;
      if (drop && tierRank(drop.after) < tierRank(drop.before)) {
        const locale = await requestContext().locale();
        const title = (tier: string) => tierTitle(tier, locale, t("dashboard.tier.none"));
        return {
          confirm: t("people.departureImpact", {
            organization: impact.organizationName,
            before: title(drop.before),
            after: title(drop.after),
            date: formatDate(drop.on, locale),
          }),
          leftOn: input.leftOn,
        };
      }
    }
    const person = await people.updatePerson(db, { organizationId, actorId: user.id }, input);
    revalidate(`/people/${person.id}`);
    revalidate("/dashboard");
    return { notice: t(person.leftOn ? "people.departureRecorded" : "people.departureCleared") };
  },
);
