import "../auth/auth-secret";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { examPasses, people, revenueLines } from "@/db/schema";
import { recordExamPass } from "@/lib/actions/exams";
import { importCsv as importAction, previewImport as previewAction } from "@/lib/actions/imports";
import { createPerson } from "@/lib/actions/people";
import { createRevenueLine } from "@/lib/actions/revenue";
import { listAuditEvents } from "@/lib/data/audit-log";
import { listPeople } from "@/lib/data/people";
import { auditFilter } from "@/lib/schemas/audit";
import { peopleQuery } from "@/lib/schemas/people";
import { runAs } from "../../support/request-context";
import { upload } from "../../support/upload";
import { formData as form } from "../../support/form-data";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

const nul = "\u0000";

describeOnEachDatabase("bad input", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  const countOf = async (table: typeof examPasses | typeof people | typeof revenueLines) =>
    (await database().db.select({ n: count() }).from(table).where(eq(table.organizationId, world.contosoId)))[0].n;

  describe("in a form", () => {
    it("names the field holding a NUL, in the user's language, and stores nothing", async () => {
      const before = await countOf(people);
      const english = await runAs(world.users.admin, () => createPerson(null, form({ name: `Ana${nul}Lee`, email: "", mcid: "" })));
      expect(english).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { name: ["Remove the control character (such as NUL) from this field."] },
      });
      const french = await runAs(world.users.admin, () => createPerson(null, form({ name: "Ana\u0007Lee", email: "", mcid: "" })), {
        locale: "fr",
      });
      expect(french).toMatchObject({ fieldErrors: { name: ["Retirez le caractère de contrôle (tel que NUL) de ce champ."] } });
      expect(await countOf(people)).toBe(before);
    });

    it("refuses a revenue line whose reference or customer holds a control character", async () => {
      const before = await countOf(revenueLines);
      const result = await runAs(world.users.admin, () =>
        createRevenueLine(
          null,
          form({
            reference: `INV${nul}1`,
            customerName: "Tab\tTraders",
            product: "d365-ce-plan-1",
            amount: "1,000.00",
            amountFormat: "en",
            bookedOn: "2026-06-01",
          }),
        ),
      );
      expect(result).toMatchObject({ ok: false, error: "invalid" });
      expect(Object.keys((!result.ok && result.fieldErrors) || {}).sort()).toEqual(["customerName", "reference"]);
      expect(await countOf(revenueLines)).toBe(before);
    });

    it("refuses a date before 1900 or after 9999 with a sentence, not a database error", async () => {
      const before = await countOf(examPasses);
      const [someone] = await database().db.select().from(people).where(eq(people.organizationId, world.contosoId)).limit(1);
      for (const passedOn of ["0000-01-01", "1899-12-31"]) {
        const result = await runAs(world.users.admin, () =>
          recordExamPass(null, form({ personId: someone.id, code: "MB2-717", passedOn, certificationRef: "" })),
        );
        expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { passedOn: ["Enter a date between 1900 and 9999."] } });
      }
      const person = await runAs(world.users.admin, () =>
        createPerson(null, form({ name: "Old Timer", email: "", mcid: "", leftOn: "0000-02-01" })),
      );
      expect(person).toMatchObject({ ok: false, fieldErrors: { leftOn: ["Enter a date between 1900 and 9999."] } });
      expect(await countOf(examPasses)).toBe(before);
    });
  });

  describe("in a URL", () => {
    it("ignores a search or audit filter holding a NUL, and the query runs", async () => {
      const query = peopleQuery.parse({ q: `a${nul}` });
      expect(query.q).toBe("");
      const listed = await listPeople(database().db, world.contosoId, query);
      expect(listed.total).toBeGreaterThan(0);

      const filter = auditFilter.parse({ action: nul, entity: `person${nul}`, from: "0000-01-01" });
      expect(filter).toMatchObject({ action: undefined, entity: undefined, from: undefined });
      await expect(listAuditEvents(database().db, { organizationId: world.contosoId }, filter)).resolves.toBeDefined();
    });
  });

  describe("in a CSV file", () => {
    it("names the line and column of a NUL in the preview, and the import writes nothing", async () => {
      const text = ["name,email,mcid,left_on", "Nina Null,,10459001,", `Bad${nul}Name,,10459002,`, "Ada Ancient,,10459003,0000-01-01"].join(
        "\n",
      );
      const before = await countOf(people);
      const preview = await runAs(world.users.admin, () => previewAction(null, upload("people", text)));
      expect(preview.ok).toBe(true);
      const data = (preview as { data: { digest: string | null; problems: { line: number; column: string | null; message: string }[] } })
        .data;
      expect(data.problems).toMatchObject([
        { line: 3, column: "name", message: "Remove the control character (such as NUL) from this field." },
        { line: 4, column: "left_on", message: "Enter a date between 1900 and 9999." },
      ]);
      expect(data.digest).toBeNull();
      const imported = await runAs(world.users.admin, () => importAction(null, upload("people", text, "0".repeat(64))));
      expect(imported).toMatchObject({ ok: false, error: "invalid" });
      expect(await countOf(people)).toBe(before);
    });

    it("quotes at most 10 unknown columns, each cut short, and says how many more", async () => {
      const columns = Array.from({ length: 100_000 }, (_, index) => `extra_${index}`);
      const header = ["x".repeat(500), ...columns, "name", "email", "mcid", "left_on"].join(",");
      const preview = await runAs(world.users.admin, () => previewAction(null, upload("people", `${header}\n`)));
      if (preview.ok) throw new Error("a header of unknown columns was accepted");
      const [message] = preview.fieldErrors?.file ?? [];
      expect(message).toBe(
        `Unknown columns: ${"x".repeat(40)}…, ${columns.slice(0, 9).join(", ")} and 99,991 more. The first line must name the columns name,email,mcid,left_on.`,
      );
      expect(message.length).toBeLessThan(400);
    });
  });
});
