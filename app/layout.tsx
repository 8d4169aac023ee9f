import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("shortName")}` }, description: t("description") };
}

/**
 * Client components take their words as props from the server, so no catalogue is shipped
 * to the browser: every page would otherwise carry all of messages/*.json.
 */
const clientMessages = {};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <ThemeProvider>
          <NextIntlClientProvider messages={clientMessages}>
            {children}
            <Toaster label={t("notifications")} />
          </NextIntlClientProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
