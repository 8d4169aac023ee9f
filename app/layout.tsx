import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { FreshDocumentOnSignOut } from "@/components/fresh-document-on-sign-out";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { nonceHeader } from "@/lib/content-security-policy";
import "./globals.css";

/**
 * Every page renders per request: its language comes from the visitor's cookie and its
 * Content-Security-Policy nonce from the proxy, and every page but sign-in is signed in. So
 * documents block on the request instead of shipping a prerendered shell (which could carry
 * no nonce); what they show is cached as data with 'use cache' (lib/data/dashboard.ts), and
 * slow parts stream inside <Suspense>.
 */
export const instant = false;

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
  const [locale, t, messages, incoming] = await Promise.all([getLocale(), getTranslations("nav"), getMessages(), headers()]);
  const clientMessages = { boundaries: messages.boundaries };
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={incoming.get(nonceHeader) ?? undefined}>
          <NextIntlClientProvider messages={clientMessages}>
            <FreshDocumentOnSignOut />
            {children}
            <Toaster label={t("notifications")} />
          </NextIntlClientProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
