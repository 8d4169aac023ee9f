import type { ReactNode } from "react";
import { ProgramShell } from "@/components/shells/program-shell";
import { requireReviewer } from "@/lib/auth/session";

/** The program reviewers' workspace; to partner users it does not exist. */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  return <ProgramShell user={await requireReviewer()}>{children}</ProgramShell>;
}
