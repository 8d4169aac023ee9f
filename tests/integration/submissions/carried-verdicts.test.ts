import "../auth/auth-secret";
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { examPasses, revenueLines } from "@/db/schema";
import { verifyRemaining } from "@/lib/actions/review";
import { today } from "@/lib/clock";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { ConflictError } from "@/lib/data/errors";
import { decideSubmission, recordVerdict } from "@/lib/data/decisions";
import { claimSubmission, getCase } from "@/lib/data/review";
import { loadDashboard } from "@/lib/data/dashboard";
import { updateRevenueLine } from "@/lib/data/revenue";
import { submitApplication } from "@/lib/data/submissions";
import { formData } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { clearForNewApplication, memoryMailer } from "./support";

describeOnEachDatabase("verdicts carried forward to a resubmission", (database) => {
  let world: DemoWorld;

  const submit = async () => {
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "gold", today());
    await claimSubmission(world.db, world.users.reviewer, id);
    return id;
  };
  const review = (id: string) => getCase(world.db, world.users.reviewer, id);
  const verdictOf = async (id: string, itemId: string) => (await review(id)).verdicts.find((verdict) => verdict.itemId === itemId);

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
    await clearForNewApplication(world.db, world.contosoId);
  });

  it("keeps the verdicts of unchanged evidence across two resubmissions, asks again for what changed, and approves only when nothing lacks a verdict", async () => {
    const first = await submit();
    const { toReview } = evaluateCase((await review(first)).snapshot, "gold", [], "en");
    // The smallest counted line is rejected; everything else verified.
    const lines = await world.db
      .select({ id: revenueLines.id })
      .from(revenueLines)
      .where(eq(revenueLines.organizationId, world.contosoId))
      .orderBy(asc(revenueLines.amountCents));
    const rejectedLine = lines.map((line) => line.id).find((id) => toReview.revenueIds.includes(id));
    if (!rejectedLine) throw new Error("Contoso has no counted revenue line");
    for (const itemId of toReview.examPassIds)
      await recordVerdict(world.db, world.users.reviewer, {
        submissionId: first,
        itemKind: "exam_pass",
        itemId,
        status: "verified",
        reason: null,
      });
    for (const itemId of toReview.revenueIds)
      await recordVerdict(world.db, world.users.reviewer, {
        submissionId: first,
        itemKind: "revenue_line",
        itemId,
        status: itemId === rejectedLine ? "rejected" : "verified",
        reason: itemId === rejectedLine ? "No DPOR association on the invoice" : null,
      });
    await decideSubmission(world.db, world.users.reviewer, {
      id: first,
      decision: "request_changes",
      message: "Please check the rejected line.",
    });

    // The partner sees the program's verdict and reason on the line itself.
    const [seen] = await world.db
      .select({ status: revenueLines.verificationStatus, reason: revenueLines.verificationReason })
      .from(revenueLines)
      .where(eq(revenueLines.id, rejectedLine));
    expect(seen).toEqual({ status: "rejected", reason: "No DPOR association on the invoice" });
    // The dashboard shows the recorded standing beside the one the program accepted.
    const dashboard = await loadDashboard(world.db, world.contosoId, { asOf: today(), today: today(), locale: "en" });
    expect(dashboard.accepted).toMatchObject({ recordedTier: "gold", recordedTotalUsd: dashboard.evaluation.revenue.totalUsd });
    expect(dashboard.accepted?.totalUsd).toBeLessThan(dashboard.evaluation.revenue.totalUsd);

    // The partner changes one pass before resubmitting; the rejected line stays as it was.
    const changedPass = toReview.examPassIds[0];
    await world.db
      .update(examPasses)
      .set({ certificationRef: "TR-CHANGED", version: sql`${examPasses.version} + 1` })
      .where(and(eq(examPasses.id, changedPass), eq(examPasses.organizationId, world.contosoId)));
    const second = await submit();
    const secondCase = await review(second);
    expect(secondCase.round).toBe(2);
    expect(await verdictOf(second, rejectedLine)).toMatchObject({
      status: "rejected",
      reason: "No DPOR association on the invoice",
      carriedFromRound: 1,
    });
    expect(await verdictOf(second, changedPass)).toBeUndefined();
    const secondEvaluation = evaluateCase(secondCase.snapshot, "gold", secondCase.verdicts, "en");
    expect(secondEvaluation.remaining).toBe(1);
    expect(secondEvaluation.approvable).toBe(false);
    await expect(decideSubmission(world.db, world.users.reviewer, { id: second, decision: "approve", message: null })).rejects.toThrow(
      ConflictError,
    );

    // Round 2 verifies the changed pass and sends the case back once more; round 3 carries both rounds' verdicts.
    await recordVerdict(world.db, world.users.reviewer, {
      submissionId: second,
      itemKind: "exam_pass",
      itemId: changedPass,
      status: "verified",
      reason: null,
    });
    await decideSubmission(world.db, world.users.reviewer, { id: second, decision: "request_changes", message: "One more look." });
    const third = await submit();
    expect((await review(third)).round).toBe(3);
    expect(await verdictOf(third, rejectedLine)).toMatchObject({ status: "rejected", carriedFromRound: 1 });
    expect(await verdictOf(third, changedPass)).toMatchObject({ status: "verified", carriedFromRound: 2 });
    const thirdCase = await review(third);
    const thirdEvaluation = evaluateCase(thirdCase.snapshot, "gold", thirdCase.verdicts, "en");
    expect(thirdEvaluation.remaining).toBe(0);
    // The rejected line stays out of the verified total: Gold holds without it, so the case can be approved.
    expect(thirdEvaluation.verifiedOnly.revenue.countedIds).not.toContain(rejectedLine);
    expect(await decideSubmission(world.db, world.users.reviewer, { id: third, decision: "approve", message: null })).toEqual({
      status: "approved",
    });
  });

  it("makes an edited line unreviewed again, and leaves a line saved unchanged as the program judged it", async () => {
    const [line] = await world.db
      .select()
      .from(revenueLines)
      .where(and(eq(revenueLines.organizationId, world.contosoId), eq(revenueLines.verificationStatus, "rejected")));
    const actor = { organizationId: world.contosoId, actorId: world.users.admin.id };
    const fields = {
      reference: line.reference,
      customerName: line.customerName,
      product: line.product,
      amountCents: line.amountCents,
      bookedOn: line.bookedOn,
      dporAssociated: line.dporAssociated,
    };
    const same = await updateRevenueLine(world.db, actor, { id: line.id, version: line.version, ...fields } as Parameters<
      typeof updateRevenueLine
    >[2]);
    expect(same).toMatchObject({ verificationStatus: "rejected", verificationReason: "No DPOR association on the invoice" });
    const edited = await updateRevenueLine(world.db, actor, {
      id: line.id,
      version: same.version,
      ...fields,
      dporAssociated: true,
      customerName: "Renamed Customer",
    } as Parameters<typeof updateRevenueLine>[2]);
    expect(edited).toMatchObject({ verificationStatus: "unverified", verificationReason: null, verifiedBy: null });
  });
});

