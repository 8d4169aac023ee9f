import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { TierBadge } from "@/components/competency/tier-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SubmissionSnapshot } from "@/lib/data/snapshot-types";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";
import { PrintButton } from "./print-button";

/** The printable record of an award: the one part of the page a print keeps. */
export async function AwardSummary({
  snapshot,
  award,
  reviewerName,
  verified,
}: {
  snapshot: SubmissionSnapshot;
  award: { tier: string; awardedOn: string; anniversaryOn: string };
  reviewerName: string | null;
  verified: { passes: number; lines: number };
}) {
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  const tier = tierTitle(award.tier, locale, award.tier);
  return (
    <Card data-testid="award-summary">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle>
          <h2 className="text-xl">{t("awardSummary.title")}</h2>
        </CardTitle>
        <PrintButton label={t("print")} />
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="flex flex-wrap items-center gap-2 text-lg">
          <TierBadge tier={award.tier} label={tier} className="px-3 py-1 text-base" />
          {t("awardSummary.body", { organization: snapshot.organization.name, mpnId: snapshot.organization.mpnId, tier })}
        </p>
        <dl className="grid gap-2 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-muted-foreground">{t("awardSummary.awardedOn")}</dt>
            <dd className="font-medium">{formatDate(award.awardedOn, locale, "long")}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">{t("awardSummary.anniversaryOn")}</dt>
            <dd className="font-medium">{formatDate(award.anniversaryOn, locale, "long")}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">{t("awardSummary.reviewedBy")}</dt>
            <dd className="font-medium">{reviewerName ?? "—"}</dd>
          </div>
        </dl>
        <p className="text-sm">{t("awardSummary.evidence", verified)}</p>
      </CardContent>
    </Card>
  );
}
