import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { microsoftEntraConfigured } from "@/lib/auth/microsoft-entra";
import { landingPath, safeCallbackPath } from "@/lib/auth/paths";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The message for an error Auth.js put in the URL; never says whether the email exists. */
function urlErrorKey(error: string | undefined, code: string | undefined) {
  if (!error) return null;
  if (error === "AccessDenied") return "noAccount";
  if (error === "CredentialsSignin")
    return code === "throttled" ? "throttledLater" : code === "access_off" ? "accessOff" : "wrongCredentials";
  return "failed";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const user = await currentUser();
  if (user) redirect(callbackUrl ?? landingPath(user.role));

  const t = await getTranslations("auth.signIn");
  const errorKey = urlErrorKey(first(params.error), first(params.code));
  // What the user just did on their account page, said on the page they land on.
  const noticeKey = (["passwordChanged", "signedOutEverywhere"] as const).find((key) => key === first(params.notice)) ?? null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("title")}</h1>
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {noticeKey && (
          <p role="status" className="text-sm">
            {t(noticeKey)}
          </p>
        )}
        <SignInForm
          labels={{
            email: t("email"),
            password: t("password"),
            submit: t("submit"),
            pending: t("pending"),
            or: t("or"),
            microsoft: t("microsoft"),
          }}
          callbackUrl={callbackUrl}
          initialError={errorKey ? t(errorKey) : null}
          microsoftEnabled={microsoftEntraConfigured()}
        />
      </CardContent>
    </Card>
  );
}
