import "./auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, users, userSessions } from "@/db/schema";
import { changePassword, signOut, signOutEverywhere } from "@/lib/actions/auth";
import { setMemberAccessAction } from "@/lib/actions/members";
import { recordExamPass } from "@/lib/actions/exams";
import { hashPassword } from "@/lib/auth/password";
import { currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session-user";
import { today } from "@/lib/clock";
import { settle, outcome } from "../../support/action-outcome";
import { formData as form } from "../../support/form-data";
import { TestRequest } from "../../support/request-context";
import { describeOnEachDatabase } from "../support/database";
import { demoWorld, type DemoWorld } from "./support";

const password = "correct horse battery 2026";

describeOnEachDatabase("sessions end on the server", (database) => {
  let world: DemoWorld;
  let member: SessionUser;

  /** A new employee of Contoso, with a password, signed in on two devices. */
  async function signedInTwice(): Promise<{ user: SessionUser; laptop: TestRequest; phone: TestRequest }> {
    const email = `session-${Math.random().toString(36).slice(2)}@contoso.example`;
    const [row] = await world.db
      .insert(users)
      .values({
        organizationId: world.contosoId,
        email,
        displayName: "Session Tester",
        passwordHash: await hashPassword(password),
        role: "employee",
      })
      .returning();
    member = { id: row.id, email, displayName: row.displayName, role: "employee", organizationId: world.contosoId, personId: null };
    const laptop = new TestRequest(null);
    const phone = new TestRequest(null);
    await laptop.run(() => laptop.signInWithPassword(email, password));
    await phone.run(() => phone.signInWithPassword(email, password));
    return { user: member, laptop, phone };
  }

  /** The same cookie, copied into another browser. */
  const copyOf = (request: TestRequest) => {
    const copy = new TestRequest(null);
    copy.userId = request.userId;
    copy.sessionId = request.sessionId;
    return copy;
  };

  /** What the copied cookie still opens: the page's session read and an action. */
  async function stillOpens(request: TestRequest) {
    const user = await request.run(() => currentUser());
    const action = await request.run(() => settle(recordExamPass(null, form({ examCode: "MB2-712", passedOn: today() }))));
    return { page: user !== null, action: outcome(action) };
  }

  const sessionEvents = async (userId: string) =>
    (
      await world.db
        .select({ action: auditEvents.action, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.entityType, "user")))
    ).filter((event) => event.action.startsWith("auth.sign_out") || event.action === "auth.sessions_ended");

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("signing out ends that session only: its copied cookie opens nothing, the other device stays signed in", async () => {
    const { user, laptop, phone } = await signedInTwice();
    const copied = copyOf(laptop);
    expect(await stillOpens(copied)).toMatchObject({ page: true });
    expect(await laptop.run(() => settle(signOut(null, form({}))))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await stillOpens(copied)).toEqual({ page: false, action: "unauthenticated" });
    expect((await stillOpens(phone)).page).toBe(true);
    expect((await sessionEvents(user.id)).map((event) => event.action)).toEqual(["auth.sign_out"]);
  });

  it("signing out everywhere ends every session of the user, audited with how many", async () => {
    const { user, laptop, phone } = await signedInTwice();
    const copied = copyOf(phone);
    expect(await laptop.run(() => settle(signOutEverywhere(null, form({}))))).toEqual({
      kind: "redirect",
      url: "/sign-in?notice=signedOutEverywhere",
    });
    expect(await stillOpens(copied)).toEqual({ page: false, action: "unauthenticated" });
    expect(await stillOpens(phone)).toEqual({ page: false, action: "unauthenticated" });
    expect(await sessionEvents(user.id)).toEqual([
      { action: "auth.sessions_ended", after: { because: "signed_out_everywhere", sessions: 2 } },
    ]);
  });

  it("turning a member's access off ends all of their sessions; turning it on again revives none", async () => {
    const { user, phone } = await signedInTwice();
    const copied = copyOf(phone);
    const admin = new TestRequest(world.users.admin);
    expect(await admin.run(() => setMemberAccessAction(null, form({ userId: user.id, version: "1", access: "disable" })))).toMatchObject({
      ok: true,
    });
    expect(await stillOpens(copied)).toEqual({ page: false, action: "unauthenticated" });
    expect(await admin.run(() => setMemberAccessAction(null, form({ userId: user.id, version: "2", access: "enable" })))).toMatchObject({
      ok: true,
    });
    expect(await stillOpens(copied)).toEqual({ page: false, action: "unauthenticated" });
    const open = await world.db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(open.map((session) => session.endedBecause)).toEqual(["access_turned_off", "access_turned_off"]);
  });

  it("a new password ends every session, this browser's included, and the old password no longer works", async () => {
    const { user, laptop, phone } = await signedInTwice();
    const copied = copyOf(laptop);
    const wrong = await laptop.run(() =>
      changePassword(
        null,
        form({ currentPassword: "not it at all", password: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
      ),
    );
    expect(wrong).toMatchObject({ ok: false, error: "conflict", fieldErrors: { currentPassword: ["This is not your current password."] } });
    expect((await stillOpens(phone)).page).toBe(true);

    const changed = await laptop.run(() =>
      settle(
        changePassword(
          null,
          form({ currentPassword: password, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
        ),
      ),
    );
    expect(changed).toEqual({ kind: "redirect", url: "/sign-in?notice=passwordChanged" });
    expect(await stillOpens(copied)).toEqual({ page: false, action: "unauthenticated" });
    expect(await stillOpens(phone)).toEqual({ page: false, action: "unauthenticated" });
    const again = new TestRequest(null);
    await again.run(() => again.signInWithPassword(user.email, "a brand new passphrase"));
    expect((await stillOpens(again)).page).toBe(true);
    const stranger = new TestRequest(null);
    await expect(stranger.run(() => stranger.signInWithPassword(user.email, password))).rejects.toThrow();
    const events = await world.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((event) => event.action)).toContain("user.password_changed");
    expect(await sessionEvents(user.id)).toEqual([{ action: "auth.sessions_ended", after: { because: "password_changed", sessions: 2 } }]);
  });
});
