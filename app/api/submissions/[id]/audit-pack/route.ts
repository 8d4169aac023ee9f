import { NextResponse } from "next/server";
import { appConnection } from "@/db/client";
import { auditPackFileName, auditPackZip } from "@/lib/audit-pack/contents";
import { requestContext } from "@/lib/auth/request-context";
import { ForbiddenError } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { loadAuditPack } from "@/lib/data/audit-pack";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { recordId } from "@/lib/schemas/fields";

const refusal = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

/**
 * GET /api/submissions/{id}/audit-pack: a decided application's audit pack as one ZIP file,
 * for the program's reviewers and for the partner admins of the organization that applied
 * (another organization's application is "not found").
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return refusal("unauthenticated", 401);
  const id = recordId.safeParse((await params).id);
  if (!id.success) return refusal("not_found", 404);
  const { db } = await appConnection();
  try {
    const [record, locale] = await Promise.all([loadAuditPack(db, user, id.data), requestContext().locale()]);
    const zip = auditPackZip(record, locale, today());
    return new Response(new Blob([zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${auditPackFileName(record)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal("forbidden", 403);
    if (error instanceof NotFoundError) return refusal("not_found", 404);
    if (error instanceof ConflictError) return refusal("not_decided", 409);
    throw error;
  }
}
