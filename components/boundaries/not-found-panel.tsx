import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** What a route group shows for a page or record that does not exist (or is not the visitor's). */
export async function NotFoundPanel({ home }: { home: string }) {
  const t = await getTranslations("boundaries");
  return (
    <div className="mx-auto grid max-w-xl gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-muted-foreground">{t("notFound.body")}</p>
      <div className="flex justify-center">
        <Button asChild variant="outline">
          <Link href={home}>{t("home")}</Link>
        </Button>
      </div>
    </div>
  );
}
