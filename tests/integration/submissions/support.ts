import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { awards, notifications, submissions, users } from "@/db/schema";
import { today } from "@/lib/clock";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { decideSubmission, verifyRemaining } from "@/lib/data/decisions";
import { claimSubmission, getCase } from "@/lib/data/review";
import type { SubmissionSnapshot } from "@/lib/data/snapshot-types";
import { submitApplication } from "@/lib/data/submissions";
import { findActiveUser } from "@/lib/data/users";
import type { SessionUser } from "@/lib/auth/session-user";
import { setMailer } from "@/lib/mail/mailer";
import type { MailMessage } from "@/lib/mail/message";

/** Keeps every email in memory instead of writing .eml files. */
export function memoryMailer(): MailMessage[] {
  const sent: MailMessage[] = [];
  setMailer({
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
  });
  return sent;
}

/**
 * Frees the organization for a new submission: its open one withdrawn and its awards gone
 * (test set-up only: the application never withdraws a claimed submission nor removes an award).
 */
export async function clearForNewApplication(db: Database, organizationId: string): Promise<void> {
  await db
    .update(submissions)
    .set({ status: "withdrawn", claimedBy: null, claimedAt: null })
    .where(and(eq(submissions.organizationId, organizationId), inArray(submissions.status, ["submitted", "claimed"])));
  await db.delete(awards).where(eq(awards.organizationId, organizationId));
}

/** A second program reviewer, for races and "claimed by someone else". */
export async function secondReviewer(db: Database): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({ email: "reviewer2@program.example", displayName: "Sam Second", role: "reviewer", passwordHash: "not-a-hash" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const id = row?.id ?? (await db.select({ id: users.id }).from(users).where(eq(users.email, "reviewer2@program.example")))[0].id;
  const user = await findActiveUser(db, id);
  if (!user) throw new Error("second reviewer missing");
  return user;
}

async function userId(db: Database, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`${email} is missing`);
  return row.id;
}

/**
 * A new Contoso Silver submission (any open one closed first), claimed by the demo reviewer
 * when asked: for the authorization matrix, whose callers each need one of their own.
 */
export async function freshContosoSubmission(db: Database, organizationId: string, { claimed = false } = {}) {
  memoryMailer();
  await clearForNewApplication(db, organizationId);
  const { id } = await submitApplication(db, { organizationId, actorId: await userId(db, "admin@contoso.example") }, "silver", today());
  const reviewer = claimed ? await findActiveUser(db, await userId(db, "reviewer@program.example")) : null;
  if (reviewer) await claimSubmission(db, reviewer, id);
  const [row] = await db.select({ snapshot: submissions.snapshot }).from(submissions).where(eq(submissions.id, id));
  return { id, snapshot: row.snapshot as SubmissionSnapshot };
}

/** A new Contoso Silver submission, reviewed and sent back with changes requested: a decision of record. */
export async function decidedContosoSubmission(db: Database, organizationId: string): Promise<string> {
  const { id } = await freshContosoSubmission(db, organizationId, { claimed: true });
  const reviewer = await findActiveUser(db, await userId(db, "reviewer@program.example"));
  if (!reviewer) throw new Error("the demo reviewer is missing");
  await verifyEverythingLeft(db, reviewer, id);
  await decideSubmission(db, reviewer, { id, decision: "request_changes", message: "Matrix decision." });
  return id;
}

/** A notification of Contoso's admin about a new submission. */
export async function contosoAdminNotification(db: Database, organizationId: string): Promise<string> {
  const { id: submissionId } = await freshContosoSubmission(db, organizationId);
  const [row] = await db
    .insert(notifications)
    .values({ userId: await userId(db, "admin@contoso.example"), kind: "submission.claimed", submissionId })
    .returning({ id: notifications.id });
  return row.id;
}

/** Verifies every item of a claimed case that still lacks a verdict, as "Verify all remaining" does. */
export async function verifyEverythingLeft(db: Database, reviewer: SessionUser, id: string): Promise<number> {
  const found = await getCase(db, reviewer, id);
  const { remaining } = evaluateCase(found.snapshot, found.tier, found.verdicts, "en");
  return verifyRemaining(db, reviewer, { submissionId: id, expected: remaining });
}
