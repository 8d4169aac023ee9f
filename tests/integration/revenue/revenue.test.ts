import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, revenueLines } from "@/db/schema";
import {
  createRevenueLine as createAction,
  deleteRevenueLine as deleteAction,
  updateRevenueLine as updateAction,
} from "@/lib/actions/revenue";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { loadOrganizationEvidence } from "@/lib/data/evidence";
import { createRevenueLine, deleteRevenueLine, getRevenueLine, listRevenue, updateRevenueLine } from "@/lib/data/revenue";
import { addDays, evaluate, sameDateYearsLater } from "@/lib/rules";
import { revenueLineInput, revenueQuery } from "@/lib/schemas/revenue";
import { settle } from "../../support/action-outcome";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDay } from "../support/clock";
import { describeOnEachDatabase } from "../support/database";
import { formData as form } from "../../support/form-data";

describeOnEachDay("revenue lines", (today) => {
  const line = (reference: string, amount = "1,234.56") =>
    revenueLineInput.parse({
      reference,
      customerName: "Northwind Traders",
      product: "crm-online",
      amount,
      amountFormat: "en",
      bookedOn: addDays(today, -55),
      dporAssociated: true,
    });

  describeOnEachDatabase("revenue lines", (database) => {
    let world: DemoWorld;
    let contoso: { organizationId: string; actorId: string };
    let fabrikam: { organizationId: string; actorId: string };

    beforeAll(async () => {
      world = await demoWorld(database());
      contoso = { organizationId: world.contosoId, actorId: world.users.admin.id };
      fabrikam = { organizationId: world.fabrikamId, actorId: world.users.otherAdmin.id };
    });

    const stored = async (reference: string, organizationId = contoso.organizationId) =>
      (
        await database()
          .db.select()
          .from(revenueLines)
          .where(and(eq(revenueLines.reference, reference), eq(revenueLines.organizationId, organizationId)))
      )[0];

    describe("the data functions", () => {
      it("total the window as the rules library does, list every line, and filter by window and text", async () => {
        const { db } = database();
        const evidence = await loadOrganizationEvidence(db, contoso.organizationId, today);
        const all = await listRevenue(db, contoso.organizationId, revenueQuery.parse({}), today);
        expect(all.countingCents).toBe(evaluate(evidence.input).revenue.totalUsd * 100);
        expect(all.countingCents).toBe(14_000_000);
        expect(all.allCents).toBe(22_200_000);
        expect(all.window).toEqual({ start: addDays(sameDateYearsLater(today, -1), 1), end: today });
        expect(all.total).toBe(6);
        expect(all.rows.find((row) => row.reference === "CTS-INV-1004")?.standing).toEqual({ inWindow: true, exclusion: "not-dpor" });

        const inWindow = await listRevenue(db, contoso.organizationId, revenueQuery.parse({ scope: "window" }), today);
        expect(inWindow.rows.map((row) => row.reference)).not.toContain("CTS-INV-0907");
        expect(inWindow.total).toBe(5);
        const search = await listRevenue(db, contoso.organizationId, revenueQuery.parse({ q: "NORTHWIND" }), today);
        expect(search.rows.map((row) => row.reference)).toEqual(["CTS-INV-1001"]);
        expect(search.countingCents).toBe(14_000_000);
      });

      it("book a line in integer cents, audited in the same transaction", async () => {
        const { db } = database();
        const created = await createRevenueLine(db, contoso, line("DATA-1", "1,234.56"));
        expect(created).toMatchObject({ amountCents: 123_456, version: 1, verificationStatus: "unverified", recordedBy: contoso.actorId });
        const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
        expect(events.map((event) => event.action)).toEqual(["revenue_line.created"]);
      });

      it("refuse a second line with the same reference in one organization, but not in another", async () => {
        const { db } = database();
        const again = createRevenueLine(db, contoso, line("DATA-1"));
        await expect(again).rejects.toBeInstanceOf(ConflictError);
        await expect(again).rejects.toMatchObject({ details: { field: "reference", messageKey: "revenue.errors.referenceTaken" } });
        await expect(createRevenueLine(db, fabrikam, line("DATA-1"))).resolves.toMatchObject({ organizationId: fabrikam.organizationId });
      });

      it("update a line only at the version it was read at", async () => {
        const { db } = database();
        const before = await stored("DATA-1");
        const after = await updateRevenueLine(db, contoso, { ...line("DATA-1", "-50.00"), id: before.id, version: before.version });
        expect(after).toMatchObject({ amountCents: -5_000, version: before.version + 1 });
        const stale = updateRevenueLine(db, contoso, { ...line("DATA-1", "1.00"), id: before.id, version: before.version });
        await expect(stale).rejects.toMatchObject({ name: "ConflictError", details: { messageKey: "errors.stale" } });
        expect(await stored("DATA-1")).toMatchObject({ amountCents: -5_000, version: before.version + 1 });
      });

      it("keep a product outside the list when the line is saved as other", async () => {
        const { db } = database();
        const coffee = await stored("CTS-INV-1005");
        expect(coffee.product).toBe("office-365");
        const input = revenueLineInput.parse({
          reference: coffee.reference,
          customerName: "Fourth Coffee Ltd",
          product: "other",
          amount: "12000",
          amountFormat: "en",
          bookedOn: coffee.bookedOn,
          dporAssociated: true,
        });
        expect(await updateRevenueLine(db, contoso, { ...input, id: coffee.id, version: coffee.version })).toMatchObject({
          product: "office-365",
          customerName: "Fourth Coffee Ltd",
        });
      });

      it("never read, change or delete another organization's line", async () => {
        const { db } = database();
        const target = await stored("DATA-1");
        await expect(getRevenueLine(db, fabrikam.organizationId, target.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          updateRevenueLine(db, fabrikam, { ...line("DATA-1", "9.99"), id: target.id, version: target.version }),
        ).rejects.toBeInstanceOf(NotFoundError);
        await expect(deleteRevenueLine(db, fabrikam, { id: target.id, version: target.version })).rejects.toBeInstanceOf(NotFoundError);
        expect(await stored("DATA-1")).toEqual(target);
      });

      it("delete a line only at the version shown, audited", async () => {
        const { db } = database();
        const target = await stored("DATA-1");
        await expect(deleteRevenueLine(db, contoso, { id: target.id, version: target.version - 1 })).rejects.toBeInstanceOf(ConflictError);
        await deleteRevenueLine(db, contoso, { id: target.id, version: target.version });
        expect(await stored("DATA-1")).toBeUndefined();
        const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, target.id));
        expect(events.map((event) => event.action)).toEqual(["revenue_line.created", "revenue_line.updated", "revenue_line.deleted"]);
      });
    });

    describe("the actions", () => {
      const fields = {
        reference: "ACT-1",
        customerName: "Adventure Works",
        product: "d365-ce-plan-1",
        amount: "1 234,56",
        amountFormat: "fr",
        bookedOn: addDays(today, -23),
        dporAssociated: "on",
      };

      it("let a French admin book a line typed the French way, stored in cents", async () => {
        const settled = await runAs(world.users.admin, () => settle(createAction(null, form(fields))), { locale: "fr" });
        expect(settled).toEqual({ kind: "redirect", url: "/revenue?q=ACT-1&added=ACT-1" });
        expect(await stored("ACT-1")).toMatchObject({ amountCents: 123_456, dporAssociated: true, product: "d365-ce-plan-1" });
      });

      it("say what is wrong on the field, keep what was typed, and store nothing", async () => {
        const result = await runAs(
          world.users.admin,
          () => createAction(null, form({ ...fields, reference: "ACT-2", amount: "1.234,56" })),
          { locale: "fr" },
        );
        expect(result).toMatchObject({
          ok: false,
          error: "invalid",
          fieldErrors: { amount: ["Saisissez un montant en dollars, par exemple 1 234,56 ou -50,00."] },
          values: { amount: "1.234,56", reference: "ACT-2" },
        });
        expect(await stored("ACT-2")).toBeUndefined();
      });

      it("put a duplicate reference's message on the reference field", async () => {
        const result = await runAs(world.users.admin, () => createAction(null, form(fields)));
        expect(result).toMatchObject({
          ok: false,
          error: "conflict",
          fieldErrors: { reference: ["Another line of your organization has this reference."] },
        });
      });

      it("are for partner admins: an employee reads but does not write", async () => {
        const result = await runAs(world.users.employee, () => createAction(null, form({ ...fields, reference: "ACT-3" })));
        expect(result).toMatchObject({ ok: false, error: "forbidden" });
        expect(await stored("ACT-3")).toBeUndefined();
      });

      it("tell the second of two admins editing a line to reload", async () => {
        const target = await stored("ACT-1");
        const edit = (amount: string) => form({ ...fields, amount, amountFormat: "en", id: target.id, version: String(target.version) });
        expect(await runAs(world.users.admin, () => updateAction(null, edit("2,000.00")))).toMatchObject({
          ok: true,
          data: { version: target.version + 1 },
        });
        expect(await runAs(world.users.admin, () => updateAction(null, edit("3,000.00")))).toMatchObject({
          ok: false,
          error: "conflict",
          message: "Someone else changed this in the meantime. Reload the page to see their change, then try again.",
        });
        expect(await stored("ACT-1")).toMatchObject({ amountCents: 200_000 });
      });

      it("answer another organization's admin as if the line did not exist, and change nothing", async () => {
        const target = await stored("ACT-1");
        const version = String(target.version);
        const update = await runAs(world.users.otherAdmin, () =>
          updateAction(null, form({ ...fields, amountFormat: "en", amount: "1.00", id: target.id, version })),
        );
        const remove = await runAs(world.users.otherAdmin, () => deleteAction(null, form({ id: target.id, version })));
        expect(update).toMatchObject({ ok: false, error: "not_found" });
        expect(remove).toMatchObject({ ok: false, error: "not_found" });
        expect(await stored("ACT-1")).toEqual(target);
      });

      it("delete a line and go back to the list", async () => {
        const target = await stored("ACT-1");
        const settled = await runAs(world.users.admin, () =>
          settle(deleteAction(null, form({ id: target.id, version: String(target.version) }))),
        );
        expect(settled).toEqual({ kind: "redirect", url: "/revenue?deleted=ACT-1" });
        expect(await stored("ACT-1")).toBeUndefined();
      });
    });
  });
});
