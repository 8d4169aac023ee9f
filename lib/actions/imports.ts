"use server";

import { z } from "zod";
import { appConnection } from "@/db/client";
import { requestContext } from "@/lib/auth/request-context";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import { MAX_IMPORT_BYTES } from "@/lib/csv/limits";
import { describePlan, problemMessage } from "@/lib/csv/preview";
import { xlsxContentType } from "@/lib/csv/xlsx";
import { importTables } from "@/lib/csv/table";
import * as imports from "@/lib/data/imports";
import { watchSoon } from "@/lib/jobs/server";
import { ActionFailure, formAction, revalidate, type Translate } from "./action";

const previewInput = z.object({ table: z.enum(importTables), file: z.file() });
const importInput = previewInput.extend({ digest: z.string().regex(/^[0-9a-f]{64}$/) });

function fileFailure(message: string): ActionFailure {
  return new ActionFailure("invalid", message, { file: [message] });
}

/**
 * An Excel workbook's bytes, or a CSV file's text; a file too large, empty or (CSV) not in
 * UTF-8 is refused before it is read.
 */
async function sourceOf(file: File, t: Translate): Promise<imports.ImportSource> {
  if (file.size === 0) throw fileFailure(t("imports.errors.noFile"));
  if (file.size > MAX_IMPORT_BYTES) throw fileFailure(t("imports.errors.tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
  if (file.type === xlsxContentType || file.name.toLowerCase().endsWith(".xlsx")) return { xlsx: new Uint8Array(await file.arrayBuffer()) };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw fileFailure(t("imports.errors.encoding"));
  }
}

/** Reads an uploaded CSV or Excel file and says, row by row, what importing it would do; stores nothing. */
export const previewImport = formAction(previewInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const source = await sourceOf(input.file, t);
  const { db } = await appConnection();
  const planned = await imports.previewImport(db, requireOrganization(user), input.table, source);
  if (!planned.plan.ok) throw fileFailure(problemMessage(planned.plan.problem, t));
  return describePlan(planned, input.file.name, { t, locale: await requestContext().locale() });
});

/**
 * Imports the file the admin previewed, all or nothing. The file is sent again and read
 * again; it is imported only if it still does exactly what the preview showed.
 */
export const importCsv = formAction(importInput, async (input, { user, t }) => {
  requireRole(user, ["partner_admin"]);
  const source = await sourceOf(input.file, t);
  const { db } = await appConnection();
  const organizationId = requireOrganization(user);
  try {
    const summary = await imports.importCsv(db, { organizationId, actorId: user.id }, input.table, source, input.digest);
    await watchSoon(organizationId);
    for (const path of ["/dashboard", "/people", "/exams", "/revenue", `/import/${input.table}`]) revalidate(path);
    return { ...summary, notice: t("imports.done", summary) };
  } catch (error) {
    if (error instanceof imports.InvalidImportError) throw fileFailure(t("imports.errors.fixFirst", { count: error.problems }));
    throw error;
  }
});
