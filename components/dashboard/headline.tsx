import { getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatList, formatMoney } from "@/lib/i18n/format";
import { type Award, centsFromUsd, headline } from "@/lib/rules";

/** The causes that can end a tier, each worded; anything else is "the evidence changes". */
const dropCauses = ["revenue-expired", "exam-no-longer-accepted", "person-left", "requirements-changed"] as const;

/** People named in the headline's steps; the plan below lists everyone. */
const NAMED_STEPS = 3;

/**
 * One paragraph at the top of the dashboard: where the organization stands and what to do
 * next, from lib/rules' headline. "Gold holds until Aug 3, 2027, when revenue leaves the
 * 12-month window. Renewal is due Dec 1, 2027." or "Silver is 2 exams and $17,499.50 of DPOR
 * revenue away: Frank passes MB2-710, Gina passes MB2-712."
 */
export async function Headline({ dashboard, award, locale }: { dashboard: Dashboard; award: Award | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const facts = headline(dashboard.evaluation, dashboard.forecast, award);
  const title = (tier: string) => tierTitle(tier, locale, t("tier.none"));
  const sentences: string[] = [];

  if (facts.tier !== "none") {
    const cause = dropCauses.find((candidate) => candidate === facts.drop?.cause) ?? "other";
    sentences.push(
      facts.drop
        ? t("headline.holds", {
            tier: title(facts.tier),
            date: formatDate(facts.drop.on, locale),
            cause: t(`headline.causes.${cause}`),
          })
        : t("headline.holdsAll", { tier: title(facts.tier) }),
    );
  }

  if (facts.next) {
    const { tier, exams, revenueShortfallUsd, steps } = facts.next;
    if (exams === null) {
      sentences.push(t("headline.impossible", { tier: title(tier) }));
    } else {
      const needs = [
        ...(exams > 0 ? [t("headline.exams", { count: exams })] : []),
        ...(revenueShortfallUsd > 0 ? [t("headline.revenue", { amount: formatMoney(centsFromUsd(revenueShortfallUsd), locale) })] : []),
      ];
      const away = t("headline.away", { tier: title(tier), needs: formatList(needs, locale) });
      const named = steps.slice(0, NAMED_STEPS).map((step) =>
        t("headline.step", {
          person: step.personId === null ? t("headline.newHire") : (dashboard.personNames[step.personId] ?? step.personId),
          exams: formatList(
            step.groups.map((codes) => formatList(codes, locale, "disjunction")),
            locale,
          ),
        }),
      );
      if (steps.length > NAMED_STEPS) named.push(t("headline.moreSteps", { count: steps.length - NAMED_STEPS }));
      sentences.push(
        named.length > 0
          ? t("headline.awayWithSteps", { away, steps: named.join(t("headline.stepSeparator")) })
          : t("headline.awayOnly", { away }),
      );
    }
  }

  if (facts.renewalDueOn) sentences.push(t("headline.renewal", { date: formatDate(facts.renewalDueOn, locale) }));

  return (
    <p className="rounded-lg border-l-4 border-primary bg-accent/40 px-4 py-3 text-base font-medium" data-testid="dashboard-headline">
      {sentences.join(" ")}
    </p>
  );
}

/**
 * "Recorded: Gold, $210,000. Accepted by the program: Silver, $150,000.": shown when evidence
 * the program rejected still stands in the partner's records.
 */
export async function AcceptedStanding({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const { accepted } = dashboard;
  if (!accepted) return null;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const title = (tier: string) => tierTitle(tier, locale, t("tier.none"));
  return (
    <p className="text-sm font-medium text-destructive" data-testid="accepted-standing">
      {t("accepted", {
        recordedTier: title(accepted.recordedTier),
        recordedTotal: formatMoney(centsFromUsd(accepted.recordedTotalUsd), locale),
        tier: title(accepted.tier),
        total: formatMoney(centsFromUsd(accepted.totalUsd), locale),
      })}
    </p>
  );
}
