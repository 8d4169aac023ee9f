import { ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { roleTitle, tierTitle } from "@/components/competency/definition-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatList, formatMoney } from "@/lib/i18n/format";
import { centsFromUsd, NO_TIER } from "@/lib/rules";

/**
 * How fragile the tier met is: the people who each alone hold a slot and what their leaving
 * does, the spare qualified people per role, the revenue headroom and the next change.
 */
export async function RiskCard({
  dashboard,
  organizationName,
  locale,
}: {
  dashboard: Dashboard;
  organizationName: string;
  locale: Locale;
}) {
  const { risk } = dashboard;
  if (!risk) return null;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const title = (tier: string) => tierTitle(tier, locale, t("tier.none"));
  const tier = title(risk.tier);
  const name = (personId: string) => dashboard.personNames[personId] ?? personId;
  const lowers = new Set(risk.critical.map((item) => item.dropsTo));
  // Those whose departure is already recorded: not a risk but a date.
  const leaving = risk.critical.flatMap((item) => (item.leavesOn === null ? [] : [{ ...item, leavesOn: item.leavesOn }]));

  return (
    <Card data-testid="risk-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldAlert className="size-5 text-primary" aria-hidden />
          {t("risk.title", { tier })}
        </CardTitle>
        <CardDescription data-testid="risk-summary">
          {risk.critical.length === 0
            ? t("risk.noneAlone", { tier })
            : lowers.size === 1
              ? t("risk.minimum", {
                  tier,
                  people: formatList(
                    risk.critical.map((item) => name(item.personId)),
                    locale,
                    "disjunction",
                  ),
                  organization: organizationName,
                  lower: title(risk.critical[0].dropsTo),
                  lowerKind: risk.critical[0].dropsTo === NO_TIER ? "none" : "tier",
                })
              : t("risk.each", { tier, organization: organizationName })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {leaving.length > 0 && (
          <ul className="space-y-1 font-medium" data-testid="risk-leaving">
            {leaving.map((item) => (
              <li key={item.personId}>
                {t("risk.leaving", {
                  person: name(item.personId),
                  date: formatDate(item.leavesOn, locale),
                  organization: organizationName,
                  lower: title(item.dropsTo),
                  lowerKind: item.dropsTo === NO_TIER ? "none" : "tier",
                })}
              </li>
            ))}
          </ul>
        )}
        {lowers.size > 1 && (
          <ul className="space-y-1">
            {risk.critical.map((item) => (
              <li key={item.personId}>{t("risk.drop", { person: name(item.personId), lower: title(item.dropsTo) })}</li>
            ))}
          </ul>
        )}
        <div>
          <p className="font-medium">{t("risk.spares")}</p>
          <ul className="text-muted-foreground">
            {Object.entries(risk.spares).map(([role, count]) => (
              <li key={role}>{t("risk.spare", { role: roleTitle(role, locale), count })}</li>
            ))}
          </ul>
        </div>
        <p>
          {risk.headroomUsd > 0
            ? t("risk.headroom", { amount: formatMoney(centsFromUsd(risk.headroomUsd), locale) })
            : t("risk.noHeadroom")}
        </p>
        <p className="text-muted-foreground">
          {risk.nextChange
            ? t("risk.next", {
                date: formatDate(risk.nextChange.on, locale),
                from: title(risk.nextChange.from),
                to: title(risk.nextChange.to),
              })
            : t("risk.noChange")}
        </p>
      </CardContent>
    </Card>
  );
}
