import "../auth/auth-secret";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, examPasses, organizations, people, revenueLines } from "@/db/schema";
import { importCsv as importAction, previewImport as previewAction } from "@/lib/actions/imports";
import type { ImportTableName } from "@/lib/csv/table";
import { ConflictError } from "@/lib/data/errors";
import { csvExport } from "@/lib/data/exports";
import { importCsv, InvalidImportError, previewImport } from "@/lib/data/imports";
import { settle } from "../../support/action-outcome";
import { runAs } from "../../support/request-context";
import { upload } from "../../support/upload";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

const passesHeader = "mcid,exam_code,passed_on,certification_ref";

/** Fabrikam's demo people: Frank (20872001) and Gina (20872002). */
const fabrikamPasses = [passesHeader, "20872001,MB2-710,2026-06-01,TR-F-710", "20872002,MB2-716,2026-06-02,"].join("\n");

async function plan(db: DemoWorld["db"], organizationId: string, table: ImportTableName, text: string) {
  const { plan: planned } = await previewImport(db, organizationId, table, text);
  if (!planned.ok) throw new Error(`the file could not be read: ${JSON.stringify(planned.problem)}`);
  return planned;
}

describeOnEachDatabase("CSV import", (database) => {
  let world: DemoWorld;
  let fabrikam: { organizationId: string; actorId: string };

  beforeAll(async () => {
    world = await demoWorld(database());
    fabrikam = { organizationId: world.fabrikamId, actorId: world.users.otherAdmin.id };
  });

  const countOf = async (table: typeof examPasses | typeof people | typeof revenueLines, organizationId: string) =>
    (await database().db.select({ n: count() }).from(table).where(eq(table.organizationId, organizationId)))[0].n;

  it("previews each row as it will be stored and each bad row with its line and reason, storing nothing", async () => {
    const text = `${fabrikamPasses}\n20872001,MB2-999,2026-06-03,\n99999999,MB2-712,2999-01-01,\n`;
    const before = await countOf(examPasses, fabrikam.organizationId);
    const planned = await plan(world.db, fabrikam.organizationId, "exam-passes", text);
    expect(planned.rows.map(({ line, status }) => [line, status])).toEqual([
      [2, "new"],
      [3, "new"],
    ]);
    expect(planned.problems.map(({ line, column }) => [line, column])).toEqual([
      [4, "exam_code"],
      [5, "mcid"],
      [5, "passed_on"],
    ]);
    expect(await countOf(examPasses, fabrikam.organizationId)).toBe(before);
  });

  it("stores nothing of a file with one bad row", async () => {
    const { db } = database();
    const text = `${fabrikamPasses}\n20872001,MB2-999,2026-06-03,\n`;
    const planned = await plan(db, fabrikam.organizationId, "exam-passes", text);
    const before = await countOf(examPasses, fabrikam.organizationId);
    await expect(importCsv(db, fabrikam, "exam-passes", text, planned.digest)).rejects.toBeInstanceOf(InvalidImportError);
    expect(await countOf(examPasses, fabrikam.organizationId)).toBe(before);
  });

  it("imports a good file in one go, and changes nothing when the same file comes again", async () => {
    const { db } = database();
    const first = await plan(db, fabrikam.organizationId, "exam-passes", fabrikamPasses);
    expect(await importCsv(db, fabrikam, "exam-passes", fabrikamPasses, first.digest)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const stored = await db.select().from(examPasses).where(eq(examPasses.organizationId, fabrikam.organizationId));
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "import.applied"), eq(auditEvents.organizationId, fabrikam.organizationId)));
    expect(events).toHaveLength(1);

    const again = await plan(db, fabrikam.organizationId, "exam-passes", fabrikamPasses);
    expect(again.rows.map((row) => row.status)).toEqual(["unchanged", "unchanged"]);
    expect(await importCsv(db, fabrikam, "exam-passes", fabrikamPasses, again.digest)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.select().from(examPasses).where(eq(examPasses.organizationId, fabrikam.organizationId))).toEqual(stored);
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "import.applied"), eq(auditEvents.organizationId, fabrikam.organizationId))),
    ).toHaveLength(1);
  });

  it("updates only the rows that differ, at the version it read, and says which columns change", async () => {
    const { db } = database();
    const edited = fabrikamPasses.replace("TR-F-710", "TR-F-710-B");
    const planned = await plan(db, fabrikam.organizationId, "exam-passes", edited);
    expect(planned.rows.map(({ status, changed }) => [status, changed])).toEqual([
      ["changed", ["certification_ref"]],
      ["unchanged", []],
    ]);
    expect(await importCsv(db, fabrikam, "exam-passes", edited, planned.digest)).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const [pass] = await db.select().from(examPasses).where(eq(examPasses.certificationRef, "TR-F-710-B"));
    expect(pass.version).toBe(2);
  });

  it("imports nothing when the data changed since the preview", async () => {
    const { db } = database();
    const text = "reference,customer,product,amount_usd,booked_on,dpor\nFAB-3001,Coho Winery,crm-online,1000.00,2026-10-01,true\n";
    const planned = await plan(db, fabrikam.organizationId, "revenue", text);
    const [frank] = await db.select().from(people).where(eq(people.mcid, "20872001"));
    const otherDigest = (await plan(db, fabrikam.organizationId, "people", `name,email,mcid,left_on\nFrank Miller,,${frank.mcid},\n`))
      .digest;
    await expect(importCsv(db, fabrikam, "revenue", text, otherDigest)).rejects.toBeInstanceOf(ConflictError);
    await db.insert(revenueLines).values({
      organizationId: fabrikam.organizationId,
      reference: "FAB-3001",
      customerName: "Coho Winery",
      product: "crm-online",
      amountCents: 99,
      bookedOn: "2026-10-01",
      dporAssociated: true,
    });
    await expect(importCsv(db, fabrikam, "revenue", text, planned.digest)).rejects.toMatchObject({
      details: { messageKey: "imports.errors.changedSincePreview" },
    });
    expect((await db.select().from(revenueLines).where(eq(revenueLines.reference, "FAB-3001")))[0].amountCents).toBe(99);
  });

  it("never reaches another organization's people: Contoso's MCIDs are unknown to Fabrikam", async () => {
    const { db } = database();
    const planned = await plan(db, fabrikam.organizationId, "exam-passes", `${passesHeader}\n10451001,MB2-712,2026-06-01,\n`);
    expect(planned.problems).toMatchObject([{ line: 2, column: "mcid", reason: { key: "imports.errors.unknownMcid" } }]);
  });

  it("re-imports each export unchanged, and into another organization as new rows", async () => {
    const { db } = database();
    for (const table of ["people", "exam-passes", "revenue"] as const) {
      const text = await csvExport(db, world.contosoId, table, "2026-11-25");
      const same = await plan(db, world.contosoId, table, text);
      expect(same.problems, table).toEqual([]);
      expect(new Set(same.rows.map((row) => row.status)), table).toEqual(new Set(["unchanged"]));
    }
    const contosoPeople = await csvExport(db, world.contosoId, "people", "2026-11-25");
    const elsewhere = await plan(db, fabrikam.organizationId, "people", contosoPeople);
    expect(new Set(elsewhere.rows.map((row) => row.status))).toEqual(new Set(["new"]));
  });

  describe("through the actions", () => {
    it("previews in the admin's language, then imports what was previewed", async () => {
      const text = `${passesHeader}\n20872002,MB2-717,2026-07-01,\n20872002,MB2-999,2026-07-02,\n`;
      const preview = await runAs(world.users.otherAdmin, () => previewAction(null, upload("exam-passes", text)), { locale: "fr" });
      if (!preview.ok) throw new Error(preview.message);
      expect(preview.data).toMatchObject({
        digest: null,
        counts: { new: 1, changed: 0, unchanged: 0, invalid: 1 },
        problems: [{ line: 3, where: "Ligne 3, exam_code", message: "Cet examen ne fait pas partie de la compétence Cloud CRM." }],
      });
      const fixed = text.replace("MB2-999", "MB2-712");
      const good = await runAs(world.users.otherAdmin, () => previewAction(null, upload("exam-passes", fixed)));
      const data = good.ok ? good.data : null;
      expect(data?.rows.map((row) => row.cells)).toEqual([
        ["20872002", "MB2-717", "Jul 1, 2026", "—"],
        ["20872002", "MB2-712", "Jul 2, 2026", "—"],
      ]);
      const imported = await runAs(world.users.otherAdmin, () => importAction(null, upload("exam-passes", fixed, data?.digest ?? "")));
      expect(imported).toMatchObject({
        ok: true,
        data: { created: 2, updated: 0, unchanged: 0, notice: "Import complete: 2 rows added, 0 updated, 0 unchanged." },
      });
    });

    it("refuse a file with bad rows, whatever digest comes with it", async () => {
      const text = `${passesHeader}\n20872002,MB2-999,2026-07-02,\n`;
      const digest = (await plan(world.db, fabrikam.organizationId, "exam-passes", text)).digest;
      const result = await runAs(world.users.otherAdmin, () => importAction(null, upload("exam-passes", text, digest)));
      expect(result).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { file: ["1 problem must be fixed before anything is imported. Preview the file again."] },
      });
    });

    it("say what is wrong with a file that is not this table's CSV", async () => {
      const wrongColumns = await runAs(world.users.otherAdmin, () => previewAction(null, upload("revenue", "ref,amount\nX,1\n")));
      expect(wrongColumns).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { file: [expect.stringContaining("Unknown columns: ref, amount")] },
      });
      const latin1 = new FormData();
      latin1.set("table", "people");
      latin1.set("file", new File([new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9])], "people.csv"));
      expect(await runAs(world.users.otherAdmin, () => previewAction(null, latin1))).toMatchObject({
        ok: false,
        fieldErrors: { file: [expect.stringContaining("not in UTF-8")] },
      });
      // Files of another kind are named for what they are, whatever their name says.
      const named = async (bytes: number[], name: string) => {
        const file = new FormData();
        file.set("table", "people");
        file.set("file", new File([new Uint8Array([...bytes, 0x0a, 0x00, 0x00, 0x0d, 0x49, 0x48])], name));
        return runAs(world.users.otherAdmin, () => previewAction(null, file));
      };
      for (const [signature, name] of [
        [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a], "people.png"],
        [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], "people.pdf"],
      ] as const) {
        expect(await named([...signature], name)).toMatchObject({
          fieldErrors: { file: [expect.stringContaining("neither a CSV file nor an Excel workbook")] },
        });
      }
      expect(await named([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "people.xls")).toMatchObject({
        fieldErrors: { file: [expect.stringContaining("Excel 97–2003 workbook (.xls)")] },
      });
      expect(await named([0x50, 0x4b, 0x03, 0x04], "people.csv")).toMatchObject({
        fieldErrors: { file: [expect.stringContaining("not an Excel workbook (.xlsx) that can be read")] },
      });
    });

    it("are for partner admins only", async () => {
      for (const user of [world.users.employee, world.users.reviewer]) {
        expect(await runAs(user, () => previewAction(null, upload("exam-passes", fabrikamPasses)))).toMatchObject({
          ok: false,
          error: "forbidden",
        });
      }
      expect(await runAs(null, () => settle(previewAction(null, upload("exam-passes", fabrikamPasses))))).toMatchObject({
        result: { error: "unauthenticated" },
      });
    });
  });

  it("imports 50,000 revenue lines in one transaction, 1,000 per statement", async () => {
    const { db } = database();
    const [organization] = await db.insert(organizations).values({ name: "Large Org", mpnId: "9990001", market: "developed" }).returning();
    const actor = { organizationId: organization.id, actorId: world.users.admin.id };
    const rows = Array.from({ length: 50_000 }, (_, index) => {
      const day = String((index % 28) + 1).padStart(2, "0");
      return `INV-${String(index).padStart(6, "0")},Customer ${index % 997},${index % 3 ? "crm-online" : "other"},${index % 7 ? "" : "-"}${(index * 37) % 100_000}.${String(index % 100).padStart(2, "0")},2026-${String((index % 10) + 1).padStart(2, "0")}-${day},${index % 2 === 0}`;
    });
    const text = ["reference,customer,product,amount_usd,booked_on,dpor", ...rows].join("\n");

    const previewStarted = performance.now();
    const planned = await plan(db, organization.id, "revenue", text);
    const previewMs = performance.now() - previewStarted;
    expect(planned.problems).toEqual([]);

    const importStarted = performance.now();
    const statements = await database().recordQueries(async () => {
      expect(await importCsv(db, actor, "revenue", text, planned.digest)).toEqual({ created: 50_000, updated: 0, unchanged: 0 });
    });
    const importMs = performance.now() - importStarted;
    console.log(`[${database().kind}] 50,000 revenue lines: preview ${Math.round(previewMs)} ms, import ${Math.round(importMs)} ms`);

    expect(statements.filter((statement) => /^insert into "revenue_lines"/i.test(statement))).toHaveLength(50);
    expect(await countOf(revenueLines, organization.id)).toBe(50_000);
    const again = await plan(db, organization.id, "revenue", text);
    expect(again.rows.every((row) => row.status === "unchanged")).toBe(true);
  }, 300_000);
});
