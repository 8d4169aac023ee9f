import type { ReactNode } from "react";
import { PartnerShell } from "@/components/shells/partner-shell";
import { ProgramShell } from "@/components/shells/program-shell";
import { requireUser } from "@/lib/auth/session";

/** Every signed-in user has an account page, in the frame of their role. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const Shell = user.organizationId === null ? ProgramShell : PartnerShell;
  return <Shell user={user}>{children}</Shell>;
}
