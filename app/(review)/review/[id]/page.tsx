import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { tierTitle } from "@/components/competency/definition-text";
import { AuditPackLink } from "@/components/submissions/audit-pack-link";
import { ChangesList } from "@/components/review/changes-list";
import { ClaimButton } from "@/components/review/claim-button";
import { ReleaseButton } from "@/components/review/release-button";
import { DecisionPanel } from "@/components/review/decision-panel";
import { VerifyRemainingForm } from "@/components/review/verify-remaining-form";
import { EvaluationPanel } from "@/components/review/evaluation-panel";
import { EvidenceTables } from "@/components/review/evidence-tables";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { requireReviewer } from "@/lib/auth/session";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { NotFoundError } from "@/lib/data/errors";
import { getCase } from "@/lib/data/review";
import { diffSnapshots } from "@/lib/data/snapshot-diff";
import { formatDate, formatList } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";
import { recordId } from "@/lib/schemas/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

const day = (moment: Date) => moment.toISOString().slice(0, 10);

/** One application under review: the snapshot, the live re-evaluation, the verdicts and the decision. */
export default async function ReviewCasePage({ params }: { params: Promise<{ id: string }> }) {
  const reviewer = await requireReviewer();
  const id = recordId.safeParse((await params).id);
  if (!id.success) notFound();
  const { db } = await appConnection();
  const [t, locale] = await Promise.all([getTranslations("review"), getLocale() as Promise<Locale>]);
  const found = await getCase(db, reviewer, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const evaluation = evaluateCase(found.snapshot, found.tier, found.verdicts, locale);
  const tier = tierTitle(found.tier, locale, found.tier);
  const mine = found.status === "claimed" && found.claimedBy === reviewer.id;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="flex flex-wrap items-center gap-3 text-3xl font-semibold tracking-tight">
          {t("caseTitle", { organization: found.snapshot.organization.name, tier })}
          <StatusBadge status={found.status} />
        </h1>
        <p className="text-muted-foreground">
          {t("caseLine", { submitted: formatDate(day(found.submittedAt), locale, "long"), asOf: formatDate(found.asOf, locale, "long") })}
        </p>
        <p className="text-sm" data-testid="claimed-by">
          {found.claimedByName ? t("claimedLine", { name: found.claimedByName }) : t("unclaimedLine")}
        </p>
        {found.decidedByName && found.decidedAt && (
          <>
            <p className="text-sm">
              {t("decidedLine", { name: found.decidedByName, date: formatDate(day(found.decidedAt), locale, "long") })}
            </p>
            <AuditPackLink submissionId={found.id} />
          </>
        )}
        {found.status === "submitted" && <ClaimButton id={found.id} />}
        {mine && <ReleaseButton id={found.id} />}
        {found.message && (
          <Alert>
            <AlertDescription className="whitespace-pre-line">{found.message}</AlertDescription>
          </Alert>
        )}
      </div>

      {found.previous && (
        <ChangesList changes={diffSnapshots(found.previous.snapshot, found.snapshot)} previousMessage={found.previous.message} />
      )}

      <EvaluationPanel tier={found.tier} evaluation={evaluation} />
      {mine && (
        <VerifyRemainingForm
          id={found.id}
          remaining={evaluation.remaining}
          labels={{
            button: t("verifyRemaining.button", { count: evaluation.remaining }),
            yes: t("verifyRemaining.yes"),
            cancel: t("verifyRemaining.cancel"),
            checkMethod: t("verifyRemainingMethod"),
            checkMethods: { transcript: t("checkMethods.transcript"), certificate: t("checkMethods.certificate") },
          }}
        />
      )}
      {found.mcidConflicts.length > 0 && (
        <Alert variant="warning" data-testid="mcid-conflicts">
          <AlertTitle>{t("mcid.conflictsTitle")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-5">
              {found.mcidConflicts.map((conflict) => (
                <li key={conflict.mcid}>
                  {t("mcid.conflict", {
                    mcid: conflict.mcid,
                    name: conflict.personName,
                    organizations: formatList(conflict.organizations, locale),
                  })}
                  {conflict.confirmedElsewhere && (
                    <>
                      {" "}
                      <strong>
                        {t("mcid.confirmedElsewhere", {
                          mcid: conflict.mcid,
                          name: conflict.personName,
                          organization: conflict.confirmedElsewhere,
                        })}
                      </strong>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      <EvidenceTables found={found} evaluation={evaluation} editable={mine} />

      {mine && (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("decision.title")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <DecisionPanel
              id={found.id}
              approvable={evaluation.approvable}
              labels={{
                approve: t("decision.approve", { tier }),
                approveDisabled: t("decision.approveDisabled", { tier }),
                requestChanges: t("decision.requestChanges"),
                reject: t("decision.reject"),
                message: t("decision.message"),
                reason: t("decision.reason"),
                pending: t("decision.pending"),
              }}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
