import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { findUserEmail } from "@/lib/data/users";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { UnsubscribeForm } from "./unsubscribe-form";

// The token speaks for its user: keep it out of other sites' Referer headers.
export const metadata: Metadata = { referrer: "no-referrer" };

/**
 * Opened from an alert email, signed in or not. Opening the page changes nothing (mail
 * scanners open links); the button does, and mail clients' own unsubscribe posts to
 * /api/unsubscribe/[token] (RFC 8058).
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const request = readUnsubscribeToken(decodeURIComponent(token));
  const { db } = await appConnection();
  const email = request ? await findUserEmail(db, request.userId) : null;
  const t = await getTranslations("alerts");

  if (!request || !email) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl">{t("unsubscribe.title")}</h1>
          </CardTitle>
          <CardDescription>{t("unsubscribe.invalid")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account#alert-emails">{t("unsubscribe.account")}</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("unsubscribe.title")}</h1>
        </CardTitle>
        <CardDescription>
          {request.scope === "all"
            ? t("unsubscribe.confirmAll", { email })
            : t("unsubscribe.confirm", { email, kind: t(`kinds.${request.scope}`) })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <UnsubscribeForm token={decodeURIComponent(token)} label={t("unsubscribe.button")} />
        <Link href="/account#alert-emails" className="text-sm underline underline-offset-4">
          {t("unsubscribe.account")}
        </Link>
      </CardContent>
    </Card>
  );
}
