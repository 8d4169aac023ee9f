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

/** How a file's first bytes say what it is, whatever its name says. */
const signatures = {
  /** Every .xlsx is a zip archive. */
  zip: [0x50, 0x4b, 0x03, 0x04],
  /** Excel 97–2003 (.xls), among other Office files of that time. */
  compoundFile: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  /** Files that are no table at all: PNG, JPEG, GIF and PDF. */
  others: [
    [0x89, 0x50, 0x4e, 0x47],
    [0xff, 0xd8, 0xff],
    [0x47, 0x49, 0x46, 0x38],
    [0x25, 0x50, 0x44, 0x46, 0x2d],
  ],
};

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);

/**
 * An Excel workbook's bytes, or a CSV file's text; a file too large, empty, of another kind
 * (an old .xls, an image, a PDF) or (CSV) not in UTF-8 is refused before it is read. A NUL
 * within a CSV file is the reader's to point at, by line and column.
 */
async function sourceOf(file: File, t: Translate): Promise<imports.ImportSource> {
  if (file.size === 0) throw fileFailure(t("imports.errors.noFile"));
  if (file.size > MAX_IMPORT_BYTES) throw fileFailure(t("imports.errors.tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const namedXlsx = file.type === xlsxContentType || file.name.toLowerCase().endsWith(".xlsx");
  if (namedXlsx || startsWith(bytes, signatures.zip)) return { xlsx: bytes };
  if (startsWith(bytes, signatures.compoundFile)) throw fileFailure(t("imports.errors.oldExcel"));
  if (signatures.others.some((signature) => startsWith(bytes, signature))) throw fileFailure(t("imports.errors.notATable"));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
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
