import { Award, ShieldCheck, UserRound, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SiteHeader } from "@/components/site-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { landingPath } from "@/lib/auth/paths";
import { currentUser } from "@/lib/auth/session";

const audiences = [
  { key: "admins", icon: Users },
  { key: "employees", icon: UserRound },
  { key: "reviewers", icon: ShieldCheck },
] as const;

/** The public home page; a signed-in visitor goes on to their first page. */
export default async function HomePage() {
  const user = await currentUser();
  if (user) redirect(landingPath(user.role));
  const t = await getTranslations();
  return (
    <>
      <SiteHeader />
      <main id="content" className="mx-auto max-w-6xl px-4 py-12">
        <section className="max-w-3xl space-y-4">
          <p className="text-sm font-medium text-primary">{t("app.name")}</p>
          <h1 className="text-4xl font-semibold tracking-tight">{t("home.title")}</h1>
          <p className="text-lg text-muted-foreground">{t("home.lead")}</p>
          <Button asChild size="lg">
            <Link href="/sign-in">{t("home.signInCta")}</Link>
          </Button>
        </section>

        <section className="mt-12 grid gap-4 md:grid-cols-3">
          {audiences.map(({ key, icon: Icon }) => (
            <Card key={key}>
              <CardHeader>
                <Icon className="size-5 text-primary" aria-hidden />
                <CardTitle>{t(`home.audiences.${key}.title`)}</CardTitle>
                <CardDescription>{t(`home.audiences.${key}.body`)}</CardDescription>
              </CardHeader>
            </Card>
          ))}
        </section>

        <section className="mt-12">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <Award className="size-5 text-primary" aria-hidden />
                {t("home.tiers.title")}
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 text-sm text-muted-foreground">
              <p>{t("home.tiers.silver")}</p>
              <p>{t("home.tiers.gold")}</p>
            </CardContent>
          </Card>
        </section>
      </main>
    </>
  );
}
