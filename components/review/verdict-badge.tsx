import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

export async function VerdictBadge({ verdict }: { verdict: { status: "verified" | "rejected"; reason: string | null } | undefined }) {
  const t = await getTranslations("review.verdicts");
  if (!verdict) return <Badge variant="none">{t("none")}</Badge>;
  return (
    <span className="inline-flex flex-col gap-1" data-verdict={verdict.status}>
      <Badge variant={verdict.status === "verified" ? "success" : "destructive"}>{t(verdict.status)}</Badge>
      {verdict.reason && <span className="text-xs text-muted-foreground">{verdict.reason}</span>}
    </span>
  );
}
