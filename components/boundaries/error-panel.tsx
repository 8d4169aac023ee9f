"use client";

import { RotateCcwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a route group shows when rendering failed: a sentence in the visitor's language, a
 * retry and a way home, never Next's raw error. The digest lets operators find the server log.
 */
export function ErrorPanel({ error, reset, home }: { error: Error & { digest?: string }; reset: () => void; home: string }) {
  const t = useTranslations("boundaries");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto grid max-w-xl gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
      <p className="text-muted-foreground">{t("error.body")}</p>
      {error.digest && <p className="text-xs text-muted-foreground">{t("error.reference", { digest: error.digest })}</p>}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>
          <RotateCcwIcon aria-hidden />
          {t("error.retry")}
        </Button>
        <Button asChild variant="outline">
          <Link href={home}>{t("home")}</Link>
        </Button>
      </div>
    </div>
  );
}
