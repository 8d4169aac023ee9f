import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { requireReviewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The program's audit trail: every organization's events, for reviewers. */
export default async function ReviewerAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReviewer();
  return <AuditLog user={user} path="/review/audit" searchParams={await searchParams} />;
}
