import "../auth/auth-secret";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { people } from "@/db/schema";
import { confirmOwnMcid } from "@/lib/actions/people";
import { recordVerdict, verifyRemaining } from "@/lib/actions/review";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { today } from "@/lib/clock";
import { mcidsClaimedElsewhere, updatePerson } from "@/lib/data/people";
import { claimSubmission, getCase } from "@/lib/data/review";
import { getPartnerSubmission, submitApplication } from "@/lib/data/submissions";
import { formData } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { clearForNewApplication, memoryMailer } from "../submissions/support";
import { describeOnEachDatabase } from "../support/database";

describeOnEachDatabase("one organization per certification id", (database) => {
  let world: DemoWorld;
  const chloeMcid = "10451003";

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
    await clearForNewApplication(world.db, world.contosoId);
    // Fabrikam records Contoso's Chloé under her MCID.
    await world.db.insert(people).values({ organizationId: world.fabrikamId, name: "C. Dubois", mcid: chloeMcid });
  });

  it("tells each partner that the id is claimed elsewhere, and neither by whom", async () => {
    const forContoso = await mcidsClaimedElsewhere(world.db, world.contosoId, [chloeMcid, "10451004"]);
    expect([...forContoso]).toEqual([chloeMcid]);
    expect([...(await mcidsClaimedElsewhere(world.db, world.fabrikamId, [chloeMcid]))]).toEqual([chloeMcid]);

    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "silver", today());
    await claimSubmission(world.db, world.users.reviewer, id);
    // The reviewer's case names the other organization.
    const found = await getCase(world.db, world.users.reviewer, id);
    expect(found.mcidConflicts).toEqual([
      {
        mcid: chloeMcid,
        personId: expect.any(String) as unknown,
        personName: "Chloé Dubois",
        organizations: ["Fabrikam Inc"],
        confirmedElsewhere: null,
      },
    ]);
    // Contoso's own view of its application says nothing of Fabrikam.
    const partnerView = await getPartnerSubmission(world.db, world.contosoId, id);
    expect(JSON.stringify(partnerView)).not.toContain("Fabrikam");
  });

  it("lets only the person confirm their MCID; the case shows it; a new MCID needs confirming again", async () => {
    const aliceId = world.users.employee.personId ?? "";
    const confirm = (user: typeof world.users.employee, id: string) =>
      runAs(user, () => confirmOwnMcid(null, formData({ id })), { locale: "en" });

    expect(await confirm(world.users.admin, aliceId)).toMatchObject({ ok: false, error: "forbidden" });
    const [chloe] = await world.db.select({ id: people.id }).from(people).where(eq(people.mcid, chloeMcid)).limit(1);
    expect(await confirm(world.users.employee, chloe.id)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await confirm(world.users.employee, aliceId)).toMatchObject({
      ok: true,
      data: { notice: "You confirmed that this MCID is yours." },
    });

    const [alice] = await world.db.select().from(people).where(eq(people.id, aliceId));
    expect(alice.mcidConfirmedAt).toBeInstanceOf(Date);
    expect(alice.mcidConfirmedBy).toBe(world.users.employee.id);

    await clearForNewApplication(world.db, world.contosoId);
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "silver", today());
    await claimSubmission(world.db, world.users.reviewer, id);
    const snapshotPeople = (await getCase(world.db, world.users.reviewer, id)).snapshot.people;
    expect(snapshotPeople.find((person) => person.id === aliceId)?.mcidConfirmed).toBe(true);
    expect(snapshotPeople.find((person) => person.id === chloe.id)?.mcidConfirmed).toBe(false);

    // Chloé confirms her MCID at Fabrikam: it counts there, and her passes can no longer be verified for Contoso.
    await world.db.update(people).set({ mcidConfirmedAt: new Date() }).where(eq(people.organizationId, world.fabrikamId));
    const found = await getCase(world.db, world.users.reviewer, id);
    expect(found.mcidConflicts).toMatchObject([{ mcid: chloeMcid, confirmedElsewhere: "Fabrikam Inc" }]);
    const chloePass = found.snapshot.examPasses.find((pass) => pass.personId === chloe.id);
    if (!chloePass) throw new Error("Chloé has no pass in the snapshot");
    const verdictOn = (status: "verified" | "rejected") =>
      runAs(
        world.users.reviewer,
        () =>
          recordVerdict(
            null,
            formData({
              submissionId: id,
              itemKind: "exam_pass",
              itemId: chloePass.id,
              status,
              checkMethod: "transcript",
              reason: "Counts for another organization",
            }),
          ),
        { locale: "en" },
      );
    expect(await verdictOn("verified")).toMatchObject({
      ok: false,
      error: "conflict",
      message: "The holder of this MCID confirmed it for another organization: this pass counts there, not here. Reject it.",
    });
    const { remaining, toReview } = evaluateCase(found.snapshot, "silver", found.verdicts, "en");
    if (toReview.examPassIds.includes(chloePass.id)) {
      const all = await runAs(
        world.users.reviewer,
        () => verifyRemaining(null, formData({ id, expected: String(remaining), confirmed: "1" })),
        {
          locale: "en",
        },
      );
      expect(all).toMatchObject({ ok: false, error: "conflict" });
    }
    expect((await verdictOn("rejected")).ok).toBe(true);

    // The admin corrects Alice's MCID: her confirmation was of the old one.
    await updatePerson(
      world.db,
      { organizationId: world.contosoId, actorId: world.users.admin.id },
      { id: aliceId, version: alice.version, mcid: "10459999" },
    );
    const [corrected] = await world.db.select().from(people).where(eq(people.id, aliceId));
    expect(corrected.mcidConfirmedAt).toBeNull();
    expect(corrected.mcidConfirmedBy).toBeNull();
  });
});
