import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NewPersonForm } from "@/components/people/person-form";
import { requirePartnerUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("newTitle") };
}

export default async function NewPersonPage() {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const t = await getTranslations("people");
  return (
    <div className="space-y-6">
      <Link href="/people" className="text-sm text-muted-foreground hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-3xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <NewPersonForm
        labels={{
          name: t("fields.name"),
          email: t("fields.email"),
          mcid: t("fields.mcid"),
          mcidHint: t("fields.mcidHint"),
          submit: t("create"),
          pending: t("creating"),
        }}
      />
    </div>
  );
}
