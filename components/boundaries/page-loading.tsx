import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a page's data loads: the shape of a heading and a few rows, announced politely. */
export async function PageLoading() {
  const t = await getTranslations("boundaries");
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-8 w-64 max-w-full" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-2 pt-4">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
