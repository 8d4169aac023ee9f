import type { Metadata } from "next";
import { pageNumber } from "@/lib/schemas/fields";
import { getLocale, getTranslations } from "next-intl/server";
import { roleTitle } from "@/components/competency/definition-text";
import { CsvActions } from "@/components/csv-actions";
import { ExamPassTable } from "@/components/exams/exam-pass-table";
import { Pagination } from "@/components/list-navigation";
import { RecordExamPassForm } from "@/components/exams/record-exam-pass-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { loadDashboard } from "@/lib/data/dashboard";
import { examPassPageSize, listExamPasses } from "@/lib/data/exams";
import { examFormText } from "@/lib/i18n/exam-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exams"))("title") };
}

/** Partner admins see and record everyone's passes; an employee sees and records their own. */
export default async function ExamsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePartnerUser();
  const [t, tPeople, locale] = await Promise.all([getTranslations("exams"), getTranslations("people"), getLocale()]);
  const { db } = await appConnection();
  const isAdmin = user.role === "partner_admin";
  const params = await searchParams;
  const page = pageNumber.parse(params.page);

  if (!isAdmin && !user.personId) {
    return (
      <Alert>
        <AlertDescription>{t("noPerson")}</AlertDescription>
      </Alert>
    );
  }

  const ownPersonId = isAdmin ? undefined : (user.personId ?? undefined);
  const [passes, form] = await Promise.all([listExamPasses(db, user.organizationId, { personId: ownPersonId, page }), examFormText()]);
  // An admin picks the person from a search (never a list of the whole organization); an employee records their own.
  const person = isAdmin ? undefined : { id: user.personId as string, name: user.displayName };
  const own = ownPersonId
    ? (await loadDashboard(db, user.organizationId, { asOf: today(), today: today(), locale })).evaluation.people.find(
        (person) => person.id === ownPersonId,
      )
    : undefined;

  const pages = Math.max(1, Math.ceil(passes.total / examPassPageSize));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{isAdmin ? t("description") : t("ownDescription")}</p>
        </div>
        {isAdmin && (
          <div className="flex flex-wrap gap-2">
            <CsvActions table="exam-passes" />
          </div>
        )}
      </div>

      {own && Object.keys(own.missing).length > 0 && (
        <Card data-testid="own-gaps">
          <CardHeader>
            <CardTitle>{t("yourGaps")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2 text-sm">
              {Object.entries(own.missing).map(([role, groups]) => (
                <li key={role}>
                  {t("gapLine", {
                    role: roleTitle(role, locale),
                    exams: groups.map((codes) => codes.join(" / ")).join(" + "),
                  })}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{form.labels.title}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <RecordExamPassForm person={person} {...form} />
        </CardContent>
      </Card>

      <ExamPassTable passes={passes.rows} canDelete={(personId) => isAdmin || personId === user.personId} emptyLabel={t("empty")} />
      <Pagination
        page={page}
        pages={pages}
        href={(target) => (target > 1 ? `/exams?page=${target}` : "/exams")}
        labels={{ previous: tPeople("previous"), next: tPeople("next"), status: tPeople("pageOf", { page, pages }) }}
      />
    </div>
  );
}
