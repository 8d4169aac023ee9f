import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { examPasses, people } from "@/db/schema";
import { deleteExamPass, recordExamPass } from "@/lib/actions/exams";
import { createPerson, recordDeparture, updatePerson } from "@/lib/actions/people";
import { today } from "@/lib/clock";
import { formatDate } from "@/lib/i18n/format";
import { addDays } from "@/lib/rules";
import { settle } from "../../support/action-outcome";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { formData as form } from "../../support/form-data";

describeOnEachDatabase("the people and exam pass actions", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  const person = async (name: string) => (await database().db.select().from(people).where(eq(people.name, name)))[0];
  const passesOf = async (personId: string) => database().db.select().from(examPasses).where(eq(examPasses.personId, personId));

  describe("people", () => {
    it("let an admin add a person and move on to their page", async () => {
      const settled = await runAs(world.users.admin, () =>
        settle(createPerson(null, form({ name: "Hana Sato", email: "", mcid: "10451006" }))),
      );
      const hana = await person("Hana Sato");
      expect(settled).toEqual({ kind: "redirect", url: `/people/${hana.id}` });
      expect(hana).toMatchObject({ organizationId: world.contosoId, mcid: "10451006", email: null });
    });

    it("say in French what is wrong, keep what was typed, and store nothing", async () => {
      const result = await runAs(world.users.admin, () => createPerson(null, form({ name: "Ivan", mcid: "10451001" })), { locale: "fr" });
      expect(result).toMatchObject({
        ok: false,
        error: "conflict",
        fieldErrors: { mcid: ["Une autre personne de votre entreprise a ce MCID."] },
        values: { name: "Ivan", mcid: "10451001" },
      });
      expect(await person("Ivan")).toBeUndefined();
    });

    it("are for partner admins: an employee cannot add or edit people", async () => {
      const result = await runAs(world.users.employee, () => createPerson(null, form({ name: "Intruder" })));
      expect(result).toMatchObject({ ok: false, error: "forbidden" });
      expect(await person("Intruder")).toBeUndefined();
    });

    it("tell the second of two admins editing a person to reload", async () => {
      const hana = await person("Hana Sato");
      const edit = (name: string) => form({ id: hana.id, version: String(hana.version), name, email: "", mcid: "10451006" });
      expect(await runAs(world.users.admin, () => updatePerson(null, edit("Hana Satō")))).toMatchObject({ ok: true });
      expect(await runAs(world.users.admin, () => updatePerson(null, edit("Hana S.")))).toMatchObject({ ok: false, error: "conflict" });
      expect((await person("Hana Satō")).version).toBe(hana.version + 1);
    });

    it("record a departure and undo it", async () => {
      const hana = await person("Hana Satō");
      const left = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: hana.id, version: String(hana.version), leftOn: "2026-11-20" })),
      );
      expect(left).toMatchObject({ ok: true, data: { notice: "Departure recorded." } });
      const back = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: hana.id, version: String(hana.version + 1), leftOn: "" })),
      );
      expect(back).toMatchObject({ ok: true, data: { notice: "Departure undone." } });
      expect((await person("Hana Satō")).leftOn).toBeNull();
    });

    it("say when a departure comes before some of the person's passes, which then no longer count", async () => {
      const chloe = await person("Chloé Dubois");
      const left = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: chloe.id, version: String(chloe.version), leftOn: addDays(today(), -365), confirmed: "1" })),
      );
      expect(left).toMatchObject({
        ok: true,
        data: { notice: "Departure recorded. 1 exam pass is dated after it, and no longer counts: check the dates." },
      });
      const back = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: chloe.id, version: String(chloe.version + 1), leftOn: "" })),
      );
      expect(back).toMatchObject({ ok: true, data: { notice: "Departure undone." } });
    });

    it("answer another organization's admin as if the person did not exist, and change nothing", async () => {
      const alice = await person("Alice Martin");
      const result = await runAs(world.users.otherAdmin, () =>
        recordDeparture(null, form({ id: alice.id, version: String(alice.version), leftOn: "2026-11-20" })),
      );
      expect(result).toMatchObject({ ok: false, error: "not_found" });
      expect(await person("Alice Martin")).toEqual(alice);
    });

    it("show what a departure that drops a tier does before recording it, and record it once confirmed", async () => {
      const alice = await person("Alice Martin");
      const day = today();
      const asked = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: alice.id, version: String(alice.version), leftOn: day })),
      );
      expect(asked).toEqual({
        ok: true,
        data: { confirm: "Contoso Ltd drops from Gold to Silver today if this departure is recorded.", leftOn: day },
      });
      expect(await person("Alice Martin")).toEqual(alice);
      // A departure still to come says when the tier drops, in the user's language.
      const later = addDays(day, 10);
      const askedLater = await runAs(
        world.users.admin,
        () => recordDeparture(null, form({ id: alice.id, version: String(alice.version), leftOn: later })),
        { locale: "fr" },
      );
      expect(askedLater).toEqual({
        ok: true,
        data: {
          confirm: `Contoso Ltd descend du niveau Or au niveau Argent le ${formatDate(later, "fr")} si ce départ est enregistré.`,
          leftOn: later,
        },
      });

      const recorded = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: alice.id, version: String(alice.version), leftOn: day, confirmed: "1" })),
      );
      expect(recorded).toMatchObject({ ok: true, data: { notice: "Departure recorded." } });
      expect((await person("Alice Martin")).leftOn).toBe(day);
      // Undoing drops nothing: no question asked.
      const undone = await runAs(world.users.admin, () =>
        recordDeparture(null, form({ id: alice.id, version: String(alice.version + 1), leftOn: "" })),
      );
      expect(undone).toMatchObject({ ok: true, data: { notice: "Departure undone." } });
    });
  });

  describe("exam passes", () => {
    it("let Alice record her own pass", async () => {
      const alice = await person("Alice Martin");
      const result = await runAs(world.users.employee, () =>
        recordExamPass(null, form({ personId: alice.id, code: "mb2-712", passedOn: "2026-01-12", certificationRef: "TR-1" })),
      );
      expect(result).toMatchObject({ ok: true, data: { notice: "MB2-712 recorded." } });
      expect((await passesOf(alice.id)).map((pass) => pass.examCode).sort()).toEqual(["MB2-710", "MB2-712", "MB2-717"]);
    });

    it("refuse Alice a pass for Bruno, and an admin a pass the rules would reject", async () => {
      const bruno = await person("Bruno Costa");
      const forBruno = await runAs(world.users.employee, () =>
        recordExamPass(null, form({ personId: bruno.id, code: "MB2-712", passedOn: "2026-01-12" })),
      );
      expect(forBruno).toMatchObject({ ok: false, error: "forbidden" });
      const retired = await runAs(world.users.admin, () =>
        recordExamPass(null, form({ personId: bruno.id, code: "MB2-709", passedOn: "2019-03-01" })),
      );
      expect(retired).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { passedOn: ["This exam had already retired on that date."] },
      });
      expect(await passesOf(bruno.id)).toHaveLength(2);
    });

    it("refuse the same pass twice, on the date field", async () => {
      const alice = await person("Alice Martin");
      const again = await runAs(world.users.employee, () =>
        recordExamPass(null, form({ personId: alice.id, code: "MB2-712", passedOn: "2026-01-12" })),
      );
      expect(again).toMatchObject({
        ok: false,
        error: "conflict",
        fieldErrors: { passedOn: ["This person already has this exam recorded on that date."] },
      });
    });

    it("let Alice delete her own pass but not Bruno's, nor Fabrikam's admin Contoso's", async () => {
      const alice = await person("Alice Martin");
      const bruno = await person("Bruno Costa");
      const [brunoPass] = await passesOf(bruno.id);
      const [alicePass] = await database()
        .db.select()
        .from(examPasses)
        .where(and(eq(examPasses.personId, alice.id), eq(examPasses.examCode, "MB2-712")));
      const ofBruno = await runAs(world.users.employee, () =>
        deleteExamPass(null, form({ id: brunoPass.id, version: String(brunoPass.version) })),
      );
      expect(ofBruno).toMatchObject({ ok: false, error: "forbidden" });
      const fromFabrikam = await runAs(world.users.otherAdmin, () =>
        deleteExamPass(null, form({ id: alicePass.id, version: String(alicePass.version) })),
      );
      expect(fromFabrikam).toMatchObject({ ok: false, error: "not_found" });
      const stale = await runAs(world.users.employee, () =>
        deleteExamPass(null, form({ id: alicePass.id, version: String(alicePass.version + 1) })),
      );
      expect(stale).toMatchObject({ ok: false, error: "conflict" });
      const own = await runAs(world.users.employee, () =>
        deleteExamPass(null, form({ id: alicePass.id, version: String(alicePass.version) })),
      );
      expect(own).toMatchObject({ ok: true, data: { notice: "MB2-712 deleted." } });
      expect(await passesOf(bruno.id)).toHaveLength(2);
    });
  });
});
