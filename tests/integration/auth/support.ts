import { eq } from "drizzle-orm";
import { setAppConnection, type Database } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { today } from "@/lib/clock";
import type { SessionUser } from "@/lib/auth/session-user";
import { findActiveUser } from "@/lib/data/users";
import type { TestDatabase } from "../support/database";

export const demoAccounts = {
  employee: "alice@contoso.example",
  admin: "admin@contoso.example",
  otherAdmin: "admin@fabrikam.example",
  reviewer: "reviewer@program.example",
  programAdmin: "program@program.example",
} as const;

export type DemoAccount = keyof typeof demoAccounts;

export interface DemoWorld {
  db: Database;
  users: Record<DemoAccount, SessionUser>;
  contosoId: string;
  fabrikamId: string;
}

/** Seeds the demo data relative to the clock's day, makes this database the app's, and loads the demo accounts. */
export async function demoWorld(database: TestDatabase): Promise<DemoWorld> {
  setAppConnection(database);
  const { db } = database;
  await seedDemoData(db, today());
  const entries = await Promise.all(
    Object.entries(demoAccounts).map(async ([account, email]) => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const user = await findActiveUser(db, row.id);
      if (!user) throw new Error(`demo account ${email} is missing`);
      return [account, user] as const;
    }),
  );
  const orgId = async (name: string) =>
    (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)))[0].id;
  return {
    db,
    users: Object.fromEntries(entries) as Record<DemoAccount, SessionUser>,
    contosoId: await orgId("Contoso Ltd"),
    fabrikamId: await orgId("Fabrikam Inc"),
  };
}
