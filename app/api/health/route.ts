import { sql } from "drizzle-orm";
import { requestContext } from "@/lib/auth/request-context";
import { appConnection, configuredDatabaseKind } from "@/db/client";

/** Liveness: the process answers and its database connection does. Cheap enough for every probe. */
export async function GET() {
  await requestContext().atRequestTime();
  let database = configuredDatabaseKind();
  try {
    const { db, kind } = await appConnection();
    database = kind;
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ status: "error", database }, { status: 503 });
  }
}
