import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { z } from "zod";
import { ExamPassTable } from "@/components/exams/exam-pass-table";
import { RecordExamPassForm } from "@/components/exams/record-exam-pass-form";
import { DepartureForm } from "@/components/people/departure-form";
import { ActionForm } from "@/components/submissions/action-form";
import { SubmitButton } from "@/components/ui/form";
import { EditPersonForm } from "@/components/people/person-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { confirmOwnMcid } from "@/lib/actions/people";
import { requirePartnerUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { getPerson, mcidsClaimedElsewhere } from "@/lib/data/people";
import { examFormText } from "@/lib/i18n/exam-form";
import { today } from "@/lib/clock";
import { formatDate } from "@/lib/i18n/format";

const day = (moment: Date) => moment.toISOString().slice(0, 10);

// Once per request: the page and its title both ask.
const loadPerson = cache(async (organizationId: string, rawId: string) => {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const { db } = await appConnection();
  try {
    return await getPerson(db, organizationId, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePartnerUser();
  const { person } = await loadPerson(user.organizationId, (await params).id);
  return { title: person.name };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePartnerUser();
  const { person, passes, hasActiveAccount } = await loadPerson(user.organizationId, (await params).id);
  const { db } = await appConnection();
  const [t, locale, claimedElsewhere] = await Promise.all([
    getTranslations("people"),
    getLocale(),
    mcidsClaimedElsewhere(db, user.organizationId, person.mcid ? [person.mcid] : []),
  ]);
  const isSelf = user.personId === person.id;
  const isAdmin = user.role === "partner_admin";
  const canRecordPasses = isAdmin || user.personId === person.id;

  return (
    <div className="space-y-6">
      <Link href="/people" className="text-sm text-muted-foreground hover:underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{person.name}</h1>
        <p className="text-muted-foreground">{[person.email, person.mcid && `MCID ${person.mcid}`].filter(Boolean).join(" · ")}</p>
      </div>
      {person.mcid && claimedElsewhere.has(person.mcid) && (
        <Alert variant="warning" data-testid="mcid-claimed-elsewhere">
          <AlertDescription>{t("mcid.claimedElsewhere", { mcid: person.mcid })}</AlertDescription>
        </Alert>
      )}
      {person.mcid && (
        <div className="space-y-2" data-testid="mcid-confirmation">
          {person.mcidConfirmedAt ? (
            <p className="text-sm">
              {t("mcid.confirmedLine", {
                name: person.name,
                mcid: person.mcid,
                date: formatDate(day(person.mcidConfirmedAt), locale, "long"),
              })}
            </p>
          ) : isSelf ? (
            <>
              <p className="text-sm text-muted-foreground">{t("mcid.confirmHint", { mcid: person.mcid })}</p>
              <ActionForm action={confirmOwnMcid} hidden={{ id: person.id }}>
                <SubmitButton variant="outline" pendingLabel={t("mcid.confirming")}>
                  {t("mcid.confirm")}
                </SubmitButton>
              </ActionForm>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">
              {t(hasActiveAccount ? "mcid.notConfirmed" : "mcid.notConfirmedNoAccount", { name: person.name, mcid: person.mcid })}
            </p>
          )}
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        {isAdmin && (
          <Card>
            <CardHeader>
              <CardTitle>{t("detailsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <EditPersonForm
                person={person}
                labels={{
                  name: t("fields.name"),
                  email: t("fields.email"),
                  mcid: t("fields.mcid"),
                  mcidHint: t("fields.mcidHint"),
                  submit: t("save"),
                  pending: t("saving"),
                }}
              />
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>{t("departure.title")}</CardTitle>
            <CardDescription>
              {person.leftOn
                ? t(person.leftOn > today() ? "departure.leavesOn" : "departure.leftOn", {
                    date: formatDate(person.leftOn, locale, "long"),
                  })
                : t("departure.current")}
            </CardDescription>
          </CardHeader>
          {isAdmin && (
            <CardContent>
              <p className="mb-3 text-sm text-muted-foreground">{t("departure.description")}</p>
              {person.leftOn && hasActiveAccount && (
                <Alert variant="warning" className="mb-3" data-testid="still-has-access">
                  <AlertDescription>
                    <p>
                      {t.rich("departure.stillHasAccess", {
                        name: person.name,
                        team: (chunks) => (
                          <Link href="/team" className="font-medium underline">
                            {chunks}
                          </Link>
                        ),
                      })}
                    </p>
                  </AlertDescription>
                </Alert>
              )}
              <DepartureForm
                person={person}
                labels={{
                  leftOn: t("fields.leftOn"),
                  record: t("departure.record"),
                  undo: t("departure.undo"),
                  pending: t("saving"),
                  confirm: t("departure.confirm"),
                  cancel: t("departure.cancel"),
                }}
              />
            </CardContent>
          )}
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t("passes.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <ExamPassTable passes={passes} canDelete={() => canRecordPasses} emptyLabel={t("passes.empty")} />
          {canRecordPasses && <RecordExamPassForm person={{ id: person.id, name: person.name }} {...await examFormText()} />}
        </CardContent>
      </Card>
    </div>
  );
}
