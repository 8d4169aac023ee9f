import type { UserRole } from "@/db/schema";

/** Who is asking, as every page, action and data function sees it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organizationId: string | null;
  personId: string | null;
}

export type PartnerUser = SessionUser & { organizationId: string };

/** What a session cookie names: the user and the session (one sign-in) it belongs to. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
}
