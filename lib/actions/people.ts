"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import { ForbiddenError, requireOrganization, requireRole } from "@/lib/auth/roles";
import * as people from "@/lib/data/people";
import { personDepartureInput, personIdInput, personInput, updatePersonInput } from "@/lib/schemas/people";
import { requestContext } from "@/lib/auth/request-context";
import { today } from "@/lib/clock";
import { tierDrop } from "@/lib/data/impact";
import { tierDropQuestion } from "@/lib/i18n/tier-drop";
import { watchSoon } from "@/lib/jobs/server";
import { passesAfterDeparture } from "@/lib/rules";
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
  const organizationId = requireOrganization(user);
  const person = await people.updatePerson(db, { organizationId, actorId: user.id }, input);
  await watchSoon(organizationId);
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
      const drop = await tierDrop(db, organizationId, { kind: "departure", personId: input.id, on: input.leftOn }, today());
      if (drop)
        return { confirm: tierDropQuestion(drop, "people.departureImpact", t, await requestContext().locale()), leftOn: input.leftOn };
    }
    const person = await people.updatePerson(db, { organizationId, actorId: user.id }, input);
    await watchSoon(organizationId);
    revalidate(`/people/${person.id}`);
    revalidate("/dashboard");
    if (!person.leftOn) return { notice: t("people.departureCleared") };
    // A pass dated after the departure is likely a date typed wrong: it is said, as it never counts.
    const { passes } = await people.getPerson(db, organizationId, person.id);
    const later = passesAfterDeparture({ leftOn: person.leftOn, exams: passes }).length;
    return { notice: later > 0 ? t("people.departureBeforePasses", { count: later }) : t("people.departureRecorded") };
  },
);

/** The signed-in person confirms the MCID on their own record: no one else can, not even an admin. */
export const confirmOwnMcid = formAction(personIdInput, async (input, { user, t }) => {
  requireRole(user, ["employee", "partner_admin"]);
  if (user.personId !== input.id) throw new ForbiddenError("only the person can confirm their MCID");
  const { db } = await appConnection();
  await people.confirmOwnMcid(db, { organizationId: requireOrganization(user), actorId: user.id }, input.id);
  revalidate(`/people/${input.id}`);
  return { notice: t("people.mcid.confirmed") };
});
