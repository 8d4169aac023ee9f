import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { tierTitle } from "@/components/competency/definition-text";
import { ActionForm } from "@/components/submissions/action-form";
import { AuditPackLink } from "@/components/submissions/audit-pack-link";
import { AwardSummary } from "@/components/submissions/award-summary";
import { evidenceLabel } from "@/components/submissions/evidence-label";
import { HistoryList } from "@/components/submissions/history-list";
import { SnapshotSummary } from "@/components/submissions/snapshot-summary";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/form";
import { appConnection } from "@/db/client";
import { applyForTier, withdrawSubmission } from "@/lib/actions/submissions";
import { requirePartnerUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { submissionHistory } from "@/lib/data/audit-log";
import { loadDashboard } from "@/lib/data/dashboard";
import { NotFoundError } from "@/lib/data/errors";
import { getPartnerSubmission } from "@/lib/data/submissions";
import { applicationRefusal, type Locale } from "@/lib/rules";
import { recordId } from "@/lib/schemas/fields";
import type { EvidenceKind } from "@/db/schema";
import { formatDate } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("title") };
}

const day = (moment: Date) => moment.toISOString().slice(0, 10);

/** One application: its status and history, what came back from the reviewer, and the award. */
export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePartnerUser();
  const id = recordId.safeParse((await params).id);
  if (!id.success) notFound();
  const { db } = await appConnection();
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  const submission = await getPartnerSubmission(db, user.organizationId, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const history = await submissionHistory(db, user.organizationId, submission.id);
  const isAdmin = user.role === "partner_admin";
  const tier = tierTitle(submission.tier, locale, submission.tier);
  const rejected = submission.verdicts.filter((verdict) => verdict.status === "rejected");
  const canResubmit = isAdmin && submission.status === "changes_requested" && !submission.nextSubmissionId;
  const now = canResubmit ? await loadDashboard(db, user.organizationId, { asOf: today(), today: today(), locale }) : null;
  // The same rule the server applies to the resubmission (lib/rules).
  const meetsToday =
    now !== null &&
    applicationRefusal(submission.tier, {
      tiers: now.evaluation.tiers,
      award: now.award,
      applicationOpen: now.openSubmission !== null,
      asOf: today(),
    }) === null;

  return (
    <div className="space-y-6">
      <div className="space-y-2" data-print="hide">
        <h1 className="flex flex-wrap items-center gap-3 text-3xl font-semibold tracking-tight">
          {t("detailTitle", { tier })}
          <StatusBadge status={submission.status} />
        </h1>
        <p className="text-muted-foreground">
          {t("submittedLine", {
            submitted: formatDate(day(submission.submittedAt), locale, "long"),
            asOf: formatDate(submission.asOf, locale, "long"),
          })}
        </p>
        {submission.reviewerName && <p className="text-sm">{t("reviewer", { name: submission.reviewerName })}</p>}
        {submission.previousSubmissionId && (
          <p className="text-sm">
            {t("answersPrevious")}{" "}
            <Link className="underline underline-offset-4" href={`/submissions/${submission.previousSubmissionId}`}>
              {t("previousLink")}
            </Link>
          </p>
        )}
      </div>

      {isAdmin && submission.status === "submitted" && (
        <div className="space-y-2" data-print="hide">
          <p className="text-sm text-muted-foreground">{t("withdrawHint")}</p>
          <ActionForm action={withdrawSubmission} hidden={{ id: submission.id }} confirm={t("withdrawConfirm")}>
            <SubmitButton variant="outline" pendingLabel={t("withdrawing")}>
              {t("withdraw")}
            </SubmitButton>
          </ActionForm>
        </div>
      )}

      {(submission.status === "changes_requested" || submission.status === "rejected") && (
        <Alert variant={submission.status === "rejected" ? "destructive" : "warning"} data-print="hide" data-testid="reviewer-message">
          <AlertTitle>{t(`decision.${submission.status}`)}</AlertTitle>
          <AlertDescription className="space-y-3">
            <p className="whitespace-pre-line">{submission.message}</p>
            {rejected.length > 0 && (
              <div>
                <p className="font-medium">{t("rejectedItems")}</p>
                <ul className="list-disc pl-5" data-testid="rejected-items">
                  {rejected.map((verdict) => (
                    <li key={verdict.itemId}>
                      {t(`kinds.${verdict.itemKind as EvidenceKind}`)}:{" "}
                      {evidenceLabel(submission.snapshot, verdict.itemKind, verdict.itemId, locale)} — {verdict.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </AlertDescription>
        </Alert>
      )}

      {isAdmin && submission.decidedAt && <AuditPackLink submissionId={submission.id} />}

      {canResubmit && (
        <div className="space-y-2" data-print="hide">
          <p className="text-sm text-muted-foreground">{meetsToday ? t("resubmitHint") : t("resubmitUnavailable", { tier })}</p>
          {meetsToday && (
            <ActionForm action={applyForTier} hidden={{ tier: submission.tier }}>
              <SubmitButton pendingLabel={t("applying")}>{t("resubmit")}</SubmitButton>
            </ActionForm>
          )}
        </div>
      )}
      {submission.nextSubmissionId && (
        <p className="text-sm" data-print="hide">
          {t("answeredBy")}{" "}
          <Link className="underline underline-offset-4" href={`/submissions/${submission.nextSubmissionId}`}>
            {t("nextLink")}
          </Link>
        </p>
      )}

      {submission.award && (
        <AwardSummary
          snapshot={submission.snapshot}
          award={submission.award}
          reviewerName={submission.reviewerName}
          verified={{
            passes: submission.verdicts.filter((verdict) => verdict.itemKind === "exam_pass" && verdict.status === "verified").length,
            lines: submission.verdicts.filter((verdict) => verdict.itemKind === "revenue_line" && verdict.status === "verified").length,
          }}
        />
      )}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]" data-print="hide">
        <SnapshotSummary snapshot={submission.snapshot} />
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("history")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <HistoryList events={history} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
