import type { ReactNode } from "react";
import { ProgramShell } from "@/components/shells/program-shell";
import { requireProgramStaff } from "@/lib/auth/session";

/** The program's own pages, for its reviewers and administrators; to partner users they do not exist. */
export default async function ProgramLayout({ children }: { children: ReactNode }) {
  return <ProgramShell user={await requireProgramStaff()}>{children}</ProgramShell>;
}
