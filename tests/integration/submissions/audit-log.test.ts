import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/roles";
import { today } from "@/lib/clock";
import { recordAudit } from "@/lib/data/audit";
import { auditFilterChoices, auditScopeOf, listAuditEvents } from "@/lib/data/audit-log";
import { submitApplication, withdrawSubmission } from "@/lib/data/submissions";
import { auditFilter } from "@/lib/schemas/audit";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { memoryMailer } from "./support";

describeOnEachDatabase("the audit trail", (database) => {
  let world: DemoWorld;
  const filter = (query: Record<string, string> = {}) => auditFilter.parse(query);

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
    const contosoAdmin = { organizationId: world.contosoId, actorId: world.users.admin.id };
    const { id } = await submitApplication(world.db, contosoAdmin, "gold", today());
    await withdrawSubmission(world.db, contosoAdmin, id);
    await recordAudit(world.db, {
      organizationId: world.fabrikamId,
      actorUserId: world.users.otherAdmin.id,
      action: "person.created",
      entityType: "person",
    });
  });

  it("is the program's for reviewers, the organization's for its admins, and nobody else's", () => {
    expect(auditScopeOf(world.users.reviewer)).toBe("program");
    expect(auditScopeOf(world.users.admin)).toEqual({ organizationId: world.contosoId });
    expect(() => auditScopeOf(world.users.employee)).toThrow(ForbiddenError);
  });

  it("shows a partner admin their organization's events only, whatever the organization filter says", async () => {
    const scope = auditScopeOf(world.users.admin);
    const { events } = await listAuditEvents(world.db, scope, filter({ organization: world.fabrikamId }));
    expect(events.map((event) => event.action).sort()).toEqual(["submission.submitted", "submission.withdrawn"]);
    expect(events.every((event) => event.organizationName === "Contoso Ltd")).toBe(true);
    const choices = await auditFilterChoices(world.db, scope);
    expect(choices.actors.map((actor) => actor.name)).toEqual(["Claire Admin"]);
    expect(choices.organizations).toEqual([]);
  });

  it("filters by actor, action, entity, organization and date", async () => {
    const scope = auditScopeOf(world.users.reviewer);
    const actions = async (query: Record<string, string>) =>
      (await listAuditEvents(world.db, scope, filter(query))).events.map((event) => event.action).sort();
    expect(await actions({ action: "submission.withdrawn" })).toEqual(["submission.withdrawn"]);
    expect(await actions({ actor: world.users.otherAdmin.id })).toEqual(["person.created"]);
    expect(await actions({ entity: "submission" })).toEqual(["submission.submitted", "submission.withdrawn"]);
    expect(await actions({ organization: world.fabrikamId })).toEqual(["person.created"]);
    const day = today();
    expect((await actions({ from: day, to: day })).length).toBeGreaterThanOrEqual(3);
    expect(await actions({ from: "2999-01-01" })).toEqual([]);
    // A malformed filter value is no filter, not an error.
    expect(filter({ actor: "not-a-uuid", from: "2026-02-30" })).toMatchObject({ actor: undefined, from: undefined, page: 1 });
  });
});
