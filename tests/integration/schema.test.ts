import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, examPasses, organizations, people, revenueLines, users } from "@/db/schema";
import { describeOnEachDatabase } from "./support/database";

/** The message of the database error behind a failed query (drizzle wraps it in `cause`). */
async function databaseError(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return String(cause instanceof Error ? cause.message : error);
  }
  throw new Error("the database accepted a row it must refuse");
}

describeOnEachDatabase("the schema", (database) => {
  let organizationId: string;
  let personId: string;

  beforeAll(async () => {
    const { db } = database();
    const [organization] = await db
      .insert(organizations)
      .values({ name: "Contoso Ltd", mpnId: "4410021", market: "developed" })
      .returning();
    organizationId = organization.id;
    const [person] = await db.insert(people).values({ organizationId, name: "Alice", mcid: "1" }).returning();
    personId = person.id;
  });

  it("refuses a second organization with the same MPN id", async () => {
    const { db } = database();
    const message = await databaseError(db.insert(organizations).values({ name: "Copy", mpnId: "4410021", market: "developed" }));
    expect(message).toMatch(/organizations_mpn_id_unique|duplicate key/);
  });

  it("refuses an MPN id that is not digits and a market it does not know", async () => {
    const { db } = database();
    expect(await databaseError(db.insert(organizations).values({ name: "X", mpnId: "44-10", market: "developed" }))).toMatch(
      /organizations_mpn_id_digits/,
    );
    expect(await databaseError(db.insert(organizations).values({ name: "X", mpnId: "99", market: "emerging" }))).toMatch(
      /organizations_market_known/,
    );
  });

  it("refuses a user whose role is not one of the three", async () => {
    const { db } = database();
    const message = await databaseError(
      db.insert(users).values({
        email: "root@contoso.example",
        displayName: "Root",
        passwordHash: "x",
        role: "superuser",
        organizationId,
      }),
    );
    expect(message).toMatch(/users_role_known/);
  });

  it("keeps reviewers out of organizations and partners inside one", async () => {
    const { db } = database();
    expect(
      await databaseError(
        db.insert(users).values({ email: "r@program.example", displayName: "R", passwordHash: "x", role: "reviewer", organizationId }),
      ),
    ).toMatch(/users_organization_matches_role/);
    expect(
      await databaseError(db.insert(users).values({ email: "e@contoso.example", displayName: "E", passwordHash: "x", role: "employee" })),
    ).toMatch(/users_organization_matches_role/);
  });

  it("treats emails that differ only in case as the same account", async () => {
    const { db } = database();
    await db
      .insert(users)
      .values({ email: "Admin@Contoso.example", displayName: "A", passwordHash: "x", role: "partner_admin", organizationId });
    expect(
      await databaseError(
        db
          .insert(users)
          .values({ email: "admin@contoso.EXAMPLE", displayName: "B", passwordHash: "x", role: "partner_admin", organizationId }),
      ),
    ).toMatch(/users_email_lower|duplicate key/);
  });

  it("stores money as whole cents and refuses an amount that is not a whole number of cents", async () => {
    const { db } = database();
    const insertAmount = (amount: string, reference: string) =>
      db.execute(sql`insert into revenue_lines (organization_id, customer_name, product, amount_cents, booked_on, dpor_associated, reference)
        values (${organizationId}, 'Northwind', 'crm-online', ${sql.raw(amount)}, '2026-01-15', true, ${reference})`);
    expect(await databaseError(insertAmount("'12.5'", "INV-FRACTION"))).toMatch(/bigint/i);
    expect(await databaseError(insertAmount("'12,000.00'", "INV-TEXT"))).toMatch(/bigint/i);

    const [stored] = await db
      .insert(revenueLines)
      .values({
        organizationId,
        customerName: "Northwind",
        product: "crm-online",
        bookedOn: "2026-01-15",
        dporAssociated: true,
        amountCents: 10_000_001,
        reference: "INV-1",
      })
      .returning();
    expect(stored.amountCents).toBe(10_000_001);
  });

  it("refuses a date that is not a calendar date", async () => {
    const { db } = database();
    expect(
      await databaseError(db.insert(examPasses).values({ organizationId, personId, examCode: "MB2-717", passedOn: "2018-02-30" })),
    ).toMatch(/date/i);
  });

  it("refuses an exam pass whose person belongs to another organization", async () => {
    const { db } = database();
    const [other] = await db.insert(organizations).values({ name: "Fabrikam", mpnId: "5520487", market: "developing" }).returning();
    expect(
      await databaseError(
        db.insert(examPasses).values({ organizationId: other.id, personId, examCode: "MB2-717", passedOn: "2018-02-01" }),
      ),
    ).toMatch(/exam_passes_person_in_organization|foreign key/);
  });

  it("refuses the same exam pass twice for one person and day", async () => {
    const { db } = database();
    const pass = { organizationId, personId, examCode: "MB2-710", passedOn: "2018-03-01" };
    await db.insert(examPasses).values(pass);
    expect(await databaseError(db.insert(examPasses).values(pass))).toMatch(/exam_passes_person_exam_date|duplicate key/);
  });

  it("refuses an MCID used twice in one organization", async () => {
    const { db } = database();
    expect(await databaseError(db.insert(people).values({ organizationId, name: "Alice again", mcid: "1" }))).toMatch(
      /people_organization_mcid|duplicate key/,
    );
  });

  it("keeps audit events append-only", async () => {
    const { db } = database();
    const [event] = await db
      .insert(auditEvents)
      .values({ organizationId, action: "person.created", entityType: "person", entityId: personId })
      .returning();
    expect(await databaseError(db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, event.id)))).toMatch(
      /append-only/,
    );
    expect(await databaseError(db.delete(auditEvents).where(eq(auditEvents.id, event.id)))).toMatch(/append-only/);
  });
});
