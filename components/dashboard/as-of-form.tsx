import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A GET form: the chosen day lives in the URL, so it can be shared and works without JavaScript. */
export async function AsOfForm({ asOf, isToday }: { asOf: string; isToday: boolean }) {
  const t = await getTranslations("dashboard.asOf");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-print="hide">
      <div className="grid gap-1.5">
        <Label htmlFor="as-of">{t("label")}</Label>
        <Input id="as-of" name="asOf" type="date" defaultValue={asOf} required className="w-44" />
      </div>
      <Button type="submit" variant="secondary">
        {t("submit")}
      </Button>
      {!isToday && (
        <Button asChild variant="ghost">
          <Link href="/dashboard">{t("today")}</Link>
        </Button>
      )}
    </form>
  );
}
