import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { invitationTokenShape } from "@/lib/auth/invitation-token";
import { signInPath } from "@/lib/auth/paths";
import { findUsableInvitation } from "@/lib/data/invitations";
import { AcceptInvitationForm } from "./accept-form";

// The token is a credential: keep it out of other sites' Referer headers entirely.
export const metadata: Metadata = { referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await appConnection();
  const invitation = invitationTokenShape.test(token) ? await findUsableInvitation(db, token) : null;
  const t = await getTranslations("auth");

  if (!invitation) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl">{t("invitation.unusableTitle")}</h1>
          </CardTitle>
          <CardDescription>{t("invitation.unusableBody")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href={signInPath}>{t("invitation.signInInstead")}</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("invitation.title", { organization: invitation.organizationName })}</h1>
        </CardTitle>
        <CardDescription>{t("invitation.description", { email: invitation.email, role: t(`roles.${invitation.role}`) })}</CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm
          token={token}
          email={invitation.email}
          labels={{
            displayName: t("invitation.displayName"),
            password: t("invitation.password"),
            passwordHint: t("invitation.passwordHint"),
            confirmPassword: t("invitation.confirmPassword"),
            submit: t("invitation.submit"),
            pending: t("invitation.pending"),
            unusable: t("invitation.unusableBody"),
          }}
        />
      </CardContent>
    </Card>
  );
}
