import { CircleDashed } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { roleTitle, tierTitle } from "@/components/competency/definition-text";
import { TierBadge } from "@/components/competency/tier-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { centsFromUsd } from "@/lib/rules";

/** One tier's requirements, each with its state and the evidence behind it. */
export async function TierChecklist({ dashboard, tier, locale }: { dashboard: Dashboard; tier: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const status = dashboard.evaluation.tiers[tier];
  const explanation = dashboard.explanation.find((candidate) => candidate.tier === tier);
  const { revenue } = status;
  const window = dashboard.evaluation.revenue;
  const title = tierTitle(tier, locale, t("tier.none"));

  return (
    <Card data-testid={`checklist-${tier}`}>
      <CardHeader>
        <CardTitle className="flex items-center justify-between gap-2">
          <span>{t("checklist.title", { tier: title })}</span>
          {status.met ? (
            <TierBadge tier={tier} label={t("checklist.met")} />
          ) : (
            <span className="text-sm font-normal text-muted-foreground">{t("checklist.notMet")}</span>
          )}
        </CardTitle>
        {explanation && <CardDescription>{explanation.summary}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-5">
        <section className="space-y-2">
          <div className="checklist-line">
            <span className="checklist-label">
              <StateIcon met={revenue.met} />
              {t("checklist.revenue")}
            </span>
            <span className="tabular-nums">{formatMoney(centsFromUsd(revenue.totalUsd), locale)}</span>
          </div>
          <Progress
            value={Math.max(0, Math.min(100, (revenue.totalUsd / revenue.thresholdUsd) * 100))}
            aria-label={t("checklist.revenue")}
          />
          <div className="flex justify-between gap-2 text-xs text-muted-foreground">
            <span>
              {t("checklist.windowRange", {
                start: formatDate(window.windowStart, locale),
                end: formatDate(window.windowEnd, locale),
              })}
            </span>
            <span>
              {revenue.met
                ? t("checklist.threshold", { amount: formatMoney(centsFromUsd(revenue.thresholdUsd), locale) })
                : t("checklist.shortfall", { amount: formatMoney(centsFromUsd(revenue.shortfallUsd), locale) })}
            </span>
          </div>
        </section>

        {Object.entries(status.people.slots).map(([role, slot]) => (
          <section key={role} className="space-y-2">
            <div className="checklist-line">
              <span className="checklist-label">
                <StateIcon met={slot.filled >= slot.needed} />
                {roleTitle(role, locale)}
              </span>
              <span className="text-muted-foreground">{t("checklist.slotsOf", { filled: slot.filled, needed: slot.needed })}</span>
            </div>
            <ul className="flex flex-wrap gap-2 text-sm">
              {slot.personIds.map((personId) => (
                <li key={personId} className="chip">
                  {dashboard.personNames[personId] ?? personId}
                </li>
              ))}
              {Array.from({ length: slot.needed - slot.filled }, (_, index) => (
                <li key={`empty-${index}`} className="chip chip-empty">
                  <CircleDashed className="size-3.5" aria-hidden />
                  {t("checklist.emptySlot")}
                </li>
              ))}
            </ul>
          </section>
        ))}

        {explanation && explanation.reasons.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">{t("checklist.why")}</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {explanation.reasons.map((reason, index) => (
                <li key={index} data-status={reason.status}>
                  {reason.text}
                </li>
              ))}
              {explanation.moreNotes > 0 && (
                <li data-status="note" data-testid="more-notes">
                  {t("checklist.moreNotes", { count: explanation.moreNotes })}
                </li>
              )}
            </ul>
          </details>
        )}
      </CardContent>
    </Card>
  );
}

/** A requirement's state as a mark drawn by CSS (`.state`): repeated on every line, so no SVG. */
function StateIcon({ met }: { met: boolean }) {
  return <span aria-hidden className={met ? "state state-met" : "state state-unmet"} />;
}
