import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { requirePartnerUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** A partner admin's audit trail: their own organization's events only. */
export default async function PartnerAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  return <AuditLog user={user} path="/audit" searchParams={await searchParams} />;
}
