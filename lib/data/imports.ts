import "server-only";
import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, organizations, people, revenueLines } from "@/db/schema";
import { IMPORT_BATCH_ROWS } from "@/lib/csv/limits";
import { createHash } from "node:crypto";
import { planImport, type ImportFile, type ImportPlan, type PlannedRow, type TablePlan } from "@/lib/csv/plan";
import { readXlsx } from "@/lib/csv/xlsx";
import type { ImportTableName } from "@/lib/csv/table";
import { examPassInputFor } from "@/lib/schemas/exams";
import { publishedProgram } from "./program";
import { examPassesTable, type ExamPassRow, type StoredExamPass } from "@/lib/csv/tables/exam-passes";
import { peopleTable, type PersonRow, type StoredPerson } from "@/lib/csv/tables/people";
import { revenueTable, type StoredRevenueLine } from "@/lib/csv/tables/revenue";
import { productToStore, type RevenueLineInput } from "@/lib/schemas/revenue";
import { recordAudit } from "./audit";
import { storedExamPasses, storedPeople, storedRevenueLines } from "./csv-rows";
import { ConflictError } from "./errors";

interface Actor {
  organizationId: string;
  actorId: string;
}

// A type, not an interface, so that it can be handed to a translation as its values.
export type ImportSummary = {
  created: number;
  updated: number;
  unchanged: number;
};

/** The file has bad rows (or is no CSV of this table): nothing of it may be stored. */
export class InvalidImportError extends Error {
  constructor(readonly problems: number) {
    super(`the file has ${problems} problem(s)`);
    this.name = "InvalidImportError";
  }
}

/** An uploaded file: the text of a CSV file, or the bytes of an Excel workbook (.xlsx). */
export type ImportSource = string | { xlsx: Uint8Array };

const columnsOf = { people: peopleTable.columns, "exam-passes": examPassesTable.columns, revenue: revenueTable.columns } as const;

async function importFile(table: ImportTableName, source: ImportSource): Promise<ImportFile> {
  if (typeof source === "string") return source;
  return {
    reading: await readXlsx(source.xlsx, columnsOf[table]),
    fingerprint: createHash("sha256").update(source.xlsx).digest("hex"),
  };
}

/** What importing the file would do to the organization's rows: the preview, and the plan an import carries out. */
export async function previewImport(
  db: Executor,
  organizationId: string,
  table: ImportTableName,
  source: ImportSource,
): Promise<TablePlan> {
  const file = await importFile(table, source);
  switch (table) {
    case "people":
      return { table, plan: planImport(peopleTable, file, await storedPeople(db, organizationId), null) };
    case "exam-passes": {
      const [stored, keyed] = await Promise.all([
        storedExamPasses(db, organizationId),
        db
          .select({ id: people.id, mcid: people.mcid })
          .from(people)
          .where(and(eq(people.organizationId, organizationId), isNotNull(people.mcid))),
      ]);
      const personIdByMcid = new Map(keyed.map((person) => [person.mcid ?? "", person.id]));
      const examPassInput = examPassInputFor((await publishedProgram(db)).program);
      return { table, plan: planImport(examPassesTable, file, stored, { personIdByMcid, examPassInput }) };
    }
    case "revenue":
      return { table, plan: planImport(revenueTable, file, await storedRevenueLines(db, organizationId), null) };
  }
}

/**
 * Imports the file all or nothing, in one transaction, if it still does what the preview
 * with `digest` said: new rows are inserted and changed rows updated (each at the version
 * the plan read) 1,000 per statement; unchanged rows are not touched, so importing the same
 * file again changes nothing.
 */
export async function importCsv(
  db: Executor,
  actor: Actor,
  table: ImportTableName,
  source: ImportSource,
  digest: string,
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    // One import per organization at a time; ordinary writes (which take KEY SHARE) go on.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, actor.organizationId)).for("no key update");
    const rows = await writePlan(tx, actor, await previewImport(tx, actor.organizationId, table, source), digest);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) counts[row.status === "new" ? "created" : row.status === "changed" ? "updated" : "unchanged"]++;
    if (counts.created + counts.updated > 0) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.actorId,
        action: "import.applied",
        entityType: table,
        before: { updated: rows.filter((row) => row.status === "changed").map((row) => row.stored) },
        after: { digest, ...counts },
      });
    }
    return counts;
  });
}

/** The plan's rows, if the file has no problem and still does what the previewed one did. */
function accepted<R, S>(plan: ImportPlan<R, S>, digest: string): PlannedRow<R, S>[] {
  if (!plan.ok) throw new InvalidImportError(1);
  if (plan.problems.length > 0) throw new InvalidImportError(plan.problems.length);
  if (plan.digest !== digest)
    throw new ConflictError("import differs from its preview", { messageKey: "imports.errors.changedSincePreview" });
  return plan.rows;
}

async function writePlan(tx: Executor, actor: Actor, planned: TablePlan, digest: string): Promise<readonly PlannedRow<unknown, unknown>[]> {
  switch (planned.table) {
    case "people": {
      const rows = accepted(planned.plan, digest);
      await writePeople(tx, actor, rows);
      return rows;
    }
    case "exam-passes": {
      const rows = accepted(planned.plan, digest);
      await writeExamPasses(tx, actor, rows);
      return rows;
    }
    case "revenue": {
      const rows = accepted(planned.plan, digest);
      await writeRevenueLines(tx, actor, rows);
      return rows;
    }
  }
}

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += IMPORT_BATCH_ROWS) await write(items.slice(start, start + IMPORT_BATCH_ROWS));
}

