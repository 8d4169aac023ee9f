import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SnapshotChange } from "@/lib/data/snapshot-diff";

const variants = { added: "success", removed: "destructive", changed: "warning" } as const;

/** A resubmission's evidence against the submission it answers. */
export async function ChangesList({ changes, previousMessage }: { changes: SnapshotChange[]; previousMessage: string | null }) {
  const [t, kinds] = await Promise.all([getTranslations("review.changes"), getTranslations("submissions.kinds")]);
  return (
    <Card data-testid="changes">
      <CardHeader>
        <CardTitle>
          <h2>{t("title")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {previousMessage && <p className="text-muted-foreground">{t("previousMessage", { message: previousMessage })}</p>}
        {changes.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-1">
            {changes.map((change) => (
              <li key={`${change.kind}:${change.id}`} className="flex flex-wrap items-center gap-2" data-change={change.change}>
                <Badge variant={variants[change.change]}>{t(change.change)}</Badge>
                <span className="text-muted-foreground">{kinds(change.kind)}</span>
                <span className="font-medium">{change.label}</span>
                {change.fields.length > 0 && <span className="text-muted-foreground">({change.fields.join(", ")})</span>}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
