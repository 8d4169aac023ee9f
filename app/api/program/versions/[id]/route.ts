import { NextResponse } from "next/server";
import { appConnection } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { PROGRAM_ID } from "@/lib/data/program";
import { getProgramVersion } from "@/lib/data/program-versions";
import { recordId } from "@/lib/schemas/fields";

const refusal = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

/**
 * GET /api/program/versions/{id}: one version as a one-version program file, to edit
 * elsewhere and import into a draft; the program's staff only, a draft its administrators only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return refusal("unauthenticated", 401);
  if (user.role !== "program_admin" && user.role !== "reviewer") return refusal("forbidden", 403);
  const id = recordId.safeParse((await params).id);
  if (!id.success) return refusal("not_found", 404);
  const { db } = await appConnection();
  try {
    const version = await getProgramVersion(db, user, id.data);
    const file = {
      id: PROGRAM_ID,
      versions: [{ id: version.versionId, effectiveFrom: version.effectiveFrom, note: version.note, definition: version.definition }],
    };
    return NextResponse.json(file, {
      headers: {
        "content-disposition": `attachment; filename="${PROGRAM_ID}-${version.versionId}.json"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return refusal("not_found", 404);
    throw error;
  }
}
