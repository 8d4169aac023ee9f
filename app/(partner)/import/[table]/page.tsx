import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ColumnDocs } from "@/components/imports/column-docs";
import { ImportForm } from "@/components/imports/import-form";
import { ExportLinks } from "@/components/export-links";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePartnerUser } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/limits";
import { isImportTable } from "@/lib/csv/table";

export async function generateMetadata({ params }: { params: Promise<{ table: string }> }): Promise<Metadata> {
  const { table } = await params;
  const t = await getTranslations("imports");
  return { title: isImportTable(table) ? t(`tables.${table}.importTitle`) : t("title") };
}

/** Upload, preview and import one table's CSV file: partner admins only. */
export default async function ImportTablePage({ params }: { params: Promise<{ table: string }> }) {
  const user = await requirePartnerUser();
  const { table } = await params;
  if (user.role !== "partner_admin" || !isImportTable(table)) notFound();
  const t = await getTranslations("imports");

  return (
    <div className="space-y-6">
      <Link href="/import" className="text-sm text-muted-foreground hover:underline">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{t(`tables.${table}.importTitle`)}</h1>
          <p className="text-muted-foreground">{t("steps", { rows: MAX_IMPORT_ROWS, megabytes: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportLinks table={table} />
        </div>
      </div>
      <ImportForm
        table={table}
        labels={{
          file: t("form.file"),
          fileHint: t("form.fileHint"),
          fileAgain: t("form.fileAgain"),
          tooLarge: t("errors.tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }),
          preview: t("form.preview"),
          previewing: t("form.previewing"),
          import: t("form.import"),
          importing: t("form.importing"),
          problemsTitle: t("preview.problems"),
          rowsTitle: t("preview.rows"),
          line: t("preview.lineHeader"),
          status: t("preview.status"),
          statuses: { new: t("preview.new"), changed: t("preview.changed"), unchanged: t("preview.unchanged") },
        }}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("docs.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ColumnDocs table={table} />
        </CardContent>
      </Card>
    </div>
  );
}
