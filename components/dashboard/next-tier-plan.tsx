import { UserPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { examTitle, roleTitle, tierTitle } from "@/components/competency/definition-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/i18n/format";
import { centsFromUsd } from "@/lib/rules";

/** The fewest exams to the next tier, who should pass what, and the people still to hire; nothing at the highest tier. */
export async function NextTierPlan({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const next = dashboard.evaluation.nextTier;

  // At the highest tier there is no way further: the headline says how long it holds.
  if (!next) return null;

  const tier = tierTitle(next.tier, locale, t("tier.none"));
  return (
    <Card data-testid="next-tier-plan">
      <CardHeader>
        <CardTitle>{t("plan.title", { tier })}</CardTitle>
        <CardDescription>
          {next.minimumAdditionalExams === null ? t("plan.impossible") : t("plan.exams", { count: next.minimumAdditionalExams })}
          {" · "}
          {next.revenueShortfallUsd > 0
            ? t("plan.revenueShortfall", { amount: formatMoney(centsFromUsd(next.revenueShortfallUsd), locale) })
            : t("plan.revenueOk", { tier })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {next.steps.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("plan.noSteps", { tier })}</p>
        ) : (
          <ol className="space-y-3">
            {next.steps.map((step, index) => (
              <li key={index} className="rounded-lg border p-3 text-sm" data-testid="plan-step">
                <p className="flex items-center gap-2 font-medium">
                  {step.personId === null && <UserPlus className="size-4 text-primary" aria-hidden />}
                  {step.personId === null ? t("plan.newHire") : dashboard.personNames[step.personId]}{" "}
                  <span className="font-normal text-muted-foreground">{t("plan.forRole", { role: roleTitle(step.role, locale) })}</span>
                </p>
                <ul className="mt-1 space-y-1 text-muted-foreground">
                  {step.groups.map((codes, groupIndex) => (
                    <li key={groupIndex}>
                      {t("plan.passes")} {t("gaps.oneOf")}{" "}
                      {codes.map((code, position) => (
                        <span key={code}>
                          {position > 0 && ", "}
                          <span className="font-mono text-foreground" title={examTitle(code, locale)}>
                            {code}
                          </span>
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
