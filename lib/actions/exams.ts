"use server";

import { appConnection } from "@/db/client";
import { ForbiddenError, requireOrganization, requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import * as exams from "@/lib/data/exams";
import { deleteExamPassInput, examPassInput } from "@/lib/schemas/exams";
import { formAction, revalidate } from "./action";

/** Admins act for anyone of their organization; an employee only for their own person record. */
function requireActingFor(user: SessionUser, personId: string) {
  requireRole(user, ["partner_admin", "employee"]);
  if (user.role === "employee" && user.personId !== personId) {
    throw new ForbiddenError(`employee ${user.id} acted for person ${personId}`);
  }
}

function refreshPages(personId: string) {
  revalidate("/exams");
  revalidate(`/people/${personId}`);
  revalidate("/dashboard");
}

export const recordExamPass = formAction(examPassInput, async (input, { user, t }) => {
  requireActingFor(user, input.personId);
  const { db } = await appConnection();
  const pass = await exams.recordExamPass(db, { organizationId: requireOrganization(user), actorId: user.id }, input);
  refreshPages(pass.personId);
  return { id: pass.id, notice: t("exams.recorded", { code: pass.examCode }) };
});

export const deleteExamPass = formAction(deleteExamPassInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin", "employee"]);
  const organizationId = requireOrganization(user);
  const { db } = await appConnection();
  const pass = await exams.findExamPass(db, organizationId, input.id);
  requireActingFor(user, pass.personId);
  await exams.deleteExamPass(db, { organizationId, actorId: user.id }, input);
  refreshPages(pass.personId);
  return { notice: t("exams.deleted", { code: pass.examCode }) };
});
