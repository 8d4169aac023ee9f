import { CalendarClock } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { TierBadge } from "@/components/competency/tier-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/lib/i18n/format";

/** The dates within a year on which the tier changes if nothing new is recorded. */
export async function ForecastList({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const title = (tier: string) => tierTitle(tier, locale, t("tier.none"));
  const { changes } = dashboard.forecast;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CalendarClock className="size-5 text-primary" aria-hidden />
          {t("forecast.title")}
        </CardTitle>
        <CardDescription>{t("forecast.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {changes.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("forecast.none")}</p>
        ) : (
          <ol className="space-y-3">
            {changes.map((change) => (
              <li key={change.on} className="flex flex-wrap items-center gap-2 text-sm" data-testid="forecast-change">
                <time dateTime={change.on} className="w-32 font-medium">
                  {formatDate(change.on, locale)}
                </time>
                <TierBadge tier={change.from} label={title(change.from)} icon={false} />
                <span aria-hidden>→</span>
                <TierBadge tier={change.to} label={title(change.to)} icon={false} />
                <span className="text-muted-foreground">
                  {change.causes.map((cause) => t(`forecast.causes.${cause.kind}`, { ids: cause.ids.join(", ") })).join(" · ")}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
