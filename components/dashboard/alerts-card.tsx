import { BellRing } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { openAlerts } from "@/lib/data/watch";
import { alertWords, groupAlerts } from "@/lib/i18n/alert-words";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The alerts the daily watch raised for the organization and that still hold, read on every
 * request (the watch moves them, not the evidence revision the dashboard's cache follows).
 */
export async function AlertsCard({
  organizationId,
  organizationName,
  locale,
}: {
  organizationId: string;
  organizationName: string;
  locale: Locale;
}) {
  const { db } = await appConnection();
  const [rows, t] = await Promise.all([openAlerts(db, organizationId), getTranslations({ locale, namespace: "alerts" })]);
  const words = alertWords(locale);
  const grouped = groupAlerts(rows);
  return (
    <Card id="alerts" data-testid="alerts-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <BellRing className="size-5 text-primary" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>{grouped.length === 0 ? t("none") : t("lead")}</CardDescription>
      </CardHeader>
      {grouped.length > 0 && (
        <CardContent className="space-y-3 text-sm">
          <ul className="space-y-2">
            {grouped.map((alert) => (
              <li key={alert.ids[0]} className="border-l-2 border-warning pl-3" data-kind={alert.kind} data-testid="alert">
                <span>
                  {words.sentence(alert, organizationName)}{" "}
                  <span className="text-xs text-muted-foreground">{t("raisedOn", { date: formatDate(alert.raisedOn, locale) })}</span>
                </span>
              </li>
            ))}
          </ul>
          <Link href="/account#alert-emails" className="text-xs underline underline-offset-4">
            {t("preferences")}
          </Link>
        </CardContent>
      )}
    </Card>
  );
}
