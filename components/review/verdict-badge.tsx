import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { CheckMethod } from "@/db/schema";
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

interface ShownVerdict {
  status: "verified" | "rejected";
  reason: string | null;
  /** The earlier round the verdict was given in, when carried forward. */
  carriedFromRound?: number | null;
  /** How a verified pass was checked, by whom and when: the case shows it, the partner's pages do not. */
  checkMethod?: CheckMethod | null;
  checkNote?: string | null;
  reviewerName?: string;
  reviewedAt?: Date;
}

export async function VerdictBadge({ verdict }: { verdict: ShownVerdict | undefined }) {
  const [t, locale] = await Promise.all([getTranslations("review.verdicts"), getLocale() as Promise<Locale>]);
  if (!verdict) return <Badge variant="none">{t("none")}</Badge>;
  const label = verdict.carriedFromRound ? t("carried", { status: verdict.status, round: verdict.carriedFromRound }) : t(verdict.status);
  const given =
    verdict.reviewerName && verdict.reviewedAt
      ? t("given", { name: verdict.reviewerName, date: formatInstant(verdict.reviewedAt, locale) })
      : null;
  return (
    <span className="inline-flex flex-col gap-1" data-verdict={verdict.status} data-carried={verdict.carriedFromRound ? "true" : undefined}>
      <Badge variant={verdict.status === "verified" ? "success" : "destructive"}>{label}</Badge>
      {verdict.reason && <span className="max-w-64 text-xs whitespace-normal text-muted-foreground">{verdict.reason}</span>}
      {verdict.checkMethod && (
        <span className="max-w-64 text-xs whitespace-normal text-muted-foreground" data-testid="check-method">
          {t(`checked.${verdict.checkMethod}`)}
          {verdict.checkNote ? ` — ${verdict.checkNote}` : ""}
        </span>
      )}
      {given && <span className="text-xs text-muted-foreground">{given}</span>}
    </span>
  );
}
