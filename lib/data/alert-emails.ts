import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { type AlertDeliveryMode, alertEmails, alertPreferences, alerts, organizations, users } from "@/db/schema";
import { alertMail, digestMail } from "@/lib/mail/alert-mail";
import type { Mailer } from "@/lib/mail/mailer";
import { ALERT_KINDS, type AlertKind } from "@/lib/rules";
import type { UnsubscribeScope } from "@/lib/mail/unsubscribe";

/** How many alert emails one transaction claims and sends. */
const SEND_BATCH = 50;

function pendingEmails(tx: Executor, mode: "immediate" | "digest", userId?: string) {
  return (
    tx
      .select({
        id: alertEmails.id,
        recipient: { id: users.id, email: users.email, name: users.displayName, locale: users.locale },
        alert: {
          kind: alerts.kind,
          tier: alerts.tier,
          dueOn: alerts.dueOn,
          threshold: alerts.threshold,
          details: alerts.details,
          organization: organizations.name,
        },
      })
      .from(alertEmails)
      .innerJoin(alerts, eq(alerts.id, alertEmails.alertId))
      .innerJoin(users, eq(users.id, alertEmails.userId))
      .innerJoin(organizations, eq(organizations.id, alerts.organizationId))
      .where(
        and(
          eq(alertEmails.mode, mode),
          isNull(alertEmails.sentAt),
          eq(users.disabled, false),
          userId ? eq(alertEmails.userId, userId) : undefined,
        ),
      )
      .orderBy(asc(alertEmails.createdAt), asc(alertEmails.id))
      .limit(SEND_BATCH)
      // Two senders never take the same email: each skips the rows the other holds.
      .for("update", { of: alertEmails, skipLocked: true })
  );
}

async function markSent(tx: Executor, ids: readonly string[]) {
  if (ids.length > 0) await tx.update(alertEmails).set({ sentAt: new Date() }).where(inArray(alertEmails.id, ids));
}

/**
 * Sends the alert emails owed at once. An email is marked sent in the transaction that
 * claimed it, after the mailer accepted it: one that fails stays owed and is tried again by
 * the next run, and none is sent twice by two workers.
 */
export async function sendAlertEmails(db: Database, mailer: Mailer): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await pendingEmails(tx, "immediate");
      const done: string[] = [];
      for (const row of rows) {
        try {
          await mailer.send(alertMail(row.recipient, row.alert));
          done.push(row.id);
        } catch (error) {
          console.error("alert email not sent", row.id, error);
        }
      }
      await markSent(tx, done);
      return { claimed: rows.length, done: done.length };
    });
    sent += batch.done;
    failed += batch.claimed - batch.done;
    if (batch.claimed < SEND_BATCH || batch.done === 0) return { sent, failed };
  }
}

/** Sends each user one email gathering the alerts they chose to receive in the weekly digest. */
export async function sendAlertDigests(db: Database, mailer: Mailer): Promise<{ sent: number }> {
  const waiting = await db
    .selectDistinct({ userId: alertEmails.userId })
    .from(alertEmails)
    .where(and(eq(alertEmails.mode, "digest"), isNull(alertEmails.sentAt)));
  let sent = 0;
  for (const { userId } of waiting) {
    const delivered = await db.transaction(async (tx) => {
      const rows = await pendingEmails(tx, "digest", userId);
      if (rows.length === 0) return false;
      try {
        await mailer.send(
          digestMail(
            rows[0].recipient,
            rows.map((row) => row.alert),
          ),
        );
      } catch (error) {
        console.error("alert digest not sent", userId, error);
        return false;
      }
      await markSent(
        tx,
        rows.map((row) => row.id),
      );
      return true;
    });
    if (delivered) sent++;
  }
  return { sent };
}

/** The user's choice for each kind of alert email; kinds without a row are sent at once. */
export async function alertEmailChoices(db: Executor, userId: string): Promise<Record<AlertKind, AlertDeliveryMode>> {
  const rows = await db
    .select({ kind: alertPreferences.kind, mode: alertPreferences.mode })
    .from(alertPreferences)
    .where(eq(alertPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.mode as AlertDeliveryMode]));
  return Object.fromEntries(ALERT_KINDS.map((kind) => [kind, chosen.get(kind) ?? "immediate"])) as Record<AlertKind, AlertDeliveryMode>;
}

/**
 * Records the user's choices, in one statement. Emails already owed follow the new choice:
 * "never" drops those not yet sent, a change between "at once" and "digest" moves them.
 */
export async function chooseAlertEmails(
  db: Database,
  userId: string,
  choices: Partial<Record<AlertKind, AlertDeliveryMode>>,
): Promise<void> {
  const entries = Object.entries(choices) as [AlertKind, AlertDeliveryMode][];
  if (entries.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(alertPreferences)
      .values(entries.map(([kind, mode]) => ({ userId, kind, mode })))
      .onConflictDoUpdate({
        target: [alertPreferences.userId, alertPreferences.kind],
        set: { mode: sql`excluded.mode`, updatedAt: sql`now()` },
      });
    for (const [kind, mode] of entries) {
      const owed = and(
        eq(alertEmails.userId, userId),
        isNull(alertEmails.sentAt),
        inArray(alertEmails.alertId, tx.select({ id: alerts.id }).from(alerts).where(eq(alerts.kind, kind))),
      );
      if (mode === "never") await tx.delete(alertEmails).where(owed);
      else await tx.update(alertEmails).set({ mode }).where(owed);
    }
  });
}

/** What an unsubscribe link does: "never" for its kind, or for every kind. */
export async function unsubscribe(db: Database, userId: string, scope: UnsubscribeScope): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return false;
  const kinds = scope === "all" ? ALERT_KINDS : [scope];
  await chooseAlertEmails(db, userId, Object.fromEntries(kinds.map((kind) => [kind, "never"])));
  return true;
}
