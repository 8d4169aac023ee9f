import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
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
 * to the browser: every page would otherwise carry all of messages/*.json. The one
 * exception is the error boundaries' few words: an error.tsx is a client component that
 * no server component renders.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("nav"), getMessages()]);
  const clientMessages = { boundaries: messages.boundaries };
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
