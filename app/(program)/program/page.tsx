import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { submissionStatuses } from "@/db/schema";
import { requireProgramStaff } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { programOverview } from "@/lib/data/program-overview";
import { formatDate, formatMonth } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("program"))("overview.title") };
}

const tiersShown = ["gold", "silver", "none"] as const;
const barColour: Record<(typeof tiersShown)[number], string> = {
  gold: "bg-amber-500",
  silver: "bg-slate-400",
  none: "bg-muted-foreground/25",
};

/** The program as a whole: tiers today and over the year ahead, tiers ending soon, applications and the review's wait. */
export default async function ProgramOverviewPage() {
  const user = await requireProgramStaff();
  const { db } = await appConnection();
  const [overview, t, locale] = await Promise.all([
    programOverview(db, user, today()),
    getTranslations("program"),
    getLocale() as Promise<Locale>,
  ]);
  const title = (tier: string) => tierTitle(tier, locale, t("overview.noTier"));
  const largest = Math.max(1, ...overview.days.map(({ tiers }) => Object.values(tiers).reduce((sum, count) => sum + count, 0)));

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">{t("overview.title")}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t("overview.tiers")}</CardTitle>
          <CardDescription>{t("overview.tiersHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ol className="flex h-48 items-end gap-1 overflow-x-auto" aria-label={t("overview.chart")}>
            {overview.days.map(({ day, tiers }, index) => (
              <li key={day} className="flex h-full min-w-8 flex-1 flex-col justify-end" title={day}>
                {tiersShown.map((tier) => (
                  <span key={tier} className={barColour[tier]} style={{ height: `${((tiers[tier] ?? 0) / largest) * 100}%` }} />
                ))}
                <span className="mt-1 text-center text-[10px] text-muted-foreground">
                  {index === 0 ? t("overview.today") : formatMonth(day, locale)}
                </span>
              </li>
            ))}
          </ol>
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("overview.on")}</TableHead>
                  {tiersShown.map((tier) => (
                    <TableHead key={tier} className="text-right">
                      {/* The colour of the tier's bars above: the table's headings are the chart's legend. */}
                      <span className={`me-1.5 inline-block size-2.5 rounded-sm ${barColour[tier]}`} aria-hidden />
                      {title(tier)}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.days.map(({ day, tiers }, index) => (
                  <TableRow key={day} data-testid="tier-count-row">
                    <TableCell>
                      {index === 0 ? t("overview.todayOn", { date: formatDate(day, locale) }) : formatDate(day, locale)}
                    </TableCell>
                    {tiersShown.map((tier) => (
                      <TableCell key={tier} className="text-right tabular-nums">
                        {tiers[tier] ?? 0}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </CardContent>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("overview.ending", { count: overview.endingCount })}</CardTitle>
          </CardHeader>
          <CardContent>
            {overview.ending.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("overview.noneEnding")}</p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {overview.ending.map((ending) => (
                  <li key={ending.organizationId}>
                    {t("overview.endingLine", {
                      name: ending.name,
                      from: title(ending.from),
                      to: title(ending.to),
                      date: formatDate(ending.on, locale),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("overview.applications")}</CardTitle>
            <CardDescription>
              {overview.medianWaitDays === null ? t("overview.noWait") : t("overview.medianWait", { days: overview.medianWaitDays })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              {submissionStatuses.map((status) => (
                <div key={status} className="contents">
                  <dt className="text-muted-foreground">{t(`overview.status.${status}`)}</dt>
                  <dd className="text-right tabular-nums">{overview.applications[status] ?? 0}</dd>
                </div>
              ))}
            </dl>
            {user.role === "reviewer" && (
              <Link href="/review" className="mt-4 inline-block text-sm underline">
                {t("overview.toQueue")}
              </Link>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
