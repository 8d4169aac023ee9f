import { beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { examPasses, organizations, people, revenueLines, users } from "@/db/schema";
import { setAppConnection } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { explanationNotesShown, loadDashboard } from "@/lib/data/dashboard";
import { listNotifications } from "@/lib/data/notifications";
import { startSession } from "@/lib/data/sessions";
import { findSessionUser } from "@/lib/data/users";
import { addDays } from "@/lib/rules";
import { describeOnEachDay } from "../support/clock";
import { describeOnEachDatabase, type TestDatabase } from "../support/database";

async function organizationId(database: TestDatabase, name: string) {
  const [row] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return row.id;
}

/** An organization of `size` people, each with an application and a deployment pass, and revenue. */
async function largeOrganization(database: TestDatabase, mpnId: string, size: number, today: string) {
  const { db } = database;
  const [organization] = await db
    .insert(organizations)
    .values({ name: `Org ${size}`, mpnId, market: "developed" })
    .returning();
  const personRows = await db
    .insert(people)
    .values(Array.from({ length: size }, (_, index) => ({ organizationId: organization.id, name: `Person ${index}`, mcid: String(index) })))
    .returning({ id: people.id });
  await db.insert(examPasses).values(
    personRows.flatMap(({ id }, index) => [
      { organizationId: organization.id, personId: id, examCode: "MB2-717", passedOn: addDays(today, -100 - (index % 50)) },
      { organizationId: organization.id, personId: id, examCode: index % 2 ? "MB2-710" : "MB2-716", passedOn: addDays(today, -90) },
    ]),
  );
  await db.insert(revenueLines).values(
    Array.from({ length: size }, (_, index) => ({
      organizationId: organization.id,
      customerName: `Customer ${index}`,
      product: "crm-online",
      amountCents: 10_000,
      bookedOn: addDays(today, -(index % 700)),
      dporAssociated: true,
      reference: `INV-${index}`,
    })),
  );
  return organization.id;
}

describeOnEachDay("the dashboard", (today) => {
  describeOnEachDatabase("the dashboard", (database) => {
    // The evaluation reads the evidence through the application's connection.
    beforeAll(() => setAppConnection(database()));

    it("shows Contoso's demo data at Gold and Fabrikam's short of Silver", async () => {
      const { db } = database();
      await seedDemoData(db, today);

      const contoso = await loadDashboard(db, await organizationId(database(), "Contoso Ltd"), { asOf: today, today, locale: "en" });
      expect(contoso.evaluation.tier).toBe("gold");
      expect(contoso.evaluation.revenue.totalUsd).toBe(140_000);
      expect(contoso.evaluation.nextTier).toBeNull();

      const fabrikam = await loadDashboard(db, await organizationId(database(), "Fabrikam Inc"), { asOf: today, today, locale: "fr" });
      expect(fabrikam.evaluation.tier).toBe("none");
      expect(fabrikam.evaluation.revenue.totalUsd).toBe(82_500.5);
      expect(fabrikam.evaluation.rejected).toEqual([]);
      expect(fabrikam.evaluation.nextTier?.tier).toBe("silver");
      expect(fabrikam.evaluation.nextTier?.revenueShortfallUsd).toBe(17_499.5);
      expect(fabrikam.explanation[0].summary).toMatch(/Argent/);
    });

    it("looks back 24 months of trailing revenue and forecasts Contoso's coming changes", async () => {
      const { db } = database();
      const contoso = await loadDashboard(db, await organizationId(database(), "Contoso Ltd"), { asOf: today, today, locale: "en" });
      expect(contoso.history.points).toHaveLength(24);
      expect(contoso.history.points.at(-1)).toEqual({ on: today, totalCents: 14_000_000 });
      expect(contoso.history.thresholdCents).toEqual({ silver: 10_000_000, gold: 10_000_000 });
      for (const change of contoso.forecast.changes) expect(change.on > today).toBe(true);
    });

    it("answers a whole dashboard request in at most 6 queries, for 10 people as for 2,000", async () => {
      const { db } = database();
      const large = await largeOrganization(database(), "9002001", 2_000, today);
      const [admin] = await db
        .insert(users)
        .values({ email: "admin@large.example", displayName: "Admin", passwordHash: "x", role: "partner_admin", organizationId: large })
        .returning();
      const sessionId = await startSession(db, admin.id);
      // What the partner layout and the dashboard page ask: who is signed in, their
      // notifications, and the dashboard itself (no evaluation remembered yet: the worst case).
      const request = () =>
        Promise.all([
          findSessionUser(db, { userId: admin.id, sessionId }),
          listNotifications(db, admin.id),
          loadDashboard(db, large, { asOf: addDays(today, -1), today, locale: "fr" }),
        ]);
      const queries = await database().recordQueries(request);
      expect(queries.length).toBeLessThanOrEqual(6);
    });

    it("asks the database the same few questions for 10 people and for 2,000", async () => {
      const small = await largeOrganization(database(), "9000010", 10, today);
      const large = await largeOrganization(database(), "9002000", 2_000, today);
      const smallQueries = await database().recordQueries(() => loadDashboard(database().db, small, { asOf: today, today, locale: "en" }));
      const largeQueries = await database().recordQueries(async () => {
        const dashboard = await loadDashboard(database().db, large, { asOf: today, today, locale: "en" });
        expect(dashboard.evaluation.people).toHaveLength(2_000);
        expect(dashboard.evaluation.tier).toBe("gold");
      });
      expect(largeQueries.length).toBe(smallQueries.length);
      expect(largeQueries.length).toBe(3);
    });

    it("explains a large organization's earlier date in a bounded list: the first notes, then how many more", async () => {
      const large = await largeOrganization(database(), "9002002", 2_000, today);
      // A year back, none of the 4,000 passes (all under 150 days old) is dated yet.
      const dashboard = await loadDashboard(database().db, large, { asOf: addDays(today, -365), today, locale: "en" });
      const gold = dashboard.explanation.find((tier) => tier.tier === "gold");
      expect(gold?.met).toBe(false);
      const notes = gold?.reasons.filter((reason) => reason.status === "note") ?? [];
      expect(notes).toHaveLength(explanationNotesShown);
      const passNotes = gold?.reasons.filter((reason) => reason.kind === "exam-not-counted").length ?? 0;
      const revenueNotes = notes.length - passNotes;
      expect(revenueNotes).toBeGreaterThan(0);
      expect(gold?.moreNotes).toBe(revenueNotes + 4_000 - explanationNotesShown);
      // Every requirement is still there, and nothing names the records' ids.
      expect(gold?.reasons.filter((reason) => reason.status !== "note").map((reason) => reason.kind)).toEqual([
        "revenue",
        "slots",
        "slots",
      ]);
      expect(JSON.stringify(dashboard.explanation)).not.toContain("evidence");
    });

    it("sees every change to the evidence at once", async () => {
      const { db } = database();
      const contosoId = await organizationId(database(), "Contoso Ltd");

      const [alice] = await db.select().from(people).where(eq(people.name, "Alice Martin"));
      await db.update(people).set({ leftOn: today }).where(eq(people.id, alice.id));
      expect((await loadDashboard(db, contosoId, { asOf: today, today, locale: "en" })).evaluation.tier).toBe("silver");
      await db.update(people).set({ leftOn: null }).where(eq(people.id, alice.id));
      expect((await loadDashboard(db, contosoId, { asOf: today, today, locale: "en" })).evaluation.tier).toBe("gold");

      const [line] = await db.select().from(revenueLines).where(eq(revenueLines.reference, "CTS-INV-1001"));
      await db.delete(revenueLines).where(eq(revenueLines.id, line.id));
      expect((await loadDashboard(db, contosoId, { asOf: today, today, locale: "en" })).evaluation.revenue.totalUsd).toBe(80_000);
      await db.insert(revenueLines).values(line);
      expect((await loadDashboard(db, contosoId, { asOf: today, today, locale: "en" })).evaluation.revenue.totalUsd).toBe(140_000);
    });

    it("does not find another organization's data under an unknown id", async () => {
      await expect(
        loadDashboard(database().db, "00000000-0000-4000-8000-000000000000", { asOf: today, today, locale: "en" }),
      ).rejects.toThrow(/not found|organization/);
    });
  });
});
