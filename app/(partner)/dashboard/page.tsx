import type { Metadata } from "next";
import Link from "next/link";
import { type ReactNode, Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { TierBadge } from "@/components/competency/tier-badge";
import { PageLoading } from "@/components/boundaries/page-loading";
import { AlertsCard } from "@/components/dashboard/alerts-card";
import { AsOfForm } from "@/components/dashboard/as-of-form";
import { ForecastList } from "@/components/dashboard/forecast-list";
import { GapList, type GapFilter } from "@/components/dashboard/gap-list";
import { AcceptedStanding, Headline } from "@/components/dashboard/headline";
import { NextTierPlan } from "@/components/dashboard/next-tier-plan";
import { RevenueChart } from "@/components/dashboard/revenue-chart";
import { RiskCard } from "@/components/dashboard/risk-card";
import { TierChecklist } from "@/components/dashboard/tier-checklist";
import { ApplyPanel } from "@/components/submissions/apply-panel";
import { AwardLine, LapsedAwardLine } from "@/components/submissions/award-line";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { dashboardEvaluation, dashboardStatus, type EvaluationKey, tierStanding } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/lib/i18n/format";
import { type Award, cloudCrm } from "@/lib/rules";
import { calendarDate, pageNumber } from "@/lib/schemas/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

interface SearchParams {
  asOf?: string | string[];
  gaps?: string | string[];
  page?: string | string[];
}

/** The page's frame renders at once; the evaluation, the slow part, streams in behind a placeholder. */
export default function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Dashboard searchParams={searchParams} />
    </Suspense>
  );
}

async function Dashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePartnerUser();
  const params = await searchParams;
  const locale = await getLocale();
  const t = await getTranslations("dashboard");

  const requested = calendarDate.safeParse(params.asOf);
  const asOf = requested.success ? requested.data : today();
  const filter: GapFilter = params.gaps === "one-away" ? "one-away" : "all";
  const page = pageNumber.parse(params.page);
  const { db } = await appConnection();
  const isToday = asOf === today();
  const { organization, key, award, lapsed, openSubmission } = await dashboardStatus(db, user.organizationId, today());
  const standing = await tierStanding(key, asOf, locale);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <p className="text-sm text-muted-foreground">{organization.name}</p>
          <h1 className="flex flex-wrap items-center gap-3 text-3xl font-semibold tracking-tight">
            {t("heading")}
            <TierBadge tier={standing.tier} label={tierTitle(standing.tier, locale, t("tier.none"))} className="px-3 py-1 text-base" />
          </h1>
          <p className="text-sm text-muted-foreground">{t("tier.current", { date: formatDate(asOf, locale, "long") })}</p>
          {award ? <AwardLine award={award} /> : lapsed && <LapsedAwardLine award={lapsed} />}
        </div>
        <AsOfForm asOf={asOf} isToday={isToday} />
      </div>

      {!isToday && (
        <Alert variant="warning" data-testid="viewing-another-date">
          <AlertDescription className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {t("headline.viewing", { date: formatDate(asOf, locale, "long") })}
            <Link href="/dashboard" className="font-medium underline underline-offset-4">
              {t("headline.backToToday")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {params.asOf !== undefined && !requested.success && (
        <Alert variant="warning">
          <AlertDescription>{t("asOf.invalid")}</AlertDescription>
        </Alert>
      )}

      <DashboardBody
        organization={key}
        asOf={asOf}
        isToday={isToday}
        locale={locale}
        filter={filter}
        page={page}
        ownPersonId={user.personId}
        award={isToday ? award : null}
        organizationName={organization.name}
      >
        {isToday && <AlertsCard organizationId={organization.id} organizationName={organization.name} locale={locale} />}
        {user.role === "partner_admin" && isToday && <ApplyPanel standing={{ tiers: standing.tiers, award, asOf }} open={openSubmission} />}
        {user.role === "employee" && (
          <Alert>
            <AlertDescription>{t("readOnly")}</AlertDescription>
          </Alert>
        )}
      </DashboardBody>
    </div>
  );
}

/**
 * The evaluation's checklists, gaps, plan, forecast and chart, rendered once per key and
 * cached by Next.js ('use cache'): the organization's evidence revision is part of the key,
 * so a change to the evidence renders it anew.
 */
async function DashboardBody({
  organization,
  asOf,
  isToday,
  locale,
  filter,
  page,
  ownPersonId,
  award,
  organizationName,
  children,
}: {
  organization: EvaluationKey;
  asOf: string;
  isToday: boolean;
  locale: Locale;
  filter: GapFilter;
  page: number;
  ownPersonId: string | null;
  /** The award in force, when the day shown is today: the headline says when it is due for renewal. */
  award: Award | null;
  organizationName: string;
  /** What the page shows between the headline and the checklists (the application, notices); not cached. */
  children: ReactNode;
}) {
  "use cache";
  const dashboard = await dashboardEvaluation(organization, asOf, locale);
  const gapsHref = (gaps: GapFilter, gapsPage: number) => {
    const query = new URLSearchParams();
    if (!isToday) query.set("asOf", asOf);
    if (gaps !== "all") query.set("gaps", gaps);
    if (gapsPage > 1) query.set("page", String(gapsPage));
    const text = query.toString();
    return text ? `/dashboard?${text}` : "/dashboard";
  };

  return (
    <>
      <Headline dashboard={dashboard} award={award} locale={locale} />
      <AcceptedStanding dashboard={dashboard} locale={locale} />
      {children}
      <div className="grid gap-6 lg:grid-cols-2">
        {cloudCrm.tiers.map((tier) => (
          <TierChecklist key={tier.id} dashboard={dashboard} tier={tier.id} locale={locale} />
        ))}
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <GapList dashboard={dashboard} filter={filter} page={page} ownPersonId={ownPersonId} href={gapsHref} locale={locale} />
        <div className="space-y-6">
          <RiskCard dashboard={dashboard} organizationName={organizationName} locale={locale} />
          <NextTierPlan dashboard={dashboard} locale={locale} />
          <ForecastList dashboard={dashboard} locale={locale} />
        </div>
      </div>

      <RevenueChart dashboard={dashboard} locale={locale} />
    </>
  );
}
