import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in user's own account: who they are, a new password, and ending their sessions. */
export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations();
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
