import "../auth/auth-secret";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/[token]/route";
import {
  alertEmails,
  alertPreferences,
  alerts,
  examPasses,
  notifications,
  organizations,
  organizationWatch,
  people,
  revenueLines,
  users,
} from "@/db/schema";
import { unsubscribeAction } from "@/lib/actions/alerts";
import { today } from "@/lib/clock";
import { sendAlertDigests, sendAlertEmails, chooseAlertEmails } from "@/lib/data/alert-emails";
import { openAlerts, organizationBatches, WATCH_BATCH_SIZE, watchAll } from "@/lib/data/watch";
import type { Mailer } from "@/lib/mail/mailer";
import type { MailMessage } from "@/lib/mail/message";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import { addDays } from "@/lib/rules";
import { formData } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

/** A mailer that keeps what it is given: the messages the portal handed over, as built. */
function keepingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
  };
}

describeOnEachDatabase("the daily watch", (database) => {
  let world: DemoWorld;
  const day = today();

  async function openKeys(organizationId = world.contosoId) {
    const rows = await world.db
      .select({ key: alerts.causeKey })
      .from(alerts)
      .where(and(eq(alerts.organizationId, organizationId), isNull(alerts.resolvedAt)))
      .orderBy(asc(alerts.causeKey));
    return rows.map((row) => row.key);
  }

  async function chloe() {
    const [row] = await world.db
      .select()
      .from(people)
      .where(and(eq(people.organizationId, world.contosoId), eq(people.mcid, "10451003")));
    return row;
  }

  async function setChloeLeftOn(leftOn: string | null) {
    await world.db
      .update(people)
      .set({ leftOn })
      .where(eq(people.id, (await chloe()).id));
  }

  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("raises Contoso's single points of failure once, with a notification and an email to its admin", async () => {
    expect(await watchAll(world.db, day)).toEqual({ watched: 2, raised: 4, resolved: 0, events: 0 });
    const open = await openAlerts(world.db, world.contosoId);
    expect(open.map((alert) => alert.kind)).toEqual(["sole-holder", "sole-holder", "sole-holder", "sole-holder"]);
    expect(open.flatMap((alert) => alert.details.personNames).sort()).toEqual([
      "Alice Martin",
      "Bruno Costa",
      "Chloé Dubois",
      "David Okafor",
    ]);
    expect(await openKeys(world.fabrikamId)).toEqual([]);

    const adminNotes = await world.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.users.admin.id), eq(notifications.kind, "alert")));
    expect(adminNotes).toHaveLength(4);
    // The employee hears of alerts on the exams they hold, not of the organization's slots.
    expect(await world.db.select().from(notifications).where(eq(notifications.userId, world.users.employee.id))).toEqual([]);

    // The same day at the same evidence: nothing to watch.
    expect(await watchAll(world.db, day)).toEqual({ watched: 0, raised: 0, resolved: 0, events: 0 });
    // A restart that lost the record of the last watch: every organization is watched again, nothing raised twice.
    await world.db.delete(organizationWatch).where(isNotNull(organizationWatch.organizationId));
    expect(await watchAll(world.db, day)).toEqual({ watched: 2, raised: 0, resolved: 0, events: 0 });
    expect(await world.db.select().from(alerts)).toHaveLength(4);

    const mailer = keepingMailer();
    expect(await sendAlertEmails(world.db, mailer)).toEqual({ sent: 4, failed: 0 });
    expect(await sendAlertEmails(world.db, mailer)).toEqual({ sent: 0, failed: 0 });
    const aboutChloe = mailer.sent.find((mail) => mail.subject === "Gold rests on Chloé Dubois");
    expect(aboutChloe?.to).toEqual({ email: "admin@contoso.example", name: "Claire Admin" });
    expect(aboutChloe?.text).toContain("Chloé Dubois alone holds a slot of Gold: if Chloé Dubois leaves, Contoso Ltd loses Gold.");
    expect(aboutChloe?.headers?.["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+>$/);
    expect(aboutChloe?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("warns of Chloé's departure before it, again 7 days before, and of the loss once she has left", async () => {
    await setChloeLeftOn(addDays(day, 20));
    const before = await watchAll(world.db, day);
    expect(before).toMatchObject({ watched: 1, raised: 2 });
    expect(await openKeys()).toEqual(
      expect.arrayContaining([`holder-leaving:gold:${(await chloe()).id}:${addDays(day, 20)}`, `tier-ending:gold:${addDays(day, 20)}:30`]),
    );

    await watchAll(world.db, addDays(day, 14));
    const keys = await openKeys();
    expect(keys).toContain(`tier-ending:gold:${addDays(day, 20)}:7`);
    expect(keys).not.toContain(`tier-ending:gold:${addDays(day, 20)}:30`);

    await watchAll(world.db, addDays(day, 20));
    const after = await openKeys();
    expect(after).toContain(`tier-lost:gold:${addDays(day, 20)}`);
    expect(
      after.some((key) => key.startsWith("sole-holder:gold:") || key.startsWith("tier-ending:") || key.startsWith("holder-leaving:")),
    ).toBe(false);

    // Her departure undone: Gold is met again and the loss no longer holds.
    await setChloeLeftOn(null);
    await watchAll(world.db, addDays(day, 21));
    expect((await openKeys()).some((key) => key.startsWith("tier-lost:"))).toBe(false);
  });

  it("sends at once, gathers in the weekly digest or leaves out, as each admin chose", async () => {
    const [second] = await world.db
      .insert(users)
      .values({
        email: "second.admin@contoso.example",
        displayName: "Sam Second",
        passwordHash: "not-a-usable-hash",
        role: "partner_admin",
        organizationId: world.contosoId,
        locale: "fr",
      })
      .returning({ id: users.id });
    await chooseAlertEmails(world.db, world.users.admin.id, { "tier-ending": "digest", "holder-leaving": "digest" });
    await chooseAlertEmails(world.db, second.id, { "tier-ending": "never", "holder-leaving": "immediate" });
    const mailer = keepingMailer();
    await sendAlertEmails(world.db, mailer);
    mailer.sent.length = 0;

    await setChloeLeftOn(addDays(day, 50));
    await watchAll(world.db, addDays(day, 22));
    const owed = await world.db
      .select({ userId: alertEmails.userId, mode: alertEmails.mode, kind: alerts.kind })
      .from(alertEmails)
      .innerJoin(alerts, eq(alerts.id, alertEmails.alertId))
      .where(isNull(alertEmails.sentAt));
    expect(owed).toEqual(
      expect.arrayContaining([
        { userId: world.users.admin.id, mode: "digest", kind: "tier-ending" },
        { userId: world.users.admin.id, mode: "digest", kind: "holder-leaving" },
        { userId: second.id, mode: "immediate", kind: "holder-leaving" },
      ]),
    );
    expect(owed.filter((row) => row.userId === second.id && row.kind === "tier-ending")).toEqual([]);

    expect(await sendAlertEmails(world.db, mailer)).toMatchObject({ sent: owed.filter((row) => row.mode === "immediate").length });
    expect(mailer.sent.every((mail) => mail.to.email === "second.admin@contoso.example")).toBe(true);
    // In the recipient's language.
    expect(mailer.sent.map((mail) => mail.subject)).toContain(
      `Chloé Dubois part le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${addDays(day, 50)}T00:00:00Z`))}\u00a0: niveau Or menacé`,
    );

    mailer.sent.length = 0;
    expect(await sendAlertDigests(world.db, mailer)).toEqual({ sent: 1 });
    expect(await sendAlertDigests(world.db, mailer)).toEqual({ sent: 0 });
    const [digest] = mailer.sent;
    expect(digest.to.email).toBe("admin@contoso.example");
    expect(digest.subject).toMatch(/^Your weekly Cloud CRM alerts: \d+ alerts$/);
    expect(digest.text).toContain("Contoso Ltd loses Gold on");
    expect(digest.text).toContain("Chloé Dubois, who alone holds a slot of Gold, leaves on");
    await setChloeLeftOn(null);
  });

  it("stops emails of a kind from the link in the email, signed in or not, and refuses a forged link", async () => {
    const admin = world.users.admin.id;
    const token = unsubscribeToken({ userId: admin, scope: "renewal-due" });
    const answer = await runAs(null, () =>
      oneClickUnsubscribe(new NextRequest("http://portal.test/api/unsubscribe/x", { method: "POST", body: "List-Unsubscribe=One-Click" }), {
        params: Promise.resolve({ token }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(
      await world.db
        .select({ kind: alertPreferences.kind, mode: alertPreferences.mode })
        .from(alertPreferences)
        .where(eq(alertPreferences.userId, admin)),
    ).toContainEqual({
      kind: "renewal-due",
      mode: "never",
    });

    const everything = await runAs(null, () =>
      unsubscribeAction(null, formData({ token: unsubscribeToken({ userId: admin, scope: "all" }) })),
    );
    expect(everything).toMatchObject({ ok: true });
    const modes = await world.db.select({ mode: alertPreferences.mode }).from(alertPreferences).where(eq(alertPreferences.userId, admin));
    expect(modes).toHaveLength(8);
    expect(new Set(modes.map((row) => row.mode))).toEqual(new Set(["never"]));
    // Emails owed but not sent are dropped with the choice.
    expect(
      await world.db
        .select()
        .from(alertEmails)
        .where(and(eq(alertEmails.userId, admin), isNull(alertEmails.sentAt))),
    ).toEqual([]);

    const forged = await runAs(null, () => unsubscribeAction(null, formData({ token: `${token.slice(0, -2)}xx` })));
    expect(forged).toMatchObject({ ok: false, error: "invalid", message: expect.stringContaining("not valid") as unknown });
    const refused = await runAs(null, () =>
      oneClickUnsubscribe(new NextRequest("http://portal.test/api/unsubscribe/x", { method: "POST" }), {
        params: Promise.resolve({ token: "not-a-token" }),
      }),
    );
    expect(refused.status).toBe(400);
  });
});

describeOnEachDatabase("an exam that stops counting", (database) => {
  it("warns the admins and the employee who relies on it, citing the pass itself", async () => {
    const world = await demoWorld(database());
    const [northwind] = await world.db
      .insert(organizations)
      .values({ name: "Northwind Traders", mpnId: "4455667", market: "developed" })
      .returning({ id: organizations.id });
    const [ana, ben] = await world.db
      .insert(people)
      .values([
        { organizationId: northwind.id, name: "Ana Trujillo", mcid: "20000001" },
        { organizationId: northwind.id, name: "Ben Ortiz", mcid: "20000002" },
      ])
      .returning({ id: people.id });
    // Ana's application exam, MB2-709 (retired at the end of 2017), counts until 2018-12-31; her deployment exam and Ben's customization exam always count.
    const [retiring] = await world.db
      .insert(examPasses)
      .values([
        { organizationId: northwind.id, personId: ana.id, examCode: "MB2-709", passedOn: "2017-06-01" },
        { organizationId: northwind.id, personId: ana.id, examCode: "MB2-710", passedOn: "2018-03-01" },
        { organizationId: northwind.id, personId: ben.id, examCode: "MB2-712", passedOn: "2018-03-02" },
      ])
      .returning({ id: examPasses.id });
    await world.db.insert(revenueLines).values({
      organizationId: northwind.id,
      customerName: "Alpine Ski House",
      product: "crm-online",
      amountCents: 15_000_000,
      bookedOn: "2018-06-01",
      dporAssociated: true,
      reference: "NW-1",
    });
    const account = (email: string, role: "partner_admin" | "employee", personId: string | null) => ({
      email,
      displayName: email,
      passwordHash: "not-a-usable-hash",
      role,
      organizationId: northwind.id,
      personId,
    });
    const [admin, anaUser, benUser] = await world.db
      .insert(users)
      .values([
        account("admin@northwind.example", "partner_admin", null),
        account("ana@northwind.example", "employee", ana.id),
        account("ben@northwind.example", "employee", ben.id),
      ])
      .returning({ id: users.id });

    await watchAll(world.db, "2018-11-15");
    const expiring = await world.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.organizationId, northwind.id), eq(alerts.kind, "exam-expiring")));
    expect(expiring).toHaveLength(1);
    expect(expiring[0]).toMatchObject({
      causeKey: `exam-expiring:${retiring.id}:2018-12-31`,
      tier: "silver",
      dueOn: "2018-12-31",
      personIds: [ana.id],
      evidenceIds: [retiring.id],
      details: { personNames: ["Ana Trujillo"], examCode: "MB2-709" },
    });
    const told = await world.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.alertId, expiring[0].id));
    expect(told.map((row) => row.userId).sort()).toEqual([admin.id, anaUser.id].sort());
    expect(told.map((row) => row.userId)).not.toContain(benUser.id);
    // The tier it will cost cites the same pass.
    const [ending] = await world.db
      .select({ evidenceIds: alerts.evidenceIds })
      .from(alerts)
      .where(and(eq(alerts.organizationId, northwind.id), eq(alerts.kind, "tier-ending")));
    expect(ending.evidenceIds).toContain(retiring.id);

    // Watched again the next day: the same pass is recognised, not announced twice.
    await watchAll(world.db, "2018-11-16");
    expect(
      await world.db
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.organizationId, northwind.id), eq(alerts.kind, "exam-expiring"))),
    ).toEqual([{ id: expiring[0].id }]);
  });
});

describeOnEachDatabase("two workers on one database", (database) => {
  it("share one run: every organization is watched once, and a second run the same day watches none", async () => {
    const world = await demoWorld(database());
    // Enough for several batches, one of them full.
    const extra = 2 * WATCH_BATCH_SIZE + 30;
    await world.db.insert(organizations).values(
      Array.from({ length: extra }, (_, index) => ({
        name: `Watched Partner ${index}`,
        mpnId: String(900000 + index),
        market: "developed",
      })),
    );
    const { startJobs, queues } = await import("@/lib/jobs/queue");
    const start = () => startJobs(database(), { work: true, pollingIntervalSeconds: 0.5 });
    // On PostgreSQL they start together, as two instances do: creating their queues at once must
    // not fail. An embedded database belongs to one process, whose server starts one queue.
    const workers = database().kind === "postgres" ? await Promise.all([start(), start()]) : [await start(), await start()];
    try {
      // Both instances' schedules fire the run as well.
      await workers[0].boss.send(queues.watchRun, {});
      await workers[1].boss.send(queues.watchRun, {});
      const total = extra + 2;
      type BatchJob = { state: string; output: { watched: number } | null };
      let rows: BatchJob[] = [];
      for (let attempt = 0; attempt < 240; attempt++) {
        rows = (await database().execute("select state, output from pgboss.job where name = $1", [queues.watchBatch]))
          .rows as unknown as BatchJob[];
        const [{ pending }] = (
          await database().execute("select count(*)::int as pending from pgboss.job where name = $1 and state <> 'completed'", [
            queues.watchRun,
          ])
        ).rows as { pending: number }[];
        if (pending === 0 && rows.length > 0 && rows.every((row) => row.state === "completed")) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // Each worker catches up on today's watch as it starts, and each schedule fires: four runs.
      const batches = await organizationBatches(database().db);
      expect(batches.flat()).toHaveLength(total);
      expect(Math.max(...batches.map((batch) => batch.length))).toBe(WATCH_BATCH_SIZE);
      expect(rows).toHaveLength(4 * batches.length);
      expect(rows.every((row) => row.state === "completed")).toBe(true);
      expect(rows.reduce((sum, row) => sum + (row.output?.watched ?? 0), 0)).toBe(total);
      const watched = await world.db.select({ id: organizationWatch.organizationId }).from(organizationWatch);
      expect(watched).toHaveLength(total);
      expect(await world.db.select().from(alerts)).toHaveLength(4);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });
});
