import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { BoundaryWordsProvider } from "@/components/boundaries/boundary-words";
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
 * Client components take their words as props from the server, so no catalogue and no
 * message formatter is shipped to the browser. The error boundaries, which no server
 * component renders, get theirs from BoundaryWordsProvider.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, tBoundaries, incoming] = await Promise.all([
    getLocale(),
    getTranslations("nav"),
    getTranslations("boundaries"),
    headers(),
  ]);
  const boundaryWords = {
    title: tBoundaries("error.title"),
    body: tBoundaries("error.body"),
    reference: tBoundaries("error.reference", { digest: "{digest}" }),
    retry: tBoundaries("error.retry"),
    home: tBoundaries("home"),
  };
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={incoming.get(nonceHeader) ?? undefined}>
          <BoundaryWordsProvider words={boundaryWords}>
            <FreshDocumentOnSignOut />
            <a href="#content" className="skip-link">
              {t("skipToContent")}
            </a>
            {children}
            <Toaster label={t("notifications")} />
          </BoundaryWordsProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
