import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { examPasses, organizations, revenueLines, users } from "@/db/schema";
import { demoPassword, isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { passwordProblem } from "@/lib/auth/password-policy";
import { verifyPassword } from "@/lib/auth/password";
import { describeOnEachDatabase } from "./support/database";

describeOnEachDatabase("the demo data", (database) => {
  it("loads into an empty database and a second run changes nothing", async () => {
    const { db } = database();
    expect(await isDatabaseEmpty(db)).toBe(true);

    const first = await seedDemoData(db, "2026-11-25");
    expect(first.created).toEqual(["Contoso Ltd", "Fabrikam Inc", "reviewer@program.example", "program@program.example"]);
    const counts = async () =>
      Promise.all(
        [organizations, users, examPasses, revenueLines].map(async (table) => {
          const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
          return row.n;
        }),
      );
    const before = await counts();

    const second = await seedDemoData(db, "2026-11-25");
    expect(second.created).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("stores every demo account with a real argon2id hash of the demo password", async () => {
    const { db } = database();
    const accounts = await db.select().from(users).orderBy(users.email);
    expect(accounts.map((user) => [user.email, user.role])).toEqual([
      ["admin@contoso.example", "partner_admin"],
      ["admin@fabrikam.example", "partner_admin"],
      ["alice@contoso.example", "employee"],
      ["program@program.example", "program_admin"],
      ["reviewer@program.example", "reviewer"],
    ]);
    // The demo's password is one the portal itself would accept.
    expect(passwordProblem(demoPassword)).toBeNull();
    for (const account of accounts) {
      expect(account.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(account.passwordHash, demoPassword)).toBe(true);
    }
    const alice = accounts.find((user) => user.email === "alice@contoso.example");
    expect(alice?.personId).not.toBeNull();
  });

  it("dates the revenue relative to the day it runs", async () => {
    const { db } = database();
    const [contoso] = await db.select().from(organizations).where(eq(organizations.name, "Contoso Ltd"));
    const lines = await db.select().from(revenueLines).where(eq(revenueLines.organizationId, contoso.id));
    const northwind = lines.find((line) => line.reference === "CTS-INV-1001");
    expect(northwind?.bookedOn).toBe("2026-10-26");
  });
});
