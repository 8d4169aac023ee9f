import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations as invitationsTable, people, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/action";
import { acceptInvitation as acceptAction, inviteMember, revokeInvitation as revokeAction } from "@/lib/actions/invitations";
import { invitationTokenHash } from "@/lib/auth/invitation-token";
import { verifyPassword } from "@/lib/auth/password";
import * as invitations from "@/lib/data/invitations";
import { NotFoundError } from "@/lib/data/errors";
import { settle } from "../../support/action-outcome";
import { runAs, TestRequest } from "../../support/request-context";
import { describeOnEachDatabase } from "../support/database";
import { demoWorld, type DemoWorld } from "./support";
import { formData as form } from "../../support/form-data";

const day = 24 * 60 * 60 * 1000;

describeOnEachDatabase("invitations", (database) => {
  let world: DemoWorld;
  const newPerson = async (organizationId: string, name: string) =>
    (await world.db.insert(people).values({ organizationId, name }).returning({ id: people.id }))[0].id;
  const invite = (email: string, personId: string | null, now?: Date) =>
    invitations.createInvitation(
      world.db,
      { organizationId: world.contosoId, invitedBy: world.users.admin.id, email, role: personId ? "employee" : "partner_admin", personId },
      now,
    );
  const accept = (token: string, password = "a long and rare passphrase", confirmPassword = password) =>
    form({ token, displayName: "New Colleague", password, confirmPassword });

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("lets a partner admin invite an employee by picking their person, and shows the link once", async () => {
    const personId = await newPerson(world.contosoId, "Hugo Lefèvre");
    const request = new TestRequest(world.users.admin);
    const result = await request.run(() => inviteMember(null, form({ email: " Hugo@Contoso.example", role: "employee", personId })));
    expect(result).toMatchObject({
      ok: true,
      data: { notice: "Invitation created for hugo@contoso.example. Copy this link and send it to them:" },
    });
    if (!result.ok) return;
    const token = result.data.url.replace("http://portal.test/invitations/", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(request.revalidated).toEqual(["/team"]);

    const [stored] = await world.db.select().from(invitationsTable).where(eq(invitationsTable.email, "hugo@contoso.example"));
    expect(stored.tokenHash).toBe(invitationTokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * day);
    const { rows: pending } = await invitations.listPendingInvitations(world.db, world.contosoId);
    expect(pending.find((row) => row.id === stored.id)).toMatchObject({
      personName: "Hugo Lefèvre",
      invitedByName: "Claire Admin",
      role: "employee",
    });
  });

  it("creates the account on acceptance, linked to the organization and the person, then signs in", async () => {
    const personId = await newPerson(world.contosoId, "Inès Moreau");
    const { token, id } = await invite("ines@contoso.example", personId);
    const request = new TestRequest(null);
    const settled = await request.run(() => settle(acceptAction(null, accept(token))));
    expect(settled).toEqual({ kind: "redirect", url: "/exams" });

    const [user] = await world.db.select().from(users).where(eq(users.email, "ines@contoso.example"));
    expect(user).toMatchObject({ role: "employee", organizationId: world.contosoId, personId, displayName: "New Colleague" });
    expect(await verifyPassword(user.passwordHash, "a long and rare passphrase")).toBe(true);
    expect(request.userId).toBe(user.id);
    const [event] = await world.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "invitation.accepted")));
    expect(event).toMatchObject({ organizationId: world.contosoId, actorUserId: user.id, after: { userId: user.id, personId } });
  });

  it("is usable once", async () => {
    const { token } = await invite("once@contoso.example", null);
    expect(await runAs(null, () => settle(acceptAction(null, accept(token))))).toEqual({ kind: "redirect", url: "/dashboard" });
    expect(await runAs(null, () => acceptAction(null, accept(token, "another rare passphrase")))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await invitations.findUsableInvitation(world.db, token)).toBeNull();
    const [user] = await world.db.select().from(users).where(eq(users.email, "once@contoso.example"));
    expect(await verifyPassword(user.passwordHash, "a long and rare passphrase")).toBe(true);
  });

  it("expires after 7 days", async () => {
    const created = new Date(Date.now() - 7 * day - 1000);
    const { token } = await invite("late@contoso.example", null, created);
    expect(await invitations.findUsableInvitation(world.db, token, new Date(created.getTime() + 7 * day - 1000))).not.toBeNull();
    expect(await invitations.findUsableInvitation(world.db, token)).toBeNull();
    expect(await runAs(null, () => acceptAction(null, accept(token)))).toMatchObject({ ok: false, error: "not_found" });
    expect(await world.db.select().from(users).where(eq(users.email, "late@contoso.example"))).toEqual([]);
  });

  it("can be revoked by an admin of its organization only, and is then unusable", async () => {
    const { token, id } = await invite("revoked@contoso.example", null);
    const byOtherAdmin = await runAs(world.users.otherAdmin, () => revokeAction(null, form({ invitationId: id })));
    const byNobody = await runAs(world.users.otherAdmin, () => revokeAction(null, form({ invitationId: randomUUID() })));
    const withoutEcho = (result: ActionResult<unknown>) => (result.ok ? result : { ...result, values: undefined });
    expect(withoutEcho(byOtherAdmin)).toEqual({
      ok: false,
      error: "not_found",
      message: "This could not be found. It may have been removed.",
    });
    expect(withoutEcho(byNobody)).toEqual(withoutEcho(byOtherAdmin));
    expect(await invitations.findUsableInvitation(world.db, token)).not.toBeNull();

    expect(await runAs(world.users.admin, () => revokeAction(null, form({ invitationId: id })))).toEqual({ ok: true, data: undefined });
    expect(await runAs(null, () => acceptAction(null, accept(token)))).toMatchObject({ ok: false, error: "not_found" });
    expect(await runAs(world.users.admin, () => revokeAction(null, form({ invitationId: id })))).toMatchObject({ error: "not_found" });
    const actions = await world.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(actions.map((row) => row.action)).toEqual(["invitation.created", "invitation.revoked"]);
  });

  it("refuses a short or common password, in the visitor's language", async () => {
    const { token } = await invite("weak@contoso.example", null);
    const short = await runAs(null, () => acceptAction(null, accept(token, "too-short")));
    expect(short).toMatchObject({ ok: false, error: "invalid", fieldErrors: { password: ["Use at least 12 characters."] } });
    const common = await runAs(null, () => acceptAction(null, accept(token, "1qaz2wsx3edc")), { locale: "fr" });
    expect(common).toMatchObject({
      ok: false,
      error: "invalid",
      message: "Vérifiez les champs signalés.",
      fieldErrors: { password: ["Ce mot de passe fait partie des 10 000 mots de passe les plus courants. Choisissez-en un autre."] },
    });
    const differ = await runAs(null, () => acceptAction(null, accept(token, "a long and rare passphrase", "a long and rare passphrasE")));
    expect(differ).toMatchObject({ fieldErrors: { confirmPassword: ["The two passwords are not the same."] } });
    expect(await invitations.findUsableInvitation(world.db, token)).not.toBeNull();
  });

  it("refuses an address that already has an account at acceptance, without telling the inviting admin", async () => {
    // Alice has a Contoso account; Fabrikam's admin may still invite the address…
    const created = await invitations.createInvitation(world.db, {
      organizationId: world.fabrikamId,
      invitedBy: world.users.otherAdmin.id,
      email: "alice@contoso.example",
      role: "partner_admin",
      personId: null,
    });
    // …but accepting it creates nothing.
    const result = await runAs(null, () => acceptAction(null, accept(created.token)));
    expect(result).toMatchObject({
      ok: false,
      error: "conflict",
      message: "This email address already has a portal account. Sign in instead.",
    });
    expect(await invitations.findUsableInvitation(world.db, created.token)).not.toBeNull();
  });

  describe("what an admin may invite", () => {
    it("not someone already in the organization, nor twice the same address, nor a person with an account", async () => {
      const asAdmin = (fields: Record<string, string>) => runAs(world.users.admin, () => inviteMember(null, form(fields)));
      expect(await asAdmin({ email: "admin@contoso.example", role: "partner_admin" })).toMatchObject({
        error: "conflict",
        fieldErrors: { email: ["This address already belongs to an account of your organization."] },
      });
      await invite("twice@contoso.example", null);
      expect(await asAdmin({ email: "twice@contoso.example", role: "partner_admin" })).toMatchObject({
        error: "conflict",
        fieldErrors: { email: [expect.any(String)] },
      });
      expect(
        await asAdmin({ email: "alice2@contoso.example", role: "employee", personId: world.users.employee.personId ?? "" }),
      ).toMatchObject({
        error: "conflict",
        fieldErrors: { personId: ["This person already has an account."] },
      });
      expect(await asAdmin({ email: "nobody@contoso.example", role: "employee", personId: "" })).toMatchObject({
        error: "invalid",
        fieldErrors: { personId: ["Choose the person this employee is."] },
      });
    });

    it("never a person of another organization: that person is not found", async () => {
      const fabrikamPerson = await newPerson(world.fabrikamId, "Outsider");
      const result = await runAs(world.users.admin, () =>
        inviteMember(null, form({ email: "x@contoso.example", role: "employee", personId: fabrikamPerson })),
      );
      expect(result).toMatchObject({ ok: false, error: "not_found" });
      await expect(
        invitations.createInvitation(world.db, {
          organizationId: world.contosoId,
          invitedBy: world.users.admin.id,
          email: "y@contoso.example",
          role: "employee",
          personId: fabrikamPerson,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const leaked = await world.db
        .select()
        .from(invitationsTable)
        .where(and(eq(invitationsTable.personId, fabrikamPerson), isNull(invitationsTable.revokedAt)));
      expect(leaked).toEqual([]);
    });
  });
});
