import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SubmissionSnapshot } from "@/lib/data/snapshot-types";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

/** What the partner sent: the evaluation on the day and the size of the evidence copied. */
export async function SnapshotSummary({ snapshot }: { snapshot: SubmissionSnapshot }) {
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  const counted = new Set(snapshot.evaluation.revenue.countedIds);
  const countedCents = snapshot.revenueLines.filter((line) => counted.has(line.id)).reduce((sum, line) => sum + line.amountCents, 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("snapshot")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <p>
          {t("snapshotTier", { asOf: formatDate(snapshot.asOf, locale, "long"), tier: tierTitle(snapshot.evaluation.tier, locale, "—") })}
        </p>
        <ul className="list-disc pl-5">
          <li>{t("labelled", { label: t("people"), value: snapshot.people.length })}</li>
          <li>{t("labelled", { label: t("examPasses"), value: snapshot.examPasses.length })}</li>
          <li>
            {t("labelled", { label: t("revenueLines"), value: snapshot.revenueLines.length })} —{" "}
            {t("counted", { count: counted.size, total: formatMoney(countedCents, locale) })}
          </li>
        </ul>
      </CardContent>
    </Card>
  );
}
