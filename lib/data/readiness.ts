import "server-only";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";

/** Reads real tables of the portal's schema; throws when they cannot be read. */
export async function readinessCheck(db: Executor): Promise<void> {
  await Promise.all([db.select({ id: organizations.id }).from(organizations).limit(1), db.select({ id: users.id }).from(users).limit(1)]);
}
