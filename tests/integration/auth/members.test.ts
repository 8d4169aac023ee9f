import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { setMemberAccessAction } from "@/lib/actions/members";
import { currentUser } from "@/lib/auth/session";
import { listOrganizationMembers, setMemberAccess } from "@/lib/data/users";
import { TestRequest } from "../../support/request-context";
import { describeOnEachDatabase } from "../support/database";
import { demoWorld, type DemoWorld } from "./support";
import { formData as form } from "../../support/form-data";

describeOnEachDatabase("a member's access", (database) => {
  let world: DemoWorld;
  const member = async (id: string) => (await world.db.select().from(users).where(eq(users.id, id)))[0];
  const newAdmin = async (email: string) =>
    (
      await world.db
        .insert(users)
        .values({ organizationId: world.contosoId, email, displayName: email, passwordHash: "x", role: "partner_admin" })
        .returning()
    )[0];

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("is turned off by a partner admin, which ends the member's session at once, and turned back on", async () => {
    const alice = world.users.employee;
    const before = await member(alice.id);
    const admin = new TestRequest(world.users.admin);
    const off = await admin.run(() =>
      setMemberAccessAction(null, form({ userId: alice.id, version: String(before.version), access: "disable" })),
    );
    expect(off).toMatchObject({ ok: true });
    expect(admin.revalidated).toEqual(["/team"]);
    expect(await member(alice.id)).toMatchObject({ disabled: true, version: before.version + 1 });
    // Alice's cookie still names her; the next request finds no session.
    expect(await new TestRequest(alice).run(() => currentUser())).toBeNull();
    const listed = (await listOrganizationMembers(world.db, world.contosoId)).rows.find((row) => row.id === alice.id);
    expect(listed).toMatchObject({ disabled: true, version: before.version + 1 });

    const on = await admin.run(() =>
      setMemberAccessAction(null, form({ userId: alice.id, version: String(before.version + 1), access: "enable" })),
    );
    expect(on).toMatchObject({ ok: true });
    expect(await new TestRequest(alice).run(() => currentUser())).toMatchObject({ id: alice.id });

    const audit = await world.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, alice.id), eq(auditEvents.entityType, "user")));
    expect(audit.map((event) => event.action)).toEqual(["user.disabled", "auth.sessions_ended", "user.enabled"]);
  });

  it("refuses a stale page, the admin's own access and a member of another organization, changing nothing", async () => {
    const alice = await member(world.users.employee.id);
    const admin = new TestRequest(world.users.admin);
    const stale = await admin.run(() =>
      setMemberAccessAction(null, form({ userId: alice.id, version: String(alice.version - 1), access: "disable" })),
    );
    expect(stale).toMatchObject({ ok: false, error: "conflict", message: expect.stringMatching(/changed this in the meantime/) });

    const own = await admin.run(() => setMemberAccessAction(null, form({ userId: world.users.admin.id, version: "1", access: "disable" })));
    expect(own).toMatchObject({ ok: false, error: "conflict", message: expect.stringMatching(/your own access/) });

    const otherAdmin = new TestRequest(world.users.otherAdmin);
    const crossTenant = await otherAdmin.run(() =>
      setMemberAccessAction(null, form({ userId: alice.id, version: String(alice.version), access: "disable" })),
    );
    expect(crossTenant).toMatchObject({ ok: false, error: "not_found" });

    expect(await member(alice.id)).toEqual(alice);
    expect((await member(world.users.admin.id)).disabled).toBe(false);
  });

  it("never leaves the organization without an active admin when two admins turn each other off at once", async () => {
    const first = await newAdmin("first-admin@contoso.example");
    const second = await newAdmin("second-admin@contoso.example");
    const outcomes = await Promise.allSettled([
      setMemberAccess(world.db, { organizationId: world.contosoId, actorId: first.id }, { userId: second.id, version: 1, disabled: true }),
      setMemberAccess(world.db, { organizationId: world.contosoId, actorId: second.id }, { userId: first.id, version: 1, disabled: true }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({ reason: { name: "ForbiddenError" } });
    const both = await Promise.all([member(first.id), member(second.id)]);
    expect(both.filter((row) => row.disabled)).toHaveLength(1);
  });
});
