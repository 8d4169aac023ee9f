import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { examPasses, people, revenueLines } from "@/db/schema";
import { deleteExamPass } from "@/lib/actions/exams";
import { deleteRevenueLine } from "@/lib/actions/revenue";
import { settle } from "../../support/action-outcome";
import { formData as form } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

describeOnEachDatabase("deleting evidence the tier needs", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("says first that deleting Chloé's customization pass drops Contoso to Silver today, and deletes it once confirmed", async () => {
    const [chloe] = await world.db
      .select()
      .from(people)
      .where(and(eq(people.organizationId, world.contosoId), eq(people.mcid, "10451003")));
    const [pass] = await world.db.select().from(examPasses).where(eq(examPasses.personId, chloe.id));
    const fields = { id: pass.id, version: String(pass.version) };

    const asked = await runAs(world.users.admin, () => deleteExamPass(null, form(fields)));
    expect(asked).toEqual({
      ok: true,
      data: { confirm: "Contoso Ltd drops from Gold to Silver today if this pass is deleted." },
    });
    expect(await world.db.select().from(examPasses).where(eq(examPasses.id, pass.id))).toHaveLength(1);

    const french = await runAs(world.users.admin, () => deleteExamPass(null, form(fields)), { locale: "fr" });
    expect(french).toMatchObject({
      ok: true,
      data: { confirm: "Contoso Ltd descend du niveau Or au niveau Argent dès aujourd’hui si cette réussite est supprimée." },
    });

    const deleted = await runAs(world.users.admin, () => deleteExamPass(null, form({ ...fields, confirmed: "1" })));
    expect(deleted).toMatchObject({ ok: true, data: { notice: expect.any(String) as unknown } });
    expect(await world.db.select().from(examPasses).where(eq(examPasses.id, pass.id))).toHaveLength(0);
  });

  it("asks before deleting a revenue line that brings the drop nearer, and deletes one that changes nothing at once", async () => {
    const [big] = await world.db
      .select()
      .from(revenueLines)
      .where(and(eq(revenueLines.organizationId, world.contosoId), eq(revenueLines.reference, "CTS-INV-1001")));
    const asked = await runAs(world.users.admin, () => settle(deleteRevenueLine(null, form({ id: big.id, version: String(big.version) }))));
    expect(asked).toMatchObject({
      kind: "result",
      // After the pass deleted above Contoso holds Silver, which this line keeps: no tier is left without it.
      result: { ok: true, data: { confirm: "Contoso Ltd loses Silver today if this line is deleted." } },
    });
    expect(await world.db.select().from(revenueLines).where(eq(revenueLines.id, big.id))).toHaveLength(1);

    const confirmed = await runAs(world.users.admin, () =>
      settle(deleteRevenueLine(null, form({ id: big.id, version: String(big.version), confirmed: "1" }))),
    );
    expect(confirmed).toEqual({ kind: "redirect", url: "/revenue?deleted=CTS-INV-1001" });
  });
});
