import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, awards, notifications, revenueLines, submissions } from "@/db/schema";
import { applyForTier, withdrawSubmission } from "@/lib/actions/submissions";
import { claimSubmission, decideSubmission, recordVerdict, releaseSubmission } from "@/lib/actions/review";
import type { SessionUser } from "@/lib/auth/session-user";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { getCase } from "@/lib/data/review";
import { currentAward } from "@/lib/data/submissions";
import { diffSnapshots } from "@/lib/data/snapshot-diff";
import { addDays } from "@/lib/rules";
import type { MailMessage } from "@/lib/mail/message";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDay } from "../support/clock";
import { describeOnEachDatabase } from "../support/database";
import { post } from "./call";
import { clearForNewApplication, memoryMailer, secondReviewer } from "./support";

describeOnEachDay("submissions and review: the state machine", (today) => {
  describeOnEachDatabase("submissions and review: the state machine", (database) => {
    let world: DemoWorld;
    let admin: SessionUser, employee: SessionUser, otherAdmin: SessionUser, reviewer: SessionUser, reviewer2: SessionUser;
    let mail: MailMessage[];

    const submissionOf = async (id: string) => (await world.db.select().from(submissions).where(eq(submissions.id, id)))[0];
    const idFrom = (url: string | undefined) => url?.replace("/submissions/", "") ?? "";
    const apply = (user: SessionUser, tier = "gold") => post(user, applyForTier, { tier });
    const decide = (user: SessionUser, id: string, decision: string, message = "") =>
      post(user, decideSubmission, { id, decision, message });
    // A verified pass was checked by its transcript.
    const verdict = (user: SessionUser, submissionId: string, itemKind: string, itemId: string, status: string, reason = "") =>
      post(user, recordVerdict, { submissionId, itemKind, itemId, status, reason, checkMethod: "transcript" });
    const northwind = async () => (await world.db.select().from(revenueLines).where(eq(revenueLines.reference, "CTS-INV-1001")))[0];

    beforeAll(async () => {
      world = await demoWorld(database());
      ({ admin, employee, otherAdmin, reviewer } = world.users);
      reviewer2 = await secondReviewer(world.db);
      mail = memoryMailer();
    });

    describe("submitting and withdrawing (partner side)", () => {
      let id: string;

      it("lets Contoso's admin apply for Gold, which it meets today, and tells the reviewers", async () => {
        const applied = await apply(admin);
        expect(applied.outcome).toBe("redirect");
        id = idFrom(applied.url);
        const row = await submissionOf(id);
        expect(row).toMatchObject({
          status: "submitted",
          tier: "gold",
          asOf: today,
          organizationId: world.contosoId,
          previousSubmissionId: null,
        });
        const toReviewers = await world.db.select().from(notifications).where(eq(notifications.submissionId, id));
        expect(toReviewers.map((n) => [n.userId, n.kind]).sort()).toEqual(
          [
            [reviewer.id, "submission.submitted"],
            [reviewer2.id, "submission.submitted"],
          ].sort(),
        );
        expect(mail.map((m) => m.to.email).sort()).toEqual(["reviewer2@program.example", "reviewer@program.example"]);
        expect(mail[0].subject).toContain("Contoso Ltd");
      });

      it("refuses a second open submission, employees, reviewers and a tier not met", async () => {
        expect(await apply(admin)).toMatchObject({ outcome: "conflict", message: "An application of your organization is already open." });
        expect((await apply(employee)).outcome).toBe("forbidden");
        expect((await apply(reviewer)).outcome).toBe("forbidden");
        expect(await apply(otherAdmin, "silver")).toMatchObject({
          outcome: "conflict",
          message: expect.stringContaining("does not meet this tier"),
        });
        expect((await post(admin, applyForTier, { tier: "platinum" })).outcome).toBe("invalid");
      });

      it("lets only Contoso's admin withdraw it, and only once", async () => {
        expect((await post(otherAdmin, withdrawSubmission, { id })).outcome).toBe("not_found");
        expect((await post(employee, withdrawSubmission, { id })).outcome).toBe("forbidden");
        expect((await post(reviewer, withdrawSubmission, { id })).outcome).toBe("forbidden");
        expect((await post(admin, withdrawSubmission, { id })).outcome).toBe("ok");
        expect((await submissionOf(id)).status).toBe("withdrawn");
        expect((await post(admin, withdrawSubmission, { id })).outcome).toBe("conflict");
        expect(await post(reviewer, claimSubmission, { id })).toMatchObject({
          outcome: "conflict",
          message: "The partner withdrew this application.",
        });
      });
    });

    describe("claiming, reviewing and sending back", () => {
      let id: string;

      it("lets one reviewer claim; the admin can no longer withdraw and another reviewer is told who has it", async () => {
        id = idFrom((await apply(admin)).url);
        expect((await post(admin, claimSubmission, { id })).outcome).toBe("forbidden");
        expect((await post(reviewer, claimSubmission, { id })).outcome).toBe("ok");
        expect(await submissionOf(id)).toMatchObject({ status: "claimed", claimedBy: reviewer.id });
        expect(await post(reviewer2, claimSubmission, { id })).toMatchObject({
          outcome: "conflict",
          message: "Already claimed by Rita Reviewer.",
        });
        expect(await post(admin, withdrawSubmission, { id })).toMatchObject({
          outcome: "conflict",
          message: expect.stringContaining("can no longer be withdrawn"),
        });
        const toAdmin = await world.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.submissionId, id), eq(notifications.userId, admin.id)));
        expect(toAdmin.map((n) => n.kind)).toEqual(["submission.claimed"]);
      });

      it("lets only the claiming reviewer release the case to the queue, where it can be claimed again", async () => {
        expect(await post(reviewer2, releaseSubmission, { id })).toMatchObject({
          outcome: "conflict",
          message: "Already claimed by Rita Reviewer.",
        });
        expect((await post(admin, releaseSubmission, { id })).outcome).toBe("forbidden");
        expect((await post(reviewer, releaseSubmission, { id })).outcome).toBe("ok");
        expect(await submissionOf(id)).toMatchObject({ status: "submitted", claimedBy: null, claimedAt: null });
        expect(await post(reviewer, releaseSubmission, { id })).toMatchObject({
          outcome: "conflict",
          message: "Nobody holds this application now: there is no claim to release.",
        });
        const [released] = await world.db
          .select({ actor: auditEvents.actorUserId, before: auditEvents.before, after: auditEvents.after })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "submission.released")));
        expect(released).toEqual({
          actor: reviewer.id,
          before: { status: "claimed", claimedBy: reviewer.id },
          after: { status: "submitted" },
        });
        expect((await post(reviewer, claimSubmission, { id })).outcome).toBe("ok");
      });

      it("takes verdicts from the claiming reviewer only, on evidence of the snapshot, with a reason to reject", async () => {
        const line = await northwind();
        expect(await verdict(reviewer2, id, "revenue_line", line.id, "verified")).toMatchObject({
          outcome: "conflict",
          message: "Already claimed by Rita Reviewer.",
        });
        expect((await verdict(admin, id, "revenue_line", line.id, "verified")).outcome).toBe("forbidden");
        expect((await verdict(reviewer, id, "revenue_line", line.id, "rejected")).outcome).toBe("invalid");
        expect((await verdict(reviewer, id, "revenue_line", crypto.randomUUID(), "verified")).outcome).toBe("not_found");
        expect((await verdict(reviewer, id, "revenue_line", line.id, "rejected", "customer not DPOR-associated")).outcome).toBe("ok");
      });

      it("refuses approval once the tier no longer holds without the rejected line", async () => {
        const found = await getCase(world.db, reviewer, id);
        const evaluation = evaluateCase(found.snapshot, found.tier, found.verdicts, "en");
        expect(evaluation.tierHoldsWithoutRejected).toBe(false);
        expect(evaluation.approvable).toBe(false);
        expect(await decide(reviewer, id, "approve")).toMatchObject({
          outcome: "conflict",
          message: expect.stringContaining("cannot be approved"),
        });
        expect((await submissionOf(id)).status).toBe("claimed");
      });

      it("sends the application back with a message; decisions after that are 'already decided'", async () => {
        expect((await decide(reviewer, id, "request_changes")).outcome).toBe("invalid");
        expect((await decide(reviewer2, id, "request_changes", "Add revenue")).outcome).toBe("conflict");
        expect((await decide(admin, id, "request_changes", "Add revenue")).outcome).toBe("forbidden");
        expect((await decide(reviewer, id, "request_changes", "Northwind is not DPOR-associated: add revenue")).outcome).toBe("ok");
        expect(await submissionOf(id)).toMatchObject({
          status: "changes_requested",
          decidedBy: reviewer.id,
          message: "Northwind is not DPOR-associated: add revenue",
        });
        for (const decision of ["approve", "reject", "request_changes"]) {
          expect(await decide(reviewer, id, decision, "again")).toMatchObject({
            outcome: "conflict",
            message: "This application has already been decided.",
          });
        }
        expect((await post(reviewer, claimSubmission, { id })).outcome).toBe("conflict");
        expect((await northwind()).verificationStatus).toBe("rejected");
        expect(mail.at(-1)?.text).toContain("Northwind is not DPOR-associated");
      });

      it("links the resubmission to the application it answers, and shows what changed", async () => {
        await world.db.insert(revenueLines).values({
          organizationId: world.contosoId,
          reference: "CTS-INV-2001",
          customerName: "Proseware",
          product: "crm-online",
          amountCents: 7_000_000,
          bookedOn: addDays(today, -24),
          dporAssociated: true,
        });
        const again = idFrom((await apply(admin)).url);
        const row = await submissionOf(again);
        expect(row.previousSubmissionId).toBe(id);
        await post(reviewer, claimSubmission, { id: again });
        const found = await getCase(world.db, reviewer, again);
        expect(found.previous?.id).toBe(id);
        const changes = diffSnapshots(found.previous!.snapshot, found.snapshot);
        expect(changes.map((change) => [change.kind, change.change, change.label])).toEqual([
          ["revenue_line", "added", "CTS-INV-2001 · Proseware"],
        ]);
      });

      it("approves once the tier holds on verified evidence alone: award, anniversary, verified live records", async () => {
        const [open] = await world.db.select().from(submissions).where(eq(submissions.status, "claimed"));
        const found = await getCase(world.db, reviewer, open.id);
        const before = evaluateCase(found.snapshot, found.tier, [], "en");
        const line = await northwind();
        await verdict(reviewer, open.id, "revenue_line", line.id, "rejected", "customer not DPOR-associated");
        for (const passId of before.toReview.examPassIds)
          expect((await verdict(reviewer, open.id, "exam_pass", passId, "verified")).outcome).toBe("ok");
        const others = before.toReview.revenueIds.filter((lineId) => lineId !== line.id);
        // Verifying all but the last counted line leaves Gold short on verified evidence: still refused.
        for (const lineId of others.slice(0, -1)) await verdict(reviewer, open.id, "revenue_line", lineId, "verified");
        expect((await decide(reviewer, open.id, "approve")).outcome).toBe("conflict");
        await verdict(reviewer, open.id, "revenue_line", others.at(-1)!, "verified");
        expect((await decide(reviewer, open.id, "approve")).outcome).toBe("ok");

        const [award] = await world.db.select().from(awards).where(eq(awards.submissionId, open.id));
        // The anniversary is the same date a year later; a leap day's is 28 February.
        const year = Number(today.slice(0, 4)) + 1;
        const anniversaryOn = today.endsWith("-02-29") ? `${year}-02-28` : `${year}${today.slice(4)}`;
        expect(award).toMatchObject({ tier: "gold", awardedOn: today, anniversaryOn, organizationId: world.contosoId });
        expect(await currentAward(world.db, world.contosoId, today)).toMatchObject({ tier: "gold", anniversaryOn });
        expect(await currentAward(world.db, world.fabrikamId, today)).toBeNull();
        const verified = await world.db.select().from(revenueLines).where(eq(revenueLines.reference, "CTS-INV-2001"));
        expect(verified[0]).toMatchObject({ verificationStatus: "verified", verifiedBy: reviewer.id });
        const events = await world.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, open.id), eq(auditEvents.action, "submission.approved")));
        expect(events).toHaveLength(1);
        expect(events[0].actorUserId).toBe(reviewer.id);
      });

      it("refuses Gold again while the Gold award is in force, and says when it can be renewed", async () => {
        expect(await apply(admin)).toMatchObject({
          outcome: "conflict",
          message: expect.stringContaining("An award for this tier is already in force"),
        });
        expect(await apply(admin, "silver")).toMatchObject({
          outcome: "conflict",
          message: expect.stringContaining("in the 90 days before its anniversary"),
        });
      });

      it("rejects with a reason, by the claiming reviewer", async () => {
        await clearForNewApplication(world.db, world.contosoId);
        const id3 = idFrom((await apply(admin)).url);
        await post(reviewer2, claimSubmission, { id: id3 });
        expect((await decide(reviewer2, id3, "reject")).outcome).toBe("invalid");
        expect(await decide(reviewer, id3, "reject", "No")).toMatchObject({
          outcome: "conflict",
          message: "Already claimed by Sam Second.",
        });
        expect((await decide(reviewer2, id3, "reject", "Transcripts could not be confirmed")).outcome).toBe("ok");
        expect(await submissionOf(id3)).toMatchObject({
          status: "rejected",
          message: "Transcripts could not be confirmed",
          decidedBy: reviewer2.id,
        });
      });
    });
  });
});
