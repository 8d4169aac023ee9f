import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { revenueLines } from "@/db/schema";
import type { CalendarDate } from "@/lib/rules";
import { revenueStanding } from "@/lib/rules/revenue-standing";
import { productToStore, type RevenueLineInput, type RevenueQuery } from "@/lib/schemas/revenue";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { violatedUniqueConstraint } from "./constraints";
import { storedRevenueColumns } from "./csv-rows";
import { ConflictError, NotFoundError } from "./errors";
import { definitionOn, publishedProgram } from "./program";

export const revenuePageSize = 50;

const listedColumns = {
  ...storedRevenueColumns,
  verificationStatus: revenueLines.verificationStatus,
  verificationReason: revenueLines.verificationReason,
};

/**
 * A page of the organization's revenue lines with the totals on `asOf`. Every line is read,
 * whatever the filter: the totals are over all of them, and whether a line lies in the
 * window is the rules library's to say, not a SQL condition's.
 */
export async function listRevenue(db: Executor, organizationId: string, query: RevenueQuery, asOf: CalendarDate) {
  const lines = await db
    .select(listedColumns)
    .from(revenueLines)
    .where(eq(revenueLines.organizationId, organizationId))
    .orderBy(desc(revenueLines.bookedOn), asc(revenueLines.reference));
  const { program } = await publishedProgram(db);
  const standing = revenueStanding(lines, asOf, definitionOn(program, asOf));
  const needle = query.q.toLocaleLowerCase();
  const matching = lines.filter(
    (line) =>
      (query.scope === "all" || standing.lines.get(line.id)?.inWindow) &&
      (!needle || line.customerName.toLocaleLowerCase().includes(needle) || line.reference.toLocaleLowerCase().includes(needle)),
  );
  const start = (query.page - 1) * revenuePageSize;
  return {
    rows: matching.slice(start, start + revenuePageSize).map((line) => ({ ...line, standing: standing.lines.get(line.id) ?? null })),
    total: matching.length,
    window: standing.window,
    countingCents: standing.countingCents,
    allCents: standing.allCents,
    lineCount: lines.length,
  };
}

/** One line of the organization; another organization's is "not found". */
export async function getRevenueLine(db: Executor, organizationId: string, id: string) {
  const [line] = await db
    .select()
    .from(revenueLines)
    .where(and(eq(revenueLines.id, id), eq(revenueLines.organizationId, organizationId)));
  if (!line) throw new NotFoundError("revenue line");
  return line;
}

function referenceTaken(error: unknown): never {
  if (violatedUniqueConstraint(error) === "revenue_lines_organization_reference") {
    throw new ConflictError("reference taken", { messageKey: "revenue.errors.referenceTaken", field: "reference" });
  }
  throw error;
}

export async function createRevenueLine(db: Executor, { organizationId, actorId, tokenId }: Actor, input: RevenueLineInput) {
  return db
    .transaction(async (tx) => {
      const [line] = await tx
        .insert(revenueLines)
        .values({ organizationId, ...input, recordedBy: actorId })
        .returning();
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        actorTokenId: tokenId,
        action: "revenue_line.created",
        entityType: "revenue_line",
        entityId: line.id,
        after: line,
      });
      return line;
    })
    .catch(referenceTaken);
}

/** Applies the changes if the line is still at `version`: two admins never silently overwrite each other. */
export async function updateRevenueLine(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version, ...changes }: RevenueLineInput & { id: string; version: number },
) {
  return db
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(revenueLines)
        .where(and(eq(revenueLines.id, id), eq(revenueLines.organizationId, organizationId)))
        .for("update");
      if (!before) throw new NotFoundError("revenue line");
      if (before.version !== version) throw new ConflictError("stale revenue line", { messageKey: "errors.stale" });
      const product = productToStore(changes.product, before.product);
      const changed =
        product !== before.product ||
        (Object.keys(changes) as (keyof typeof changes)[]).some((key) => key !== "product" && changes[key] !== before[key]);
      const [after] = await tx
        .update(revenueLines)
        .set({
          ...changes,
          product,
          // A changed line is no longer what the program verified or rejected.
          ...(changed && { verificationStatus: "unverified", verificationReason: null, verifiedBy: null, verifiedAt: null }),
          version: version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(revenueLines.id, id), eq(revenueLines.organizationId, organizationId)))
        .returning();
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        actorTokenId: tokenId,
        action: "revenue_line.updated",
        entityType: "revenue_line",
        entityId: id,
        before,
        after,
      });
      return after;
    })
    .catch(referenceTaken);
}

export async function deleteRevenueLine(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version }: { id: string; version: number },
) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(revenueLines)
      .where(and(eq(revenueLines.id, id), eq(revenueLines.organizationId, organizationId), eq(revenueLines.version, version)))
      .returning();
    if (!deleted) {
      await getRevenueLine(tx, organizationId, id);
      throw new ConflictError("stale revenue line", { messageKey: "errors.stale" });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      actorTokenId: tokenId,
      action: "revenue_line.deleted",
      entityType: "revenue_line",
      entityId: id,
      before: deleted,
    });
    return deleted;
  });
}
