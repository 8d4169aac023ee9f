import { sql } from "drizzle-orm";
import { appConnection, configuredDatabaseKind } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and operators. */
export async function GET() {
  try {
    const { db, kind } = await appConnection();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ status: "error", database: configuredDatabaseKind() }, { status: 503 });
  }
}
