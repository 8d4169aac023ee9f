import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SubmissionStatus } from "@/db/schema";

const variants = {
  submitted: "secondary",
  claimed: "warning",
  changes_requested: "warning",
  approved: "success",
  rejected: "destructive",
  withdrawn: "none",
} as const satisfies Record<SubmissionStatus, string>;

export async function StatusBadge({ status }: { status: SubmissionStatus }) {
  const t = await getTranslations("submissions.status");
  return (
    <Badge variant={variants[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
