import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftEditor } from "@/components/program/draft-editor";
import { DefinitionView } from "@/components/program/definition-view";
import { ImpactReport } from "@/components/program/impact-report";
import { ProgramForm } from "@/components/program/program-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { withdrawVersion } from "@/lib/actions/program";
import { requireProgramStaff } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { NotFoundError } from "@/lib/data/errors";
import { impactRunPage } from "@/lib/data/program-impact";
import { getProgramVersion } from "@/lib/data/program-versions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";
import { recordId } from "@/lib/schemas/fields";
import { impactPageQuery } from "@/lib/schemas/program";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("program"))("version.title") };
}

/** One version of the program: what it requires; a draft is edited, its impact seen, and it is published here. */
export default async function ProgramVersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireProgramStaff();
  const id = recordId.safeParse((await params).id);
  if (!id.success) notFound();
  const { page } = impactPageQuery.parse(await searchParams);
  const { db } = await appConnection();
  const version = await getProgramVersion(db, user, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("program"), getLocale() as Promise<Locale>]);
  const editable = version.status === "draft" && user.role === "program_admin";
  const run = editable ? await impactRunPage(db, user, version.id, page) : null;
  const withdrawable =
    user.role === "program_admin" && version.status === "published" && version.effectiveFrom !== null && version.effectiveFrom > today();

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/program/versions" className="text-sm underline">
          {t("version.back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("version.heading", { id: version.versionId })}</h1>
        <Badge variant={version.status === "published" ? "default" : "outline"}>{t(`versions.statuses.${version.status}`)}</Badge>
        <a href={`/api/program/versions/${version.id}`} className="text-sm underline" download>
          {t("version.export")}
        </a>
      </div>
      <p className="text-sm text-muted-foreground">
        {version.effectiveFrom ? t("version.inForceFrom", { date: formatDate(version.effectiveFrom, locale) }) : t("version.inForceAlways")}
        {version.note && ` · ${version.note}`}
      </p>
      {editable && (
        <>
          <ImpactReport
            draft={version}
            run={run}
            page={page}
            locale={locale}
            roleTitles={Object.fromEntries(version.definition.roles.map((role) => [role.id, role.title[locale]]))}
          />
          <DraftEditor draft={version} locale={locale} />
        </>
      )}
      {withdrawable && (
        <Card>
          <CardHeader>
            <CardTitle>{t("version.withdrawTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgramForm
              action={withdrawVersion}
              hidden={{ id: version.id, version: version.version }}
              fields={[]}
              submit={t("version.withdraw")}
              pending={t("pending")}
              variant="destructive"
              confirm={t("version.withdrawConfirm")}
            />
          </CardContent>
        </Card>
      )}
      <DefinitionView definition={version.definition} locale={locale} />
    </div>
  );
}
