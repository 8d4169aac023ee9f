import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProgramForm } from "@/components/program/program-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { startDraft } from "@/lib/actions/program";
import { requireProgramStaff } from "@/lib/auth/session";
import { listProgramVersions } from "@/lib/data/program-versions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("program"))("versions.title") };
}

/** The program's versions, latest first; a program administrator starts the next one here. */
export default async function ProgramVersionsPage() {
  const user = await requireProgramStaff();
  const { db } = await appConnection();
  const [rows, t, locale] = await Promise.all([listProgramVersions(db, user), getTranslations("program"), getLocale() as Promise<Locale>]);
  const hasDraft = rows.some((row) => row.status === "draft");

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("versions.title")}</h1>
        <a href="/api/program" className="text-sm underline" download>
          {t("versions.exportPublished")}
        </a>
      </div>
      <Card>
        <CardContent className="overflow-x-auto pt-6">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("versions.id")}</TableHead>
                <TableHead>{t("versions.effectiveFrom")}</TableHead>
                <TableHead>{t("versions.status")}</TableHead>
                <TableHead>{t("versions.note")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="version-row">
                  <TableCell>
                    <Link href={`/program/versions/${row.id}`} className="font-medium underline">
                      {row.versionId}
                    </Link>
                  </TableCell>
                  <TableCell>{row.effectiveFrom ? formatDate(row.effectiveFrom, locale) : t("versions.always")}</TableCell>
                  <TableCell>
                    <Badge variant={row.status === "published" ? "default" : "outline"}>{t(`versions.statuses.${row.status}`)}</Badge>
                  </TableCell>
                  <TableCell className="max-w-xs truncate">{row.note}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      {user.role === "program_admin" && !hasDraft && (
        <Card>
          <CardHeader>
            <CardTitle>{t("versions.start")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgramForm
              action={startDraft}
              hidden={{}}
              testId="start-draft"
              fields={[
                { name: "versionId", label: t("versions.id"), required: true, description: t("versions.idHint") },
                { name: "effectiveFrom", label: t("versions.effectiveFrom"), type: "date", required: true },
                { name: "note", label: t("versions.note") },
              ]}
              submit={t("versions.startSubmit")}
              pending={t("pending")}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
