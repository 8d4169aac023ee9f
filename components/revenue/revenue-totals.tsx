import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { RevenueWindow } from "@/lib/rules";

/** The two totals of the revenue page, both computed by the rules library. */
export async function RevenueTotals({
  window,
  countingCents,
  allCents,
  lineCount,
}: {
  window: RevenueWindow;
  countingCents: number;
  allCents: number;
  lineCount: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("revenue.totals"), getLocale()]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Card data-testid="revenue-counting-total">
        <CardHeader>
          <CardDescription>{t("counting")}</CardDescription>
          <CardTitle className="text-2xl tabular-nums">{formatMoney(countingCents, locale)}</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">
          {t("window", { start: formatDate(window.start, locale), end: formatDate(window.end, locale) })}
        </CardContent>
      </Card>
      <Card data-testid="revenue-all-total">
        <CardHeader>
          <CardDescription>{t("all")}</CardDescription>
          <CardTitle className="text-2xl tabular-nums">{formatMoney(allCents, locale)}</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">{t("lines", { count: lineCount })}</CardContent>
      </Card>
    </div>
  );
}