describeOnEachDatabase("verify all remaining", (database) => {
  it("verifies every item still without a verdict once confirmed with its count, and writes nothing when the count is stale", async () => {
    const world = await demoWorld(database());
    memoryMailer();
    await clearForNewApplication(world.db, world.contosoId);
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "gold", today());
    await claimSubmission(world.db, world.users.reviewer, id);
    const found = await getCase(world.db, world.users.reviewer, id);
    const { toReview, remaining } = evaluateCase(found.snapshot, "gold", [], "en");
    await recordVerdict(world.db, world.users.reviewer, {
      submissionId: id,
      itemKind: "revenue_line",
      itemId: toReview.revenueIds[0],
      status: "rejected",
      reason: "not DPOR",
    });

    const asked = await runAs(world.users.reviewer, () => verifyRemaining(null, formData({ id, expected: String(remaining - 1) })));
    expect(asked).toEqual({
      ok: true,
      data: { confirm: `Mark the ${remaining - 1} remaining items verified? Verdicts already given stay as they are.` },
    });
    expect((await getCase(world.db, world.users.reviewer, id)).verdicts).toHaveLength(1);

    const stale = await runAs(world.users.reviewer, () =>
      verifyRemaining(null, formData({ id, expected: String(remaining), confirmed: "1" })),
    );
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    expect((await getCase(world.db, world.users.reviewer, id)).verdicts).toHaveLength(1);

    const done = await runAs(world.users.reviewer, () =>
      verifyRemaining(null, formData({ id, expected: String(remaining - 1), confirmed: "1" })),
    );
    expect(done).toEqual({ ok: true, data: { notice: `${remaining - 1} items verified.` } });
    const after = await getCase(world.db, world.users.reviewer, id);
    expect(after.verdicts.filter((verdict) => verdict.status === "verified")).toHaveLength(remaining - 1);
    expect(after.verdicts.find((verdict) => verdict.itemId === toReview.revenueIds[0])).toMatchObject({
      status: "rejected",
      reason: "not DPOR",
    });
    expect(evaluateCase(after.snapshot, "gold", after.verdicts, "en").remaining).toBe(0);
  });
});
