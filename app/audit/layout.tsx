import type { ReactNode } from "react";
import { PartnerShell } from "@/components/shells/partner-shell";
import { ReviewerShell } from "@/components/shells/reviewer-shell";
import { requireUser } from "@/lib/auth/session";

/** The audit trail is shared by reviewers and partner admins, each in their own frame. */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const Shell = user.role === "reviewer" ? ReviewerShell : PartnerShell;
  return <Shell user={user}>{children}</Shell>;
}
