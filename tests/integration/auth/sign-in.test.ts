import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { demoPassword } from "@/db/seed";
import { signInWithPassword, signOut } from "@/lib/actions/auth";
import { hashPassword } from "@/lib/auth/password";
import { currentUser, requirePartnerUser, requireReviewer } from "@/lib/auth/session";
import { settle } from "../../support/action-outcome";
import { runAs, TestRequest } from "../../support/request-context";
import { describeOnEachDatabase } from "../support/database";
import { demoWorld, type DemoWorld } from "./support";

function signInForm(email: string, password: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}

describeOnEachDatabase("signing in and the session", (database) => {
  let world: DemoWorld;
  beforeAll(async () => {
    world = await demoWorld(database());
  });

  describe("each demo account lands where its role starts", () => {
    it.each([
      ["admin@contoso.example", "/dashboard"],
      ["alice@contoso.example", "/exams"],
      ["reviewer@program.example", "/review"],
      ["program@program.example", "/program"],
    ])("%s goes to %s", async (email, landing) => {
      const request = new TestRequest(null, { clientAddress: `198.51.100.${landing.length}` });
      const settled = await request.run(() => settle(signInWithPassword(null, signInForm(email, demoPassword))));
      expect(settled).toEqual({ kind: "redirect", url: landing });
      expect(request.userId).not.toBeNull();
    });
  });

  it("goes back to a page of this site it was sent from, and never to another site", async () => {
    const back = await runAs(null, () =>
      settle(signInWithPassword(null, signInForm("ADMIN@contoso.example ", demoPassword, { callbackUrl: "/people?sort=name" }))),
    );
    expect(back).toEqual({ kind: "redirect", url: "/people?sort=name" });
    const away = await runAs(null, () =>
      settle(signInWithPassword(null, signInForm("admin@contoso.example", demoPassword, { callbackUrl: "//evil.example/x" }))),
    );
    expect(away).toEqual({ kind: "redirect", url: "/dashboard" });
  });

  it("says only that the email or the password is wrong, in the visitor's language", async () => {
    const wrongPassword = await runAs(null, () => signInWithPassword(null, signInForm("alice@contoso.example", "not-her-password")));
    const unknownEmail = await runAs(null, () => signInWithPassword(null, signInForm("nobody@contoso.example", "not-her-password")));
    // The failure echoes the email typed (so the form keeps it), and nothing else.
    expect(wrongPassword).toEqual({
      ok: false,
      error: "invalid",
      message: "Email or password is wrong.",
      values: { email: "alice@contoso.example" },
    });
    expect(unknownEmail).toEqual({ ...wrongPassword, values: { email: "nobody@contoso.example" } });
    const french = await runAs(null, () => signInWithPassword(null, signInForm("nobody@contoso.example", "x")), { locale: "fr" });
    expect(french).toMatchObject({ ok: false, error: "invalid", message: "L’adresse e-mail ou le mot de passe est incorrect." });
  });

  it("records sign-ins and failed sign-ins as audit events", async () => {
    const alice = world.users.employee;
    await runAs(null, () => signInWithPassword(null, signInForm(alice.email, "wrong password")), { clientAddress: "203.0.113.77" });
    const events = await world.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, alice.id), eq(auditEvents.action, "auth.sign_in_failed")));
    expect(events.at(-1)).toMatchObject({
      organizationId: alice.organizationId,
      actorUserId: null,
      entityType: "user",
      after: { email: alice.email, clientAddress: "203.0.113.77", method: "password" },
    });
    const signIns = await world.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, alice.id), eq(auditEvents.action, "auth.sign_in")));
    expect(signIns.length).toBeGreaterThan(0);
  });

  it("ends the session on sign-out, and says when an action needs one", async () => {
    const request = new TestRequest(world.users.admin);
    expect(await request.run(() => settle(signOut(null, new FormData())))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(request.userId).toBeNull();
    expect(await request.run(() => signOut(null, new FormData()))).toMatchObject({ ok: false, error: "unauthenticated" });
  });

  it("re-reads the user on every request: a disabled user has no session", async () => {
    const [extra] = await world.db
      .insert(users)
      .values({ email: "temp@contoso.example", displayName: "Temp", role: "employee", organizationId: world.contosoId, passwordHash: "x" })
      .returning();
    const asExtra = new TestRequest({ ...world.users.employee, id: extra.id });
    expect((await asExtra.run(currentUser))?.email).toBe("temp@contoso.example");
    await world.db.update(users).set({ disabled: true }).where(eq(users.id, extra.id));
    expect(await asExtra.run(currentUser)).toBeNull();
  });

  it("tells the right password of an account turned off why it does not open, and a wrong one nothing more", async () => {
    const [off] = await world.db
      .insert(users)
      .values({
        email: "off@contoso.example",
        displayName: "Off",
        role: "employee",
        organizationId: world.contosoId,
        passwordHash: await hashPassword(demoPassword),
        disabled: true,
      })
      .returning();
    expect(await runAs(null, () => signInWithPassword(null, signInForm(off.email, demoPassword)))).toMatchObject({
      ok: false,
      message: "Your access to the portal has been turned off. Ask an administrator of your organization to turn it back on.",
    });
    expect(await runAs(null, () => signInWithPassword(null, signInForm(off.email, "not-the-password")))).toMatchObject({
      ok: false,
      message: "Email or password is wrong.",
    });
  });

  it("sends reviewers out of the partner workspace and hides the review pages from partners", async () => {
    const reviewerInPartnerPages = await runAs(world.users.reviewer, () =>
      settle(requirePartnerUser().then(() => ({ ok: true as const, data: undefined }))),
    );
    expect(reviewerInPartnerPages).toEqual({ kind: "redirect", url: "/review" });
    const partnerInReview = await runAs(world.users.admin, () =>
      settle(requireReviewer().then(() => ({ ok: true as const, data: undefined }))),
    );
    expect(partnerInReview).toEqual({ kind: "not_found_page" });
    const signedOut = await runAs(null, () => settle(requirePartnerUser().then(() => ({ ok: true as const, data: undefined }))));
    expect(signedOut).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await runAs(world.users.admin, requirePartnerUser)).toMatchObject({ organizationId: world.contosoId });
  });
});
