import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * Shown while a page's data loads: the shape of a heading and of its content, announced politely.
 * A flex column, not a grid: a grid's track would grow to the skeletons' fixed widths and widen a phone's page.
 */
export async function PageLoading() {
  const t = await getTranslations("boundaries");
  return (
    <div role="status" aria-live="polite" data-testid="page-loading" className="flex flex-col gap-4">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-8 w-64 max-w-full" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="mt-4 h-56 w-full" />
    </div>
  );
}
