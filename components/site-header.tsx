import { Menu } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { ThemeToggle } from "@/components/theme-toggle";

/** The id of the header's section links, which a phone opens from the menu button. */
export const siteNavId = "site-nav";

/**
 * The portal's header: its name, the section links and the signed-in user's controls. On a
 * narrow screen the links fold behind a menu button (the browser's own popover: no script,
 * Escape and a click outside close it); from 768 px they take a row of their own under the
 * name and the controls, where a partner admin's eight sections fit in either language. The
 * portal's name leads `home`: the public home page, or a signed-in user's first page.
 */
export async function SiteHeader({ home = "/", links, actions }: { home?: string; links?: ReactNode; actions?: ReactNode }) {
  const t = await getTranslations();
  return (
    <header className="border-b bg-background/95" data-print="hide">
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <Link href={home} className="font-semibold tracking-tight whitespace-nowrap">
          {t("app.shortName")}
        </Link>
        {links && (
          <button type="button" popoverTarget={siteNavId} className="btn btn-ghost btn-sm md:hidden">
            <Menu aria-hidden />
            {t("nav.menu")}
          </button>
        )}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          {actions}
          <LocaleSwitcher />
          <ThemeToggle label={t("nav.theme")} />
        </div>
        {links && (
          <nav id={siteNavId} popover="auto" aria-label={t("nav.sections")} className="site-nav">
            {links}
          </nav>
        )}
      </div>
    </header>
  );
}
