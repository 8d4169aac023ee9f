import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/locales";
import { cn } from "@/lib/cn";

/** A plain form, so the language can be changed with JavaScript off. */
export async function LocaleSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <form action={setLocale} aria-label={t("nav.language")} className="flex items-center gap-1 text-sm">
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={cn(
            "rounded-md px-2 py-1 text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
            locale === current && "bg-accent font-medium text-accent-foreground",
          )}
        >
          <span className="sm:hidden" aria-hidden>
            {locale.toUpperCase()}
          </span>
          <span className="sr-only sm:not-sr-only">{t(`locale.${locale}`)}</span>
        </button>
      ))}
    </form>
  );
}
