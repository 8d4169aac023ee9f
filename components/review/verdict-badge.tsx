import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

interface ShownVerdict {
  status: "verified" | "rejected";
  reason: string | null;
  /** The earlier round the verdict was given in, when carried forward. */
  carriedFromRound?: number | null;
}

export async function VerdictBadge({ verdict }: { verdict: ShownVerdict | undefined }) {
  const t = await getTranslations("review.verdicts");
  if (!verdict) return <Badge variant="none">{t("none")}</Badge>;
  const label = verdict.carriedFromRound ? t("carried", { status: verdict.status, round: verdict.carriedFromRound }) : t(verdict.status);
  return (
    <span className="inline-flex flex-col gap-1" data-verdict={verdict.status} data-carried={verdict.carriedFromRound ? "true" : undefined}>
      <Badge variant={verdict.status === "verified" ? "success" : "destructive"}>{label}</Badge>
      {verdict.reason && <span className="max-w-64 text-xs whitespace-normal text-muted-foreground">{verdict.reason}</span>}
    </span>
  );
}
