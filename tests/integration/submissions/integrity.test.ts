import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { connect, type DatabaseConnection } from "@/db/client";
import { auditEvents, awards, examPasses, notifications, revenueLines, submissions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { decideSubmission, recordVerdict } from "@/lib/data/decisions";
import { ConflictError } from "@/lib/data/errors";
import { deleteExamPass } from "@/lib/data/exams";
import { ClaimedByOtherError, claimSubmission, getCase } from "@/lib/data/review";
import { submitApplication } from "@/lib/data/submissions";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDay } from "../support/clock";
import { describeOnEachDatabase } from "../support/database";
import { clearForNewApplication, memoryMailer, secondReviewer } from "./support";

describeOnEachDay("submissions: snapshots, races and atomic decisions", (today) => {
  describeOnEachDatabase("submissions: snapshots, races and atomic decisions", (database) => {
    let world: DemoWorld;
    let reviewer: SessionUser, reviewer2: SessionUser;
    let contosoAdmin: { organizationId: string; actorId: string };

    /** A fresh Contoso Gold submission, claimed by `claimedBy` if given. */
    async function freshSubmission(claimedBy?: SessionUser) {
      await clearForNewApplication(world.db, world.contosoId);
      const { id } = await submitApplication(world.db, contosoAdmin, "gold", today);
      if (claimedBy) await claimSubmission(world.db, claimedBy, id);
      return id;
    }

    /** Verifies everything the case rests on, so that approval is possible. */
    async function verifyAll(id: string) {
      const found = await getCase(world.db, reviewer, id);
      const { toReview } = evaluateCase(found.snapshot, found.tier, [], "en");
      for (const itemId of toReview.examPassIds)
        await recordVerdict(world.db, reviewer, { submissionId: id, itemKind: "exam_pass", itemId, status: "verified", reason: null });
      for (const itemId of toReview.revenueIds)
        await recordVerdict(world.db, reviewer, { submissionId: id, itemKind: "revenue_line", itemId, status: "verified", reason: null });
    }

    beforeAll(async () => {
      world = await demoWorld(database());
      reviewer = world.users.reviewer;
      reviewer2 = await secondReviewer(world.db);
      contosoAdmin = { organizationId: world.contosoId, actorId: world.users.admin.id };
    });

    beforeEach(() => {
      memoryMailer();
    });

    it("keeps the snapshot as submitted when the live records change afterwards", async () => {
      const id = await freshSubmission();
      const before = (await getCase(world.db, reviewer, id)).snapshot;
      const [pass] = await world.db.select().from(examPasses).where(eq(examPasses.organizationId, world.contosoId)).limit(1);
      await deleteExamPass(world.db, contosoAdmin, { id: pass.id, version: pass.version });
      await world.db
        .update(revenueLines)
        .set({ amountCents: 1, version: sql`${revenueLines.version} + 1` })
        .where(eq(revenueLines.organizationId, world.contosoId));

      const after = (await getCase(world.db, reviewer, id)).snapshot;
      expect(after).toEqual(before);
      expect(after.examPasses.map((p) => p.id)).toContain(pass.id);
      expect(after.revenueLines.every((line) => line.amountCents > 1)).toBe(true);
      expect(after.evaluation.tier).toBe("gold");
      await expect(
        world.db
          .update(submissions)
          .set({ snapshot: { tampered: true } })
          .where(eq(submissions.id, id)),
      ).rejects.toThrow();
      // Put Contoso back to Gold for the tests that follow.
      await world.db.insert(examPasses).values({ ...pass, version: 1 });
      for (const line of before.revenueLines) {
        await world.db.update(revenueLines).set({ amountCents: line.amountCents }).where(eq(revenueLines.id, line.id));
      }
    });

    it("writes nothing of a decision that fails half-way", async () => {
      const id = await freshSubmission(reviewer);
      await verifyAll(id);
      const eventsBefore = await world.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
      // The award is written after the status and before the audit event: make it fail there.
      await world.db.execute(
        sql`create function refuse_award() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end; $$`,
      );
      await world.db.execute(sql`create trigger refuse_award before insert on awards for each row execute function refuse_award()`);
      try {
        await expect(decideSubmission(world.db, reviewer, { id, decision: "approve", message: null })).rejects.toThrow();
      } finally {
        await world.db.execute(sql`drop trigger refuse_award on awards`);
        await world.db.execute(sql`drop function refuse_award()`);
      }
      const [row] = await world.db.select().from(submissions).where(eq(submissions.id, id));
      expect(row).toMatchObject({ status: "claimed", decidedBy: null });
      expect(await world.db.select().from(awards).where(eq(awards.submissionId, id))).toEqual([]);
      expect(await world.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).toHaveLength(eventsBefore.length);
      expect(
        await world.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.submissionId, id), eq(notifications.kind, "submission.approved"))),
      ).toEqual([]);
      const live = await world.db
        .select()
        .from(examPasses)
        .where(and(eq(examPasses.organizationId, world.contosoId), eq(examPasses.verificationStatus, "verified")));
      expect(live).toEqual([]);
      expect(await decideSubmission(world.db, reviewer, { id, decision: "approve", message: null })).toEqual({ status: "approved" });
    });

    it("lets one of two racing claims win; the other is told who has it", async () => {
      const id = await freshSubmission();
      await race(async (other) => {
        const results = await Promise.allSettled([claimSubmission(world.db, reviewer, id), claimSubmission(other.db, reviewer2, id)]);
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const [lost] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
        expect(lost.reason).toBeInstanceOf(ClaimedByOtherError);
        const [row] = await world.db.select().from(submissions).where(eq(submissions.id, id));
        expect((lost.reason as ClaimedByOtherError).claimedByName).toBe(row.claimedBy === reviewer.id ? "Rita Reviewer" : "Sam Second");
      });
    });

    it("applies one of two racing decisions (two tabs); the second is 'already decided'", async () => {
      const id = await freshSubmission(reviewer);
      await verifyAll(id);
      await race(async (other) => {
        const results = await Promise.allSettled([
          decideSubmission(world.db, reviewer, { id, decision: "approve", message: null }),
          decideSubmission(other.db, reviewer, { id, decision: "reject", message: "Not convinced" }),
        ]);
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const [lost] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
        expect(lost.reason).toBeInstanceOf(ConflictError);
        expect((lost.reason as ConflictError).details.messageKey).toBe("review.errors.alreadyDecided");
        const decisions = await world.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, id), sql`${auditEvents.action} in ('submission.approved', 'submission.rejected')`));
        expect(decisions).toHaveLength(1);
        expect((await world.db.select().from(awards).where(eq(awards.submissionId, id))).length).toBe(
          decisions[0].action === "submission.approved" ? 1 : 0,
        );
      });
    });

    it("refuses a second open submission even when two admins submit at once", async () => {
      await clearForNewApplication(world.db, world.contosoId);
      await race(async (other) => {
        const results = await Promise.allSettled([
          submitApplication(world.db, contosoAdmin, "gold", today),
          submitApplication(other.db, contosoAdmin, "silver", today),
        ]);
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const [lost] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
        expect((lost.reason as ConflictError).details.messageKey).toBe("submissions.errors.alreadyOpen");
      });
    });

    /**
     * Runs `work` with a second connection: on PostgreSQL a connection of its own, so the two
     * really race; PGlite has one connection, where the same code runs serialized.
     */
    async function race(work: (other: DatabaseConnection) => Promise<void>) {
      const url = database().url;
      const other = url ? await connect({ url, maxConnections: 2 }) : database();
      try {
        await work(other);
      } finally {
        if (url) await other.close();
      }
    }
  });
});
