import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { markets, submissionStatuses, submissionTiers } from "@/db/schema";
import type { Locale } from "@/lib/rules";
import type { QueueFilter } from "@/lib/schemas/submissions";
import { NativeSelect } from "@/components/ui/native-select";

/** Status, tier and market, as a GET form: a filtered queue is a link a reviewer can share. */
export async function QueueFilters({ filter }: { filter: QueueFilter }) {
  const [t, status, locale] = await Promise.all([
    getTranslations("review"),
    getTranslations("submissions.status"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <form method="get" action="/review" className="flex flex-wrap items-end gap-3" aria-label={t("filters.apply")}>
      <div className="grid gap-1">
        <Label htmlFor="queue-status">{t("filters.status")}</Label>
        <NativeSelect id="queue-status" name="status" defaultValue={filter.status}>
          <option value="open">{t("filters.open")}</option>
          {submissionStatuses.map((value) => (
            <option key={value} value={value}>
              {status(value)}
            </option>
          ))}
          <option value="all">{t("filters.all")}</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="queue-tier">{t("filters.tier")}</Label>
        <NativeSelect id="queue-tier" name="tier" defaultValue={filter.tier ?? ""}>
          <option value="">{t("filters.any")}</option>
          {submissionTiers.map((value) => (
            <option key={value} value={value}>
              {tierTitle(value, locale, value)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="queue-market">{t("filters.market")}</Label>
        <NativeSelect id="queue-market" name="market" defaultValue={filter.market ?? ""}>
          <option value="">{t("filters.any")}</option>
          {markets.map((value) => (
            <option key={value} value={value}>
              {t(`markets.${value}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        {t("filters.apply")}
      </Button>
    </form>
  );
}
