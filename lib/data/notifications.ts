import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type AlertDetails, alerts, type NotificationKind, notifications, organizations, submissions, users } from "@/db/schema";
import type { MailMessage } from "@/lib/mail/message";
import { type SubmissionMailFacts, submissionMail } from "@/lib/mail/submission-mail";
import type { ProgramChangeNotice } from "./program-impact";
import { NotFoundError } from "./errors";

/** Who hears of a submission's news: the partner's admins, or the program's reviewers. */
export type Audience = { partnerAdminsOf: string } | "reviewers";

/**
 * Records the in-app notification of each recipient, in the transaction of the change it
 * announces, and returns the emails to send once that transaction has committed.
 */
export async function notify(
  tx: Executor,
  audience: Audience,
  kind: NotificationKind,
  submissionId: string,
  facts: Omit<SubmissionMailFacts, "path">,
): Promise<MailMessage[]> {
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        audience === "reviewers"
          ? eq(users.role, "reviewer")
          : and(eq(users.role, "partner_admin"), eq(users.organizationId, audience.partnerAdminsOf)),
      ),
    );
  if (recipients.length === 0) return [];
  await tx.insert(notifications).values(recipients.map((recipient) => ({ userId: recipient.id, kind, submissionId })));
  const path = audience === "reviewers" ? `/review/${submissionId}` : `/submissions/${submissionId}`;
  return recipients.map((recipient) => submissionMail(kind, { email: recipient.email, name: recipient.name }, { ...facts, path }));
}

export const notificationListSize = 10;

/** The user's latest notifications and how many are unread, for the bell. */
export async function listNotifications(db: Executor, userId: string) {
  // One query on every page: the unread count rides along as a column. With no row at all
  // the user has no notification, so nothing is unread.
  const unreadCount = db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      submissionId: notifications.submissionId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      organizationName: organizations.name,
      tier: sql<string | null>`coalesce(${submissions.tier}, ${alerts.tier})`,
      alert: sql<{
        kind: string;
        dueOn: string | null;
        threshold: number | null;
        details: AlertDetails;
      } | null>`case when ${alerts.id} is null then null else json_build_object('kind', ${alerts.kind}, 'dueOn', ${alerts.dueOn}, 'threshold', ${alerts.threshold}, 'details', ${alerts.details}) end`,
      detail: notifications.detail,
      webhookEndpointId: notifications.webhookEndpointId,
      unread: sql<number>`(${unreadCount})::int`,
    })
    .from(notifications)
    .leftJoin(submissions, eq(submissions.id, notifications.submissionId))
    .leftJoin(alerts, eq(alerts.id, notifications.alertId))
    .innerJoin(
      organizations,
      eq(
        organizations.id,
        sql`coalesce(${submissions.organizationId}, ${alerts.organizationId}, (select ${users.organizationId} from ${users} where ${users.id} = ${notifications.userId}))`,
      ),
    )
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(notificationListSize);
  return {
    items: items.map(({ unread: _unread, detail, webhookEndpointId, ...item }) => ({
      ...item,
      kind: item.kind as NotificationKind,
      /** A published program version's change of the tier. */
      programChange: item.kind === "program.published" ? (detail as ProgramChangeNotice) : null,
      /** A webhook endpoint paused for failing. */
      webhookPaused:
        item.kind === "webhook.paused" && webhookEndpointId ? { endpointId: webhookEndpointId, ...(detail as { url: string }) } : null,
    })),
    unread: items[0]?.unread ?? 0,
  };
}

/** Marks one of the user's notifications read and says which submission or alert it is about. */
export async function readNotification(
  db: Executor,
  userId: string,
  id: string,
): Promise<{
  submissionId: string | null;
  alertId: string | null;
  programChange: ProgramChangeNotice | null;
  webhookEndpointId: string | null;
}> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({
      kind: notifications.kind,
      submissionId: notifications.submissionId,
      alertId: notifications.alertId,
      detail: notifications.detail,
      webhookEndpointId: notifications.webhookEndpointId,
    });
  if (!row) throw new NotFoundError("notification");
  return {
    submissionId: row.submissionId,
    alertId: row.alertId,
    programChange: row.kind === "program.published" ? (row.detail as ProgramChangeNotice) : null,
    webhookEndpointId: row.webhookEndpointId,
  };
}

export async function readAllNotifications(db: Executor, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
