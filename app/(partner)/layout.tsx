import type { ReactNode } from "react";
import { PartnerShell } from "@/components/shells/partner-shell";
import { requirePartnerUser } from "@/lib/auth/session";

/** A partner's workspace: only partner admins and employees get past requirePartnerUser. */
export default async function PartnerLayout({ children }: { children: ReactNode }) {
  return <PartnerShell user={await requirePartnerUser()}>{children}</PartnerShell>;
}
