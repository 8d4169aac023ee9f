"use server";

import { redirect } from "next/navigation";
import { appConnection } from "@/db/client";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { today } from "@/lib/clock";
import { notifyImpacted, startImpactRun } from "@/lib/data/program-impact";
import { type Edited, putCounting, putExam, putGroup, putRole, putTier, removeExam } from "@/lib/data/program-edits";
import * as versions from "@/lib/data/program-versions";
import { localizeDraftProblems } from "@/lib/i18n/program-problems";
import { computeImpactSoon } from "@/lib/jobs/server";
import { jsonSyntaxErrorAt } from "@/lib/json-syntax";
import type { DefinitionFileJson } from "@/lib/rules";
import {
  draftCountingInput,
  draftExamInput,
  draftExamRemovalInput,
  draftGroupInput,
  draftImportInput,
  draftRefInput,
  draftRoleInput,
  draftSettingsInput,
  draftTierInput,
  startDraftInput,
} from "@/lib/schemas/program";
import { ActionFailure, formAction, revalidate, type Translate } from "./action";

const versionsPath = "/program/versions";

/** A program administrator starts the draft of the next version and lands on it. */
export const startDraft = formAction(startDraftInput, async (input, { user, t }) => {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  const draft = await asFormProblems(t, "definition", undefined, () => versions.startDraft(db, user, input, today()));
  revalidate(versionsPath);
  redirect(`${versionsPath}/${draft.id}`);
});

/**
 * Applies one form's change to the draft and saves the whole, checked with the contract's
 * rules; a rule broken under `at` is shown at the form's field, and nothing is saved.
 */
async function saveEdit(
  user: SessionUser,
  t: Translate,
  ref: { id: string; version: number },
  edit: (definition: DefinitionFileJson) => Edited,
  settings?: versions.DraftSettings,
) {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  const draft = await versions.getProgramVersion(db, user, ref.id);
  const { definition, at } = edit(draft.definition);
  await asFormProblems(t, at, definition, () =>
    versions.saveDraft(
      db,
      user,
      {
        id: ref.id,
        version: ref.version,
        versionId: settings?.versionId ?? draft.versionId,
        effectiveFrom: settings?.effectiveFrom ?? draft.effectiveFrom ?? today(),
        note: settings?.note ?? draft.note,
        definition,
      },
      today(),
    ),
  );
  revalidate(`${versionsPath}/${ref.id}`);
  return { notice: t("program.saved") };
}

async function asFormProblems<T>(t: Translate, at: string, definition: DefinitionFileJson | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof versions.InvalidDraftError)) throw error;
    const { message, fieldErrors } = localizeDraftProblems(error.problems, at, t, definition);
    throw new ActionFailure("invalid", message, fieldErrors);
  }
}

export const saveDraftSettings = formAction(draftSettingsInput, async ({ id, version, ...settings }, { user, t }) =>
  saveEdit(user, t, { id, version }, (definition) => ({ definition, at: "definition" }), settings),
);

export const saveDraftExam = formAction(draftExamInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) =>
    putExam(definition, input.originalCode || undefined, {
      code: input.code,
      group: input.group,
      title: { en: input.titleEn, fr: input.titleFr },
      availableFrom: input.availableFrom,
      retiredOn: input.retiredOn,
      acceptedUntil: input.acceptedUntil,
    }),
  ),
);

export const removeDraftExam = formAction(draftExamRemovalInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) => removeExam(definition, input.code)),
);

/** Fields `slot.<role>` and `threshold.<market>` as numbers; an empty or malformed one stays as typed, for the rules to name. */
function prefixed(input: Record<string, unknown>, prefix: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith(prefix) || typeof value !== "string") continue;
    const text = value.trim().replace(/[\s,]/g, "");
    values[key.slice(prefix.length)] = text === "" ? Number.NaN : Number(text);
  }
  return values;
}

export const saveDraftTier = formAction(draftTierInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) =>
    putTier(definition, input.tierId, { slots: prefixed(input, "slot."), revenueThresholdUsd: prefixed(input, "threshold.") }),
  ),
);

export const saveDraftGroup = formAction(draftGroupInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) => putGroup(definition, { id: input.groupId, title: { en: input.titleEn, fr: input.titleFr } })),
);

export const saveDraftRole = formAction(draftRoleInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) =>
    putRole(definition, { id: input.roleId, title: { en: input.titleEn, fr: input.titleFr }, groups: input.groups }),
  ),
);

export const saveDraftCounting = formAction(draftCountingInput, async (input, { user, t }) =>
  saveEdit(user, t, input, (definition) =>
    putCounting(definition, { revenueWindowYears: input.revenueWindowYears, countingProducts: input.countingProducts }),
  ),
);

/** Replaces the draft's definition with a pasted one: a version's `definition`, or the last version of a program file. */
export const importDraft = formAction(draftImportInput, async (input, { user, t }) => {
  const text = input.json.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const at = jsonSyntaxErrorAt(text);
    const message = at ? t("program.errors.notJsonAt", at) : t("program.errors.notJson");
    throw new ActionFailure("invalid", message, { json: [message] });
  }
  const versionsOfFile = (json as { versions?: { definition?: unknown }[] } | null)?.versions;
  const definition = Array.isArray(versionsOfFile) ? versionsOfFile.at(-1)?.definition : json;
  return saveEdit(user, t, input, () => ({ definition: definition as DefinitionFileJson, at: "definition" }));
});

export const discardDraft = formAction(draftRefInput, async (input, { user }) => {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  await versions.discardDraft(db, user, input);
  revalidate(versionsPath);
  redirect(versionsPath);
});

/** Computes the draft's impact on every organization (a job; the page follows its progress). */
export const computeImpact = formAction(draftRefInput, async (input, { user, t }) => {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  const run = await startImpactRun(db, user, input.id, today());
  await computeImpactSoon(run.id);
  revalidate(`${versionsPath}/${input.id}`);
  return { notice: t("program.impactStarted") };
});

export const publishDraft = formAction(draftRefInput, async (input, { user, t }) => {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  await versions.publishDraft(db, user, input, today(), notifyImpacted);
  revalidate(versionsPath);
  revalidate(`${versionsPath}/${input.id}`);
  return { notice: t("program.published") };
});

export const withdrawVersion = formAction(draftRefInput, async (input, { user, t }) => {
  requireRole(user, ["program_admin"]);
  const { db } = await appConnection();
  await versions.withdrawVersion(db, user, input, today());
  revalidate(versionsPath);
  revalidate(`${versionsPath}/${input.id}`);
  return { notice: t("program.withdrawn") };
});
