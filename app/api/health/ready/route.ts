import { requestContext } from "@/lib/auth/request-context";
import { appConnection, configuredDatabaseKind } from "@/db/client";
import { readinessCheck } from "@/lib/data/readiness";

/**
 * Readiness: the schema is migrated and a real table can be read, so a damaged data
 * directory or a database without the portal's tables fails it (503), unlike /api/health.
 */
export async function GET() {
  await requestContext().atRequestTime();
  let database = configuredDatabaseKind();
  try {
    const connection = await appConnection();
    database = connection.kind;
    await readinessCheck(connection.db);
    return Response.json({ status: "ok", database });
  } catch (error) {
    console.error("readiness check failed", error);
    return Response.json({ status: "error", database }, { status: 503 });
  }
}
