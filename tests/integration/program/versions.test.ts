import "../auth/auth-secret";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, notifications, people, programImpactRuns, programVersions, users } from "@/db/schema";
import * as program from "@/lib/actions/program";
import { today } from "@/lib/clock";
import { loadDashboard } from "@/lib/data/dashboard";
import { publishedProgram } from "@/lib/data/program";
import { type ImpactedOrganization, runImpact, startImpactRun } from "@/lib/data/program-impact";
import { takeSnapshot, snapshotDefinition } from "@/lib/data/snapshot";
import { addDays, cloudCrm, definitionFileOf } from "@/lib/rules";
import { formData } from "../../support/form-data";
import { outcome, settle } from "../../support/action-outcome";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

describeOnEachDatabase("the program as versions", (database) => {
  let world: DemoWorld;
  const asProgramAdmin = <T>(work: () => Promise<T>) => runAs(world.users.programAdmin, work);

  async function draft() {
    const [row] = await world.db.select().from(programVersions).where(eq(programVersions.status, "draft"));
    return row;
  }

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("holds the built-in Cloud CRM definition as its first version, in force since always", async () => {
    const [first] = await world.db
      .select()
      .from(programVersions)
      .where(sql`${programVersions.effectiveFrom} is null`);
    expect(first).toMatchObject({ versionId: "v1", status: "published" });
    expect(first.definition).toEqual(definitionFileOf(cloudCrm));
    expect((await publishedProgram(world.db)).program.versions.map((version) => version.id)).toEqual(["v1"]);
  });

  it("refuses a draft that starts today or earlier, at the field", async () => {
    const result = await asProgramAdmin(() => program.startDraft(null, formData({ versionId: "v2", effectiveFrom: today(), note: "" })));
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { effectiveFrom: [expect.any(String)] } });
    expect(await draft()).toBeUndefined();
  });

  it("drafts, refuses a broken change whole, computes the impact, publishes with notices, and keeps a snapshot's version", async () => {
    const from = addDays(today(), 60);
    const snapshotBefore = await takeSnapshot(world.db, world.contosoId, today());
    expect(
      outcome(
        await asProgramAdmin(() =>
          settle(program.startDraft(null, formData({ versionId: "v2", effectiveFrom: from, note: "Gold needs three" }))),
        ),
      ),
    ).toBe("redirect");
    let row = await draft();
    expect(row).toMatchObject({ versionId: "v2", effectiveFrom: from });

    // Silver needing more than Gold breaks a rule of the format: nothing is saved.
    const broken = await asProgramAdmin(() =>
      program.saveDraftTier(
        null,
        formData({
          id: row.id,
          version: String(row.version),
          tierId: "silver",
          "slot.application-deployment": "3",
          "slot.customization": "1",
          "threshold.developed": "100000",
          "threshold.developing": "100000",
        }),
      ),
    );
    expect(broken).toMatchObject({ ok: false, error: "invalid" });
    expect(JSON.stringify(broken)).toContain("Tier gold, places for application-deployment: Needs at least as much as silver");
    expect((await draft()).version).toBe(row.version);
    // A pasted definition that is no JSON says where it breaks, and nothing is saved.
    const pasted = await asProgramAdmin(() =>
      program.importDraft(null, formData({ id: row.id, version: String(row.version), json: '{\n  "title": {"en": "Cloud CRM",}\n}' })),
    );
    expect(pasted).toMatchObject({ ok: false, fieldErrors: { json: ["This is not valid JSON: see line 2, column 31."] } });
    expect((await draft()).version).toBe(row.version);

    const saved = await asProgramAdmin(() =>
      program.saveDraftTier(
        null,
        formData({
          id: row.id,
          version: String(row.version),
          tierId: "gold",
          "slot.application-deployment": "2",
          "slot.customization": "3",
          "threshold.developed": "100000",
          "threshold.developing": "100000",
        }),
      ),
    );
    expect(saved).toMatchObject({ ok: true });
    row = await draft();

    // Publishing before the impact is computed is refused.
    expect(await asProgramAdmin(() => program.publishDraft(null, formData({ id: row.id, version: String(row.version) })))).toMatchObject({
      ok: false,
      error: "conflict",
    });

    expect(await asProgramAdmin(() => program.computeImpact(null, formData({ id: row.id, version: String(row.version) })))).toMatchObject({
      ok: true,
    });
    const [run] = await world.db.select().from(programImpactRuns).where(eq(programImpactRuns.programVersionId, row.id));
    expect(run).toMatchObject({ status: "done", organizationsDone: 2, draftVersion: row.version });
    const impacted = run.result as {
      name: string;
      differences: { from: string; current: string; draft: string; cause: { requirementsChanged: string[] } }[];
    }[];
    expect(impacted.map((organization) => organization.name)).toEqual(["Contoso Ltd"]);
    expect(impacted[0].differences[0]).toMatchObject({ from, current: "gold", draft: "silver", cause: { requirementsChanged: ["gold"] } });

    expect(await asProgramAdmin(() => program.publishDraft(null, formData({ id: row.id, version: String(row.version) })))).toMatchObject({
      ok: true,
    });
    const published = (await publishedProgram(world.db)).program;
    expect(published.versions.map((version) => [version.id, version.effectiveFrom])).toEqual([
      ["v1", null],
      ["v2", from],
    ]);
    const notified = await world.db
      .select({ email: users.email, kind: notifications.kind })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.programVersionId, row.id));
    expect(notified).toEqual([{ email: "admin@contoso.example", kind: "program.published" }]);
    const [audited] = await world.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "program.version_published"), eq(auditEvents.entityId, row.id)));
    expect((audited.after as { changes: unknown[] }).changes).toEqual([{ path: "tiers[gold].slots.customization", before: 2, after: 3 }]);

    // The dashboard on the new version's first day evaluates under it; today's stays Gold.
    const onTheDay = await loadDashboard(world.db, world.contosoId, { asOf: from, today: today(), locale: "en" });
    expect(onTheDay.evaluation.tier).toBe("silver");
    const now = await loadDashboard(world.db, world.contosoId, { asOf: today(), today: today(), locale: "en" });
    expect(now.evaluation.tier).toBe("gold");
    expect(now.forecast.changes.find((change) => change.on === from)?.causes).toEqual([{ kind: "requirements-changed", ids: ["v2"] }]);

    // A snapshot keeps the version it was evaluated under.
    expect(snapshotBefore.program?.versionId).toBe("v1");
    expect(snapshotDefinition(snapshotBefore).tiers[1].slots.customization).toBe(2);
    const snapshotAfter = await takeSnapshot(world.db, world.contosoId, from);
    expect(snapshotAfter.program?.versionId).toBe("v2");
    expect(snapshotAfter.evaluation.tier).toBe("silver");

    // A published version is immutable; one not in force yet can be withdrawn, one in force cannot.
    await expect(world.db.update(programVersions).set({ note: "changed" }).where(eq(programVersions.id, row.id))).rejects.toThrow();
    const [first] = await world.db
      .select()
      .from(programVersions)
      .where(sql`${programVersions.effectiveFrom} is null`);
    expect(
      await asProgramAdmin(() => program.withdrawVersion(null, formData({ id: first.id, version: String(first.version) }))),
    ).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await asProgramAdmin(() => program.withdrawVersion(null, formData({ id: row.id, version: "1" })))).toMatchObject({ ok: true });
    expect((await publishedProgram(world.db)).program.versions.map((version) => version.id)).toEqual(["v1"]);
  });

  it("names the people whose roles a draft takes away, as they are recorded", async () => {
    // Every customization exam stops counting after 30 days: Contoso's customizers lose the role.
    const on = addDays(today(), 30);
    const definition = definitionFileOf(cloudCrm);
    const catalogue = definition.catalogue.map((exam) =>
      exam.group === "customization" ? { ...exam, retiredOn: on, acceptedUntil: on } : exam,
    );
    const [row] = await world.db
      .insert(programVersions)
      .values({
        programId: "cloud-crm",
        versionId: "v3",
        effectiveFrom: addDays(today(), 1),
        definition: { ...definition, catalogue },
        status: "draft",
      })
      .returning();
    try {
      const run = await startImpactRun(world.db, world.users.programAdmin, row.id, today());
      await runImpact(world.db, run.id);
      const [done] = await world.db.select().from(programImpactRuns).where(eq(programImpactRuns.id, run.id));
      const impacted = done.result as ImpactedOrganization[];
      const contoso = impacted.find((organization) => organization.organizationId === world.contosoId)!;
      expect(contoso.differences[0]).toMatchObject({ from: addDays(on, 1), current: "gold" }); // accepted through its last day
      const lost = contoso.differences[0].cause.rolesLost;
      expect(lost.map((role) => role.role)).toContain("customization");
      const recorded = await world.db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(inArray(people.id, [...new Set(lost.map((role) => role.personId))]));
      expect(contoso.personNames).toEqual(Object.fromEntries(recorded.map((person) => [person.id, person.name])));
      expect(recorded.length).toBe(new Set(lost.map((role) => role.personId)).size);
    } finally {
      await world.db.delete(programVersions).where(eq(programVersions.id, row.id));
    }
  });

  it("lets neither a partner admin nor a reviewer change the program", async () => {
    for (const user of [world.users.admin, world.users.reviewer]) {
      const result = await runAs(user, () =>
        program.startDraft(null, formData({ versionId: "v9", effectiveFrom: addDays(today(), 10), note: "" })),
      );
      expect(result).toMatchObject({ ok: false, error: "forbidden" });
    }
  });
});
