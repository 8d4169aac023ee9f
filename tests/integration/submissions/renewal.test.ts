import "../auth/auth-secret";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { alerts, awards, submissions } from "@/db/schema";
import { today } from "@/lib/clock";
import { dashboardStatus } from "@/lib/data/dashboard";
import { decideSubmission } from "@/lib/data/decisions";
import { claimSubmission } from "@/lib/data/review";
import { submitApplication } from "@/lib/data/submissions";
import { watchAll } from "@/lib/data/watch";
import { addDays, sameDateYearsLater } from "@/lib/rules";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { clearForNewApplication, memoryMailer, verifyEverythingLeft } from "./support";

describeOnEachDatabase("renewals", (database) => {
  let world: DemoWorld;
  const day = today();

  /** Contoso's Gold application, claimed by the demo reviewer, its evidence all verified. */
  async function verifiedGoldCase() {
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "gold", day);
    await claimSubmission(world.db, world.users.reviewer, id);
    await verifyEverythingLeft(world.db, world.users.reviewer, id);
    return id;
  }

  /** An earlier award of Contoso, granted through a (withdrawn) submission of its own. */
  async function earlierAward(anniversaryOn: string) {
    await clearForNewApplication(world.db, world.contosoId);
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "gold", day);
    await world.db.update(submissions).set({ status: "withdrawn" }).where(eq(submissions.id, id));
    await world.db.insert(awards).values({
      organizationId: world.contosoId,
      submissionId: id,
      tier: "gold",
      awardedOn: sameDateYearsLater(anniversaryOn, -1),
      anniversaryOn,
    });
  }

  const openKinds = async () =>
    (
      await world.db
        .select({ kind: alerts.kind })
        .from(alerts)
        .where(and(eq(alerts.organizationId, world.contosoId), isNull(alerts.resolvedAt)))
    ).map((row) => row.kind);

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
  });

  it("opens the window 90 days before the anniversary and starts an approved renewal on the anniversary", async () => {
    const anniversary = addDays(day, 60);
    await earlierAward(anniversary);
    await watchAll(world.db, day);
    expect(await openKinds()).toContain("renewal-open");

    const renewal = await verifiedGoldCase();
    expect(await decideSubmission(world.db, world.users.reviewer, { id: renewal, decision: "approve", message: null })).toEqual({
      status: "approved",
    });
    const [granted] = await world.db.select().from(awards).where(eq(awards.submissionId, renewal));
    expect(granted).toMatchObject({ tier: "gold", awardedOn: anniversary, anniversaryOn: sameDateYearsLater(anniversary, 1) });
    // The award in force until the anniversary is still the earlier one; from it, the renewal.
    expect((await dashboardStatus(world.db, world.contosoId, day)).award?.anniversaryOn).toBe(anniversary);
    expect((await dashboardStatus(world.db, world.contosoId, anniversary)).award?.awardedOn).toBe(anniversary);

    await watchAll(world.db, addDays(day, 1));
    expect(await openKinds()).not.toContain("renewal-open");
  });

  it("recalls the anniversary 30 days before, and says when an award lapsed unrenewed", async () => {
    const anniversary = addDays(day, 25);
    await earlierAward(anniversary);
    await watchAll(world.db, day);
    expect(await openKinds()).toEqual(expect.arrayContaining(["renewal-open", "renewal-due"]));

    const after = addDays(anniversary, 1);
    expect((await dashboardStatus(world.db, world.contosoId, after)).lapsed).toMatchObject({ tier: "gold", anniversaryOn: anniversary });
    expect((await dashboardStatus(world.db, world.contosoId, after)).award).toBeNull();
    await watchAll(world.db, after);
    const kinds = await openKinds();
    expect(kinds).toContain("award-lapsed");
    expect(kinds).not.toContain("renewal-due");
  });
});
