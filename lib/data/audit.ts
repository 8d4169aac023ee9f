import "server-only";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";

export interface AuditEventInput {
  organizationId: string | null;
  /** Null when nobody is signed in (a failed sign-in, an invitation being accepted, a CLI). */
  actorUserId: string | null;
  /** The API token a write came with, when it came through the API. */
  actorTokenId?: string | null;
  /** Dotted verb, e.g. "auth.sign_in_failed", "invitation.revoked". */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit event. Call it with the transaction of the write it describes, so the
 * event exists exactly when the change does.
 */
export async function recordAudit(tx: Executor, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({
    organizationId: event.organizationId,
    actorUserId: event.actorUserId,
    actorTokenId: event.actorTokenId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
