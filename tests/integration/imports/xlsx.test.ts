import "../auth/auth-secret";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/export/[table]/route";
import { people, revenueLines } from "@/db/schema";
import { importCsv as importAction, previewImport as previewAction } from "@/lib/actions/imports";
import { today } from "@/lib/clock";
import { importCsv, previewImport } from "@/lib/data/imports";
import { settle } from "../../support/action-outcome";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function xlsxUpload(table: string, bytes: Uint8Array, digest?: string): FormData {
  const data = new FormData();
  data.set("table", table);
  data.set("file", new File([bytes as BlobPart], `${table}.xlsx`, { type: xlsxType }));
  if (digest) data.set("digest", digest);
  return data;
}

describeOnEachDatabase("Excel import and export", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  const exported = async (table: string) => {
    const response = await runAs(world.users.admin, () =>
      exportRoute(new NextRequest(`http://portal.test/api/export/${table}?format=xlsx`), { params: Promise.resolve({ table }) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(xlsxType);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`filename="${table}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
    return new Uint8Array(await response.arrayBuffer());
  };

  it("exports typed cells: dates as dates, amounts as dollars with a currency format, codes and MCIDs as text", async () => {
    const sheet = await workbookOf(await exported("revenue"));
    expect(sheet.getRow(1).values).toEqual([undefined, "reference", "customer", "product", "amount_usd", "booked_on", "dpor"]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const northwind = rows.find((row) => row[1] === "CTS-INV-1001")!;
    expect(northwind[4]).toBe(60000);
    expect(northwind[5]).toBeInstanceOf(Date);
    expect(northwind[6]).toBe(true);
    const amountCell = sheet.getCell(`D${rows.indexOf(northwind) + 2}`);
    expect(amountCell.numFmt).toContain("$");

    const passes = await workbookOf(await exported("exam-passes"));
    const first = passes.getRow(2);
    expect(typeof first.getCell(1).value).toBe("string"); // the MCID, as text
    expect(first.getCell(2).value).toMatch(/^MB2-\d+$/);
    expect(first.getCell(3).value).toBeInstanceOf(Date);
  });

  it("re-imports every exported table with nothing changed", async () => {
    for (const table of ["people", "exam-passes", "revenue"] as const) {
      const bytes = await exported(table);
      const { plan } = await previewImport(world.db, world.contosoId, table, { xlsx: bytes });
      if (!plan.ok) throw new Error(`${table}: ${JSON.stringify(plan.problem)}`);
      expect(plan.problems, table).toEqual([]);
      expect(new Set(plan.rows.map((row) => row.status)), table).toEqual(new Set(["unchanged"]));
      const summary = await importCsv(
        world.db,
        { organizationId: world.contosoId, actorId: world.users.admin.id },
        table,
        { xlsx: bytes },
        plan.digest,
      );
      expect(summary.created + summary.updated, table).toBe(0);
    }
  });

  it("previews an edited workbook with each bad row at its row number, stores nothing, then imports it fixed, all or nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Revenue");
    sheet.addRow(["reference", "customer", "product", "amount_usd", "booked_on", "dpor"]);
    sheet.addRow(["XL-1", "Lucerne Publishing", "crm-online", 1500.25, new Date(`${today()}T00:00:00Z`), true]);
    sheet.addRow(["XL-2", "Margie's Travel", "d365-ce-plan-1", "a lot", new Date(`${today()}T00:00:00Z`), false]);
    sheet.addRow(["XL-3", "", "crm-online", 10, "2026-02-30", false]);
    const before = (await world.db.select({ n: count() }).from(revenueLines).where(eq(revenueLines.organizationId, world.contosoId)))[0].n;

    const preview = await settle(runAs(world.users.admin, () => previewAction(null, xlsxUpload("revenue", new Uint8Array(0)))));
    expect(preview).toMatchObject({ kind: "result", result: { ok: false } });

    const bytes = await toBytes(workbook);
    const refused = await settle(runAs(world.users.admin, () => previewAction(null, xlsxUpload("revenue", bytes))));
    if (refused.kind !== "result" || !refused.result.ok) throw new Error(JSON.stringify(refused));
    expect(refused.result.data.problems.map((problem) => problem.line)).toEqual([3, 4, 4]);
    expect(refused.result.data.problems[0].where).toContain("3");

    sheet.getCell("D3").value = 2500;
    sheet.getCell("B4").value = "Fabrikam Residences";
    sheet.getCell("E4").value = new Date(`${today()}T00:00:00Z`);
    const fixed = await toBytes(workbook);
    const good = await settle(runAs(world.users.admin, () => previewAction(null, xlsxUpload("revenue", fixed))));
    if (good.kind !== "result" || !good.result.ok) throw new Error(JSON.stringify(good));
    expect(good.result.data.problems).toEqual([]);
    const imported = await settle(
      runAs(world.users.admin, () => importAction(null, xlsxUpload("revenue", fixed, (good.result.ok && good.result.data.digest) || ""))),
    );
    expect(imported).toMatchObject({ kind: "result", result: { ok: true, data: { created: 3, updated: 0, unchanged: 0 } } });
    const [line] = await world.db.select().from(revenueLines).where(eq(revenueLines.reference, "XL-1"));
    expect(line).toMatchObject({ amountCents: 150_025, bookedOn: today(), dporAssociated: true, customerName: "Lucerne Publishing" });
    expect((await world.db.select({ n: count() }).from(revenueLines).where(eq(revenueLines.organizationId, world.contosoId)))[0].n).toBe(
      before + 3,
    );
  });

  it("refuses a file that is no workbook, or a sheet with the wrong columns, before reading a row", async () => {
    const notAWorkbook = await settle(
      runAs(world.users.admin, () => previewAction(null, xlsxUpload("people", new TextEncoder().encode("name,email\n")))),
    );
    expect(notAWorkbook).toMatchObject({
      kind: "result",
      result: { ok: false, fieldErrors: { file: [expect.stringContaining("not an Excel workbook")] } },
    });

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("People").addRow(["name", "e-mail", "mcid", "left_on"]);
    const before = (await world.db.select({ n: count() }).from(people)).at(0)!.n;
    const columns = await previewImport(world.db, world.contosoId, "people", { xlsx: await toBytes(workbook) });
    expect(columns.plan).toMatchObject({ ok: false, problem: { line: 1, reason: { key: "imports.errors.unknownColumns" } } });
    expect((await world.db.select({ n: count() }).from(people)).at(0)!.n).toBe(before);
  });
});
