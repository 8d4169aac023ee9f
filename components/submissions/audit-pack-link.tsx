import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** The download of a decided application's audit pack, with what the file holds. */
export async function AuditPackLink({ submissionId }: { submissionId: string }) {
  const t = await getTranslations("auditPack");
  return (
    <div className="space-y-1" data-print="hide">
      <Button asChild variant="outline">
        <a href={`/api/submissions/${submissionId}/audit-pack`} download>
          <Download aria-hidden /> {t("download")}
        </a>
      </Button>
      <p className="text-sm text-muted-foreground">{t("downloadHint")}</p>
    </div>
  );
}
