import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { ThemeToggle } from "@/components/theme-toggle";

export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations();
  return (
    <header className="border-b bg-background/95" data-print="hide">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
        <Link href="/" className="font-semibold tracking-tight">
          {t("app.shortName")}
        </Link>
        <nav className="flex flex-1 items-center gap-4 text-sm">{children}</nav>
        <LocaleSwitcher />
        <ThemeToggle label={t("nav.theme")} />
      </div>
    </header>
  );
}