/** `(values (…), …) as v(columns)`: the rows an UPDATE … FROM matches by id. */
function valuesTable(columns: readonly string[], rows: readonly SQL[][]): SQL {
  const tuples = sql.join(
    rows.map((row) => sql`(${sql.join(row, sql`, `)})`),
    sql`, `,
  );
  return sql`(values ${tuples}) as v(${sql.raw(columns.join(", "))})`;
}

/** An update that matched fewer rows than planned met a row changed since the plan read it. */
function requireAllUpdated(updated: readonly unknown[], planned: readonly unknown[]): void {
  if (updated.length !== planned.length)
    throw new ConflictError("rows changed during the import", { messageKey: "imports.errors.changedSincePreview" });
}

const byStatus = <R, S>(rows: readonly PlannedRow<R, S>[], status: "new" | "changed") => rows.filter((row) => row.status === status);

/** The stored row of a "changed" row: the plan always has one. */
function storedOf<R, S>(row: PlannedRow<R, S>): S {
  if (row.stored === null) throw new Error(`line ${row.line} is planned as changed but matches no stored row`);
  return row.stored;
}

async function writePeople(tx: Executor, { organizationId }: Actor, rows: readonly PlannedRow<PersonRow, StoredPerson>[]) {
  await inBatches(byStatus(rows, "new"), async (batch) => {
    await tx.insert(people).values(batch.map(({ row }) => ({ organizationId, ...row })));
  });
  await inBatches(byStatus(rows, "changed"), async (batch) => {
    const values = batch.map((planned) => {
      const { id, version } = storedOf(planned);
      const { name, email, leftOn } = planned.row;
      return [sql`${id}::uuid`, sql`${version}::int`, sql`${name}::text`, sql`${email}::text`, sql`${leftOn}::date`];
    });
    // eslint-disable-next-line drizzle/enforce-update-with-where -- its where follows from()
    const updated = await tx
      .update(people)
      .set({ name: sql`v.name`, email: sql`v.email`, leftOn: sql`v.left_on`, version: sql`${people.version} + 1`, updatedAt: new Date() })
      .from(valuesTable(["id", "version", "name", "email", "left_on"], values))
      .where(and(eq(people.organizationId, organizationId), sql`${people.id} = v.id`, sql`${people.version} = v.version`))
      .returning({ id: people.id });
    requireAllUpdated(updated, batch);
  });
}

async function writeExamPasses(tx: Executor, { organizationId, actorId }: Actor, rows: readonly PlannedRow<ExamPassRow, StoredExamPass>[]) {
  await inBatches(byStatus(rows, "new"), async (batch) => {
    await tx.insert(examPasses).values(
      batch.map(({ row }) => ({
        organizationId,
        personId: row.personId,
        examCode: row.code,
        passedOn: row.passedOn,
        certificationRef: row.certificationRef,
        recordedBy: actorId,
      })),
    );
  });
  await inBatches(byStatus(rows, "changed"), async (batch) => {
    const values = batch.map((planned) => {
      const { id, version } = storedOf(planned);
      return [sql`${id}::uuid`, sql`${version}::int`, sql`${planned.row.certificationRef}::text`];
    });
    // eslint-disable-next-line drizzle/enforce-update-with-where -- its where follows from()
    const updated = await tx
      .update(examPasses)
      .set({ certificationRef: sql`v.certification_ref`, version: sql`${examPasses.version} + 1`, updatedAt: new Date() })
      .from(valuesTable(["id", "version", "certification_ref"], values))
      .where(and(eq(examPasses.organizationId, organizationId), sql`${examPasses.id} = v.id`, sql`${examPasses.version} = v.version`))
      .returning({ id: examPasses.id });
    requireAllUpdated(updated, batch);
  });
}

async function writeRevenueLines(
  tx: Executor,
  { organizationId, actorId }: Actor,
  rows: readonly PlannedRow<RevenueLineInput, StoredRevenueLine>[],
) {
  await inBatches(byStatus(rows, "new"), async (batch) => {
    await tx.insert(revenueLines).values(batch.map(({ row }) => ({ organizationId, ...row, recordedBy: actorId })));
  });
  await inBatches(byStatus(rows, "changed"), async (batch) => {
    const values = batch.map((planned) => {
      const { id, version, product } = storedOf(planned);
      const { row } = planned;
      return [
        sql`${id}::uuid`,
        sql`${version}::int`,
        sql`${row.customerName}::text`,
        sql`${productToStore(row.product, product)}::text`,
        sql`${row.amountCents}::bigint`,
        sql`${row.bookedOn}::date`,
        sql`${row.dporAssociated}::boolean`,
      ];
    });
    // eslint-disable-next-line drizzle/enforce-update-with-where -- its where follows from()
    const updated = await tx
      .update(revenueLines)
      .set({
        customerName: sql`v.customer_name`,
        product: sql`v.product`,
        amountCents: sql`v.amount_cents`,
        bookedOn: sql`v.booked_on`,
        dporAssociated: sql`v.dpor_associated`,
        // Only changed rows are updated: what the program judged is no longer what the line says.
        verificationStatus: "unverified",
        verificationReason: null,
        verifiedBy: null,
        verifiedAt: null,
        version: sql`${revenueLines.version} + 1`,
        updatedAt: new Date(),
      })
      .from(valuesTable(["id", "version", "customer_name", "product", "amount_cents", "booked_on", "dpor_associated"], values))
      .where(and(eq(revenueLines.organizationId, organizationId), sql`${revenueLines.id} = v.id`, sql`${revenueLines.version} = v.version`))
      .returning({ id: revenueLines.id });
    requireAllUpdated(updated, batch);
  });
}
