import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { awards, notifications, organizations, people, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { dashboardFingerprint } from "@/lib/data/dashboard";
import { readAllNotifications } from "@/lib/data/notifications";
import { submitApplication } from "@/lib/data/submissions";
import { describeOnEachDatabase, type TestDatabase } from "../support/database";

const today = "2026-11-25";

async function userByEmail(database: TestDatabase, email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  return row;
}

/**
 * The dashboard's page cache replays a page only while this fingerprint stays the same, so
 * every change to what the page shows must move it.
 */
describeOnEachDatabase("the dashboard's fingerprint", (database) => {
  it("stays the same while nothing changes, and differs between users and days", async () => {
    const { db } = database();
    await seedDemoData(db, today);
    const admin = await userByEmail(database(), "admin@contoso.example");
    const alice = await userByEmail(database(), "alice@contoso.example");
    const first = await dashboardFingerprint(db, admin.id, today);
    expect(first).not.toBeNull();
    expect(await dashboardFingerprint(db, admin.id, today)).toBe(first);
    expect(await dashboardFingerprint(db, alice.id, today)).not.toBe(first);
  });

  it("moves with the evidence, the organization and the user", async () => {
    const { db } = database();
    const admin = await userByEmail(database(), "admin@contoso.example");
    const fingerprint = () => dashboardFingerprint(db, admin.id, today);
    let last = await fingerprint();
    const expectMoved = async () => {
      const next = await fingerprint();
      expect(next).not.toBe(last);
      last = next;
    };

    const [alice] = await db.select().from(people).where(eq(people.name, "Alice Martin"));
    await db.update(people).set({ leftOn: today }).where(eq(people.id, alice.id));
    await expectMoved();
    await db.update(people).set({ leftOn: null }).where(eq(people.id, alice.id));
    await expectMoved();

    await db.update(organizations).set({ name: "Contoso Group" }).where(eq(organizations.id, admin.organizationId!));
    await expectMoved();

    await db.update(users).set({ displayName: "Claire Martin" }).where(eq(users.id, admin.id));
    await expectMoved();
    await db.update(users).set({ role: "employee" }).where(eq(users.id, admin.id));
    await expectMoved();
    await db.update(users).set({ role: "partner_admin" }).where(eq(users.id, admin.id));
    await expectMoved();
  });

  it("moves with an application, an award and the user's notifications", async () => {
    const { db } = database();
    const admin = await userByEmail(database(), "admin@contoso.example");
    const organizationId = admin.organizationId!;
    const fingerprint = () => dashboardFingerprint(db, admin.id, today);

    const before = await fingerprint();
    const submission = await submitApplication(db, { organizationId, actorId: admin.id }, "gold", today);
    const applied = await fingerprint();
    expect(applied).not.toBe(before);

    await db.insert(notifications).values({ userId: admin.id, kind: "submission.approved", submissionId: submission.id });
    const notified = await fingerprint();
    expect(notified).not.toBe(applied);
    await readAllNotifications(db, admin.id);
    const read = await fingerprint();
    expect(read).not.toBe(notified);

    await db.insert(awards).values({ organizationId, tier: "gold", awardedOn: today, anniversaryOn: "2027-11-25", submissionId: submission.id });
    expect(await fingerprint()).not.toBe(read);
    // The award is in force from its day on: the day before, it is not on the page.
    expect(await dashboardFingerprint(db, admin.id, "2026-11-24")).not.toBe(await fingerprint());
  });

  it("is null for whoever has no dashboard", async () => {
    const { db } = database();
    const [reviewer] = await db.select().from(users).where(eq(users.role, "reviewer"));
    expect(await dashboardFingerprint(db, reviewer.id, today)).toBeNull();
    expect(await dashboardFingerprint(db, "00000000-0000-4000-8000-000000000000", today)).toBeNull();
    expect(await dashboardFingerprint(db, "not-a-uuid", today)).toBeNull();

    const alice = await userByEmail(database(), "alice@contoso.example");
    await db.update(users).set({ disabled: true }).where(eq(users.id, alice.id));
    expect(await dashboardFingerprint(db, alice.id, today)).toBeNull();
  });
});
