import type { ReactNode } from "react";
import { ReviewerShell } from "@/components/shells/reviewer-shell";
import { requireReviewer } from "@/lib/auth/session";

/** The program reviewers' workspace; to partner users it does not exist. */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  return <ReviewerShell user={await requireReviewer()}>{children}</ReviewerShell>;
}
