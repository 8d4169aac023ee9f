import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { addDays } from "@/lib/rules";
import type { Database, Executor } from "./client";
import { examPasses, organizations, people, revenueLines, users } from "./schema";
import type { Market, UserRole } from "./schema";

export const demoPassword = "portal-demo-1";

interface DemoPerson {
  key: string;
  name: string;
  email?: string;
  mcid: string;
  /** Exam passes as [code, days before today] or [code, fixed calendar date]. */
  exams: Array<[string, number | string]>;
}

interface DemoRevenue {
  reference: string;
  customer: string;
  product: string;
  amountCents: number;
  daysAgo: number;
  dpor: boolean;
}

export interface DemoOrganization {
  name: string;
  mpnId: string;
  market: Market;
  people: DemoPerson[];
  revenue: DemoRevenue[];
  users: Array<{ email: string; displayName: string; role: UserRole; personKey?: string }>;
}

/**
 * Contoso meets Gold today: two application+deployment people, two customizers and
 * USD 140,000 of counting revenue, with lines that must not count beside them.
 */
const contoso: DemoOrganization = {
  name: "Contoso Ltd",
  mpnId: "4410021",
  market: "developed",
  people: [
    {
      key: "alice",
      name: "Alice Martin",
      email: "alice@contoso.example",
      mcid: "10451001",
      exams: [
        ["MB2-717", 400],
        ["MB2-710", 380],
      ],
    },
    {
      key: "bruno",
      name: "Bruno Costa",
      email: "bruno@contoso.example",
      mcid: "10451002",
      exams: [
        ["MB2-877", 200],
        ["MB2-715", 150],
      ],
    },
    { key: "chloe", name: "Chloé Dubois", email: "chloe@contoso.example", mcid: "10451003", exams: [["MB2-716", 90]] },
    { key: "david", name: "David Okafor", email: "david@contoso.example", mcid: "10451004", exams: [["MB2-712", 60]] },
    { key: "emma", name: "Emma Schmidt", email: "emma@contoso.example", mcid: "10451005", exams: [["MB2-714", 30]] },
  ],
  revenue: [
    {
      reference: "CTS-INV-1001",
      customer: "Northwind Traders",
      product: "d365-ce-plan-1",
      amountCents: 6_000_000,
      daysAgo: 30,
      dpor: true,
    },
    { reference: "CTS-INV-1002", customer: "Adventure Works", product: "crm-online", amountCents: 5_000_000, daysAgo: 120, dpor: true },
    { reference: "CTS-INV-1003", customer: "Tailspin Toys", product: "d365-ce-plan-1", amountCents: 3_000_000, daysAgo: 300, dpor: true },
    { reference: "CTS-INV-0907", customer: "Woodgrove Bank", product: "d365-ce-plan-1", amountCents: 4_500_000, daysAgo: 400, dpor: true },
    { reference: "CTS-INV-1004", customer: "Litware Inc", product: "crm-online", amountCents: 2_500_000, daysAgo: 60, dpor: false },
    { reference: "CTS-INV-1005", customer: "Fourth Coffee", product: "office-365", amountCents: 1_200_000, daysAgo: 45, dpor: true },
  ],
  users: [
    { email: "admin@contoso.example", displayName: "Claire Admin", role: "partner_admin" },
    { email: "alice@contoso.example", displayName: "Alice Martin", role: "employee", personKey: "alice" },
  ],
};

/** Fabrikam is short of Silver: one application exam, a retired MB2-709 pass, USD 82,500.50. */
const fabrikam: DemoOrganization = {
  name: "Fabrikam Inc",
  mpnId: "5520487",
  market: "developing",
  people: [
    { key: "frank", name: "Frank Miller", email: "frank@fabrikam.example", mcid: "20872001", exams: [["MB2-714", 100]] },
    // seed: MB2-709 retired 2017-12-31 and was accepted until 2018-12-31 only.
    { key: "gina", name: "Gina Rossi", email: "gina@fabrikam.example", mcid: "20872002", exams: [["MB2-709", "2017-06-15"]] },
  ],
  revenue: [
    { reference: "FAB-2201", customer: "Wide World Importers", product: "d365-ce-plan-1", amountCents: 5_000_050, daysAgo: 20, dpor: true },
    { reference: "FAB-2188", customer: "Coho Winery", product: "crm-online", amountCents: 3_250_000, daysAgo: 200, dpor: true },
  ],
  users: [{ email: "admin@fabrikam.example", displayName: "Felix Admin", role: "partner_admin" }],
};

const reviewer = { email: "reviewer@program.example", displayName: "Rita Reviewer" };
const programAdmin = { email: "program@program.example", displayName: "Paul Program" };

async function seedOrganization(tx: Executor, demo: DemoOrganization, today: string, passwordHash: string) {
  const [existing] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.mpnId, demo.mpnId));
  if (existing) return false;

  const [organization] = await tx
    .insert(organizations)
    .values({ name: demo.name, mpnId: demo.mpnId, market: demo.market })
    .returning({ id: organizations.id });
  const organizationId = organization.id;

  const personIds = new Map<string, string>();
  for (const person of demo.people) {
    const [row] = await tx
      .insert(people)
      .values({ organizationId, name: person.name, email: person.email, mcid: person.mcid })
      .returning({ id: people.id });
    personIds.set(person.key, row.id);
    await tx.insert(examPasses).values(
      person.exams.map(([examCode, when]) => ({
        organizationId,
        personId: row.id,
        examCode,
        passedOn: typeof when === "number" ? addDays(today, -when) : when,
        certificationRef: `TR-${person.mcid}-${examCode}`,
        // Each person's Microsoft transcript, as they would share it with the program.
        transcriptId: person.mcid,
        transcriptCode: `tr${person.mcid.slice(-4)}`,
      })),
    );
  }

  await tx.insert(revenueLines).values(
    demo.revenue.map((line) => ({
      organizationId,
      reference: line.reference,
      customerName: line.customer,
      product: line.product,
      amountCents: line.amountCents,
      bookedOn: addDays(today, -line.daysAgo),
      dporAssociated: line.dpor,
    })),
  );

  for (const user of demo.users) {
    await tx
      .insert(users)
      .values({
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        organizationId,
        personId: user.personKey ? personIds.get(user.personKey) : null,
        passwordHash,
      })
      .onConflictDoNothing();
  }
  return true;
}

/**
 * Loads the demo organizations and accounts. Idempotent: an organization or account that
 * already exists is left as it is. Dates are relative to `today` so the demo stays meaningful.
 */
export async function seedDemoData(db: Database, today: string): Promise<{ created: string[] }> {
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction(async (tx) => {
    const created: string[] = [];
    for (const demo of [contoso, fabrikam]) {
      if (await seedOrganization(tx, demo, today, passwordHash)) created.push(demo.name);
    }
    const inserted = await tx
      .insert(users)
      .values([
        { ...reviewer, role: "reviewer", passwordHash },
        { ...programAdmin, role: "program_admin", passwordHash },
      ])
      .onConflictDoNothing()
      .returning({ email: users.email });
    created.push(...inserted.map((user) => user.email));
    return { created };
  });
}

/** Adds one organization in the demo's shape (its accounts' password is the demo's), for a test that needs a partner in a given state. */
export async function seedOrganizationLike(db: Database, organization: DemoOrganization, today: string): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction((tx) => seedOrganization(tx, organization, today, passwordHash));
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(organizations);
  return row.count === 0;
}
