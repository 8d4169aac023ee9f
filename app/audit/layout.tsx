import type { ReactNode } from "react";
import { PartnerShell } from "@/components/shells/partner-shell";
import { ProgramShell } from "@/components/shells/program-shell";
import { requireUser } from "@/lib/auth/session";

/** The audit trail is shared by reviewers and partner admins, each in their own frame. */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const Shell = user.organizationId === null ? ProgramShell : PartnerShell;
  return <Shell user={user}>{children}</Shell>;
}
