"use server";

import { appConnection } from "@/db/client";
import { ForbiddenError, requireOrganization, requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import * as exams from "@/lib/data/exams";
import { currentProgram } from "@/lib/data/program";
import { deleteExamPassInput, examPassInputFor } from "@/lib/schemas/exams";
import { today } from "@/lib/clock";
import { requestContext } from "@/lib/auth/request-context";
import { tierDrop } from "@/lib/data/impact";
import { tierDropQuestion } from "@/lib/i18n/tier-drop";
import { watchSoon } from "@/lib/jobs/server";
import { formAction, revalidate } from "./action";

/** Admins act for anyone of their organization; an employee only for their own person record. */
function requireActingFor(user: SessionUser, personId: string) {
  requireRole(user, ["partner_admin", "employee"]);
  if (user.role === "employee" && user.personId !== personId) {
    throw new ForbiddenError(`employee ${user.id} acted for person ${personId}`);
  }
}

/** After a change of the organization's evidence: its pages, and its watch. */
async function refreshPages(organizationId: string, personId: string) {
  await watchSoon(organizationId);
  revalidate("/exams");
  revalidate(`/people/${personId}`);
  revalidate("/dashboard");
}

const examPassInput = async () => examPassInputFor((await currentProgram()).program);

export const recordExamPass = formAction(examPassInput, async (input, { user, t }) => {
  requireActingFor(user, input.personId);
  const { db } = await appConnection();
  const organizationId = requireOrganization(user);
  const pass = await exams.recordExamPass(db, { organizationId, actorId: user.id }, input);
  await refreshPages(organizationId, pass.personId);
  return { id: pass.id, notice: t("exams.recorded", { code: pass.examCode }) };
});

export const deleteExamPass = formAction(
  deleteExamPassInput,
  async ({ confirmed, ...input }, { user, t }): Promise<{ notice: string } | { confirm: string }> => {
    requireRole(user, ["partner_admin", "employee"]);
    const organizationId = requireOrganization(user);
    const { db } = await appConnection();
    const pass = await exams.findExamPass(db, organizationId, input.id);
    requireActingFor(user, pass.personId);
    if (!confirmed) {
      // Deleting a pass the tier needs is shown with its consequence first, and done once confirmed.
      const drop = await tierDrop(db, organizationId, { kind: "pass-removed", personId: pass.personId, passId: pass.id }, today());
      if (drop) return { confirm: tierDropQuestion(drop, "exams.deleteImpact", t, await requestContext().locale()) };
    }
    await exams.deleteExamPass(db, { organizationId, actorId: user.id }, input);
    await refreshPages(organizationId, pass.personId);
    return { notice: t("exams.deleted", { code: pass.examCode }) };
  },
);
