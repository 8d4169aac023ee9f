import { z } from "zod";
import { normalizeExamCode, PROGRAM_LIMITS } from "@/lib/rules";
import { calendarDate, optionalDate, optionalText, recordId, rowVersion, text } from "./fields";

/** Ids of versions, groups, roles, tiers and markets, as the program file has them. */
const programId = z
  .string()
  .trim()
  .min(1)
  .max(PROGRAM_LIMITS.idLength)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "program.errors.idShape");

const title = text(PROGRAM_LIMITS.titleLength);

/** The draft a form edits, at the version the form was shown with. */
const draftRef = { id: recordId, version: rowVersion };

export const startDraftInput = z.object({
  versionId: programId,
  effectiveFrom: calendarDate,
  note: optionalText(PROGRAM_LIMITS.noteLength).transform((note) => note ?? ""),
});

export const draftRefInput = z.object(draftRef);

export const draftSettingsInput = startDraftInput.extend(draftRef);

/** An exam of the catalogue, added or changed; `originalCode` names the one changed. */
export const draftExamInput = z.object({
  ...draftRef,
  originalCode: z.string().trim().max(20).optional(),
  code: text(20)
    .transform(normalizeExamCode)
    .refine((code) => /^[A-Z0-9][A-Z0-9-]*$/.test(code), "program.errors.codeShape"),
  group: programId,
  titleEn: title,
  titleFr: title,
  availableFrom: optionalDate,
  retiredOn: optionalDate,
  acceptedUntil: optionalDate,
});

export const draftExamRemovalInput = z.object({ ...draftRef, code: text(20) });

/** A tier's slots per role (`slot.<role>`) and thresholds per market (`threshold.<market>`), as the form posts them. */
export const draftTierInput = z.looseObject({ ...draftRef, tierId: programId });

export const draftGroupInput = z.object({ ...draftRef, groupId: programId, titleEn: title, titleFr: title });

export const draftRoleInput = z.object({
  ...draftRef,
  roleId: programId,
  titleEn: title,
  titleFr: title,
  groups: z
    .union([programId, z.array(programId).max(PROGRAM_LIMITS.groups)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
});

export const draftCountingInput = z.object({
  ...draftRef,
  revenueWindowYears: z.coerce.number().int().min(1).max(5),
  countingProducts: z
    .string()
    .max(1_000)
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((product) => product.trim())
        .filter(Boolean),
    )
    .pipe(z.array(programId).max(PROGRAM_LIMITS.products)),
});

/** A definition or a whole program file, pasted or uploaded: 512 KB is far beyond any real one. */
export const draftImportInput = z.object({ ...draftRef, json: z.string().min(1).max(512_000) });

export const impactPageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
