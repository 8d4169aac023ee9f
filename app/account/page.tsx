import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { AlertEmailChoices } from "@/components/alerts/alert-email-choices";
import { appConnection } from "@/db/client";
import { alertDeliveryModes } from "@/db/schema";
import { alertEmailChoices } from "@/lib/data/alert-emails";
import { ALERT_KINDS } from "@/lib/rules";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in user's own account: who they are, a new password, their alert emails, and ending their sessions. */
export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const { db } = await appConnection();
  // Reviewers receive no alerts: the watch speaks to partners.
  const choices = user.organizationId === null ? null : await alertEmailChoices(db, user.id);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
        <p className="text-muted-foreground">
          {user.displayName} · {user.email} · {t(`auth.roles.${user.role}`)}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("account.password.title")}</h2>
          </CardTitle>
          <CardDescription>{t("account.password.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm
            email={user.email}
            labels={{
              currentPassword: t("account.password.current"),
              password: t("account.password.new"),
              passwordHint: t("auth.invitation.passwordHint"),
              confirmPassword: t("account.password.confirm"),
              submit: t("account.password.submit"),
              pending: t("account.password.pending"),
            }}
          />
        </CardContent>
      </Card>
      {choices && (
        <Card id="alert-emails">
          <CardHeader>
            <CardTitle>
              <h2>{t("alerts.settings.title")}</h2>
            </CardTitle>
            <CardDescription>{t("alerts.settings.lead")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AlertEmailChoices
              choices={choices}
              labels={{
                kinds: ALERT_KINDS.map((kind) => ({ kind, label: t(`alerts.kinds.${kind}`) })),
                modes: Object.fromEntries(alertDeliveryModes.map((mode) => [mode, t(`alerts.modes.${mode}`)])) as Record<
                  (typeof alertDeliveryModes)[number],
                  string
                >,
                submit: t("alerts.settings.save"),
              }}
            />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("account.sessions.title")}</h2>
          </CardTitle>
          <CardDescription>{t("account.sessions.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhereButton label={t("account.sessions.signOutEverywhere")} />
        </CardContent>
      </Card>
    </div>
  );
}
