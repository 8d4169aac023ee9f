import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { revenueFormText } from "@/components/revenue/form-text";
import { NewRevenueLineForm } from "@/components/revenue/revenue-form";
import { requirePartnerUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue"))("newTitle") };
}

export default async function NewRevenueLinePage() {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const [t, form] = await Promise.all([getTranslations("revenue"), revenueFormText("create")]);
  return (
    <div className="space-y-6">
      <Link href="/revenue" className="text-sm text-muted-foreground hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-3xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <NewRevenueLineForm {...form} />
    </div>
  );
}
