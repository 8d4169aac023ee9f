import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatMoney, formatMonth } from "@/lib/i18n/format";

const width = 720;
const height = 220;
const margin = { top: 12, right: 12, bottom: 28, left: 12 };
/** Coordinates to a tenth of a unit: finer than any screen draws a 720-wide chart, and short in the page. */
const tenth = (value: number) => Math.round(value * 10) / 10;

/** Bars of trailing-12-month revenue, one a month, with the Silver/Gold threshold drawn across. */
export async function RevenueChart({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "dashboard.chart" });
  const { points, thresholdCents } = dashboard.history;
  // Both tiers share one threshold in Cloud CRM; draw each distinct one.
  const thresholds = [...new Set(Object.values(thresholdCents))];
  const top = Math.max(...thresholds, ...points.map((point) => point.totalCents), 1) * 1.15;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / points.length;
  const baseline = margin.top + plotHeight;
  const y = (cents: number) => tenth(baseline - (Math.max(cents, 0) / top) * plotHeight);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <svg viewBox={`0 0 ${width} ${height}`} className="revenue-chart h-auto w-full" role="img" aria-label={t("title")}>
          {points.map((point, index) => {
            const met = thresholds.every((threshold) => point.totalCents >= threshold);
            const x = tenth(margin.left + index * slot + slot * 0.15);
            return (
              <Fragment key={point.on}>
                <rect
                  x={x}
                  y={y(point.totalCents)}
                  width={tenth(slot * 0.7)}
                  height={tenth(baseline - y(point.totalCents))}
                  rx={2}
                  className={met ? "met" : undefined}
                >
                  <title>{t("total", { date: formatDate(point.on, locale), amount: formatMoney(point.totalCents, locale) })}</title>
                </rect>
                {(points.length - 1 - index) % 3 === 0 && (
                  // Every third month is named, the latest first; a phone names every sixth, larger.
                  <text
                    x={tenth(x + slot * 0.35)}
                    y={height - 8}
                    textAnchor="middle"
                    className={(points.length - 1 - index) % 6 === 0 ? "month" : "month minor"}
                  >
                    {formatMonth(point.on, locale)}
                  </text>
                )}
              </Fragment>
            );
          })}
          {thresholds.map((threshold) => (
            <g key={threshold}>
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(threshold)}
                y2={y(threshold)}
                className="stroke-destructive"
                strokeDasharray="6 4"
              />
              <text x={margin.left + 4} y={y(threshold) - 4} className="threshold">
                {t("threshold")} {formatMoney(threshold, locale)}
              </text>
            </g>
          ))}
        </svg>
      </CardContent>
    </Card>
  );
}
