import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { ThemeToggle } from "@/components/theme-toggle";

export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations();
  return (
    <header className="border-b bg-background/95" data-print="hide">
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="font-semibold tracking-tight whitespace-nowrap">
          {t("app.shortName")}
        </Link>
        <nav className="flex flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm">{children}</nav>
        <LocaleSwitcher />
        <ThemeToggle label={t("nav.theme")} />
      </div>
    </header>
  );
}
