import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { ClaimButton } from "@/components/review/claim-button";
import { PartnerDirectory } from "@/components/review/partner-directory";
import { QueueFilters } from "@/components/review/queue-filters";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { requireReviewer } from "@/lib/auth/session";
import { listPartnerOrganizations } from "@/lib/data/organizations";
import { listQueue } from "@/lib/data/review";
import { formatDate } from "@/lib/i18n/format";
import { today } from "@/lib/clock";
import { reviewWaitWarningDays } from "@/lib/data/review";
import { openSubmissionStatuses, type SubmissionStatus } from "@/db/schema";
import { dayNumber } from "@/lib/rules";

/** Whole days since the submission, counted in the program's calendar (UTC). */
function daysWaited(submittedAt: Date): number {
  return dayNumber(today()) - dayNumber(submittedAt.toISOString().slice(0, 10));
}

const isOpen = (status: SubmissionStatus) => (openSubmissionStatuses as readonly string[]).includes(status);
import type { Locale } from "@/lib/rules";
import { queueFilter } from "@/lib/schemas/submissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

/** The reviewers' queue (applications of every organization, oldest first), then the partners themselves. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const reviewer = await requireReviewer();
  const filter = queueFilter.parse(await searchParams);
  const { db } = await appConnection();
  const [rows, organizations, t, locale] = await Promise.all([
    listQueue(db, reviewer, filter),
    listPartnerOrganizations(db, reviewer),
    getTranslations("review"),
    getLocale() as Promise<Locale>,
  ]);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl">{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <QueueFilters filter={filter} />
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            // On a phone each case is a card of labelled lines, its Claim button included.
            <Table className="stacked-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("organization")}</TableHead>
                  <TableHead>{t("tier")}</TableHead>
                  <TableHead>{t("market")}</TableHead>
                  <TableHead>{t("submitted")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("claimedBy")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} data-testid="queue-row">
                    <TableCell className="font-medium whitespace-normal">
                      <Link className="underline-offset-4 hover:underline" href={`/review/${row.id}`}>
                        {row.organizationName}
                      </Link>
                      {row.resubmission && (
                        <Badge variant="outline" className="ml-2">
                          {t("resubmission")}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell data-label={t("tier")}>{tierTitle(row.tier, locale, row.tier)}</TableCell>
                    <TableCell data-label={t("market")}>{t(`markets.${row.market}`)}</TableCell>
                    <TableCell className="tabular-nums" data-label={t("submitted")} data-testid="waited">
                      <div>
                        {formatDate(row.submittedAt.toISOString().slice(0, 10), locale)}
                        {isOpen(row.status) && (
                          <span className="block text-xs text-muted-foreground">
                            {t("waited", { days: daysWaited(row.submittedAt) })}
                            {daysWaited(row.submittedAt) > reviewWaitWarningDays && (
                              <Badge variant="warning" className="ml-1" data-testid="waited-long">
                                {t("waitedLong", { days: reviewWaitWarningDays })}
                              </Badge>
                            )}
                          </span>
                        )}
                      </div>
                    </TableCell>
                    <TableCell data-label={t("status")}>
                      <StatusBadge status={row.status} />
                    </TableCell>
                    <TableCell data-label={t("claimedBy")}>{row.claimedByName ?? "—"}</TableCell>
                    <TableCell className="md:text-right">{row.status === "submitted" ? <ClaimButton id={row.id} /> : null}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <PartnerDirectory organizations={organizations} />
    </div>
  );
}
