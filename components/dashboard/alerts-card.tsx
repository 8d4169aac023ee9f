import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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
  // Nothing holds: the risk card and the forecast say where the organization stands.
  if (grouped.length === 0) return null;
  return (
    <Card id="alerts" data-testid="alerts-card">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <ul className="space-y-2">
          {grouped.map((alert) => (
            <li key={alert.ids[0]} className="alert-line" data-kind={alert.kind} data-testid="alert">
              {words.sentence(alert, organizationName)}{" "}
              <span className="text-xs text-muted-foreground">{t("raisedOn", { date: formatDate(alert.raisedOn, locale) })}</span>
            </li>
          ))}
        </ul>
        <Link href="/account#alert-emails" className="text-xs underline underline-offset-4">
          {t("preferences")}
        </Link>
      </CardContent>
    </Card>
  );
}
