import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditWordsIn, describeEvent } from "@/components/audit/event-sentence";
import { people, revenueLines } from "@/db/schema";
import { updatePerson } from "@/lib/actions/people";
import { createApiToken } from "@/lib/data/api-tokens";
import { recordAudit } from "@/lib/data/audit";
import { auditScopeOf, listAuditEvents } from "@/lib/data/audit-log";
import { subjectKey } from "@/lib/data/audit-subjects";
import type { Locale } from "@/lib/i18n/locales";
import { auditFilter } from "@/lib/schemas/audit";
import { formData as form } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

describeOnEachDatabase("the audit trail in sentences", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
    const [line] = await world.db
      .select()
      .from(revenueLines)
      .where(and(eq(revenueLines.organizationId, world.contosoId), eq(revenueLines.reference, "CTS-INV-1001")));
    await recordAudit(world.db, {
      organizationId: world.contosoId,
      actorUserId: world.users.reviewer.id,
      action: "evidence.rejected",
      entityType: "revenue_line",
      entityId: line.id,
      after: { status: "rejected", reason: "customer not DPOR-associated" },
    });
    const [chloe] = await world.db
      .select()
      .from(people)
      .where(and(eq(people.organizationId, world.contosoId), eq(people.mcid, "10451003")));
    const edited = await runAs(world.users.admin, () =>
      updatePerson(
        null,
        form({ id: chloe.id, version: String(chloe.version), name: "Chloé Dubois-Martin", email: chloe.email ?? "", mcid: "10451003" }),
      ),
    );
    expect(edited).toMatchObject({ ok: true });
  });

  const latest = async (action: string, reviewer: boolean, locale: Locale) => {
    const scope = auditScopeOf(reviewer ? world.users.reviewer : world.users.admin);
    const { events, subjects } = await listAuditEvents(world.db, scope, auditFilter.parse({ action }));
    return describeEvent(events[0], subjects, auditWordsIn(locale, { reviewer }));
  };

  it("names an API token by its name, and a sentence opening on the token is capitalised", async () => {
    const { id } = await createApiToken(world.db, world.users.admin.id, {
      organizationId: world.contosoId,
      name: "HR sync",
      scope: "read_write",
      expiresInDays: 30,
    });
    const admin = world.users.admin.displayName;
    expect((await latest("api_token.created", false, "en")).sentence).toBe(`${admin} created the API token “HR sync”.`);
    expect((await latest("api_token.created", false, "fr")).sentence).toBe(`${admin} a créé le jeton d’API «\u202fHR sync\u202f».`);

    await recordAudit(world.db, {
      organizationId: world.contosoId,
      actorUserId: null,
      actorTokenId: id,
      action: "person.created",
      entityType: "person",
      entityId: null,
      after: { name: "Zoé Token" },
    });
    expect((await latest("person.created", false, "en")).sentence).toMatch(/^The API token “HR sync” /);
    expect((await latest("person.created", false, "fr")).sentence).toMatch(/^Le jeton d’API «\sHR sync\s» /);
  });

  it("names who rejected which revenue line and why, in each language", async () => {
    expect(await latest("evidence.rejected", true, "en")).toEqual({
      sentence: "Rita Reviewer rejected revenue line CTS-INV-1001 (Northwind Traders): customer not DPOR-associated.",
      changes: [],
      href: null,
    });
    expect((await latest("evidence.rejected", false, "fr")).sentence).toBe(
      "Rita Reviewer a rejeté la ligne de recettes CTS-INV-1001 (Northwind Traders)\u00a0: customer not DPOR-associated.",
    );
  });

  it("shows a change as its labelled fields, old → new, and links to the record", async () => {
    const english = await latest("person.updated", false, "en");
    expect(english.sentence).toBe("Claire Admin changed the details of Chloé Dubois-Martin.");
    expect(english.changes).toEqual(["Name: Chloé Dubois → Chloé Dubois-Martin"]);
    expect(english.href).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    expect((await latest("person.updated", false, "fr")).changes).toEqual(["Nom\u00a0: Chloé Dubois → Chloé Dubois-Martin"]);
  });

  it("writes French sentences about a name that starts with a vowel as French does, and a sign-in without agreeing", async () => {
    const [emma] = await world.db
      .select()
      .from(people)
      .where(and(eq(people.organizationId, world.contosoId), eq(people.name, "Emma Schmidt")));
    await recordAudit(world.db, {
      organizationId: world.contosoId,
      actorUserId: world.users.admin.id,
      action: "person.departure_recorded",
      entityType: "person",
      entityId: emma.id,
      after: { leftOn: "2027-01-31", reason: "de avril" },
    });
    expect((await latest("person.departure_recorded", false, "fr")).sentence).toBe(
      "Claire Admin a enregistré le départ d’Emma Schmidt : de avril.",
    );
    await recordAudit(world.db, {
      organizationId: world.contosoId,
      actorUserId: world.users.employee.id,
      action: "auth.sign_in",
      entityType: "user",
    });
    expect((await latest("auth.sign_in", false, "fr")).sentence).toBe("Connexion d’Alice Martin.");
  });

  it("links an application to its case for reviewers only: program administrators do not review", async () => {
    const scope = auditScopeOf(world.users.reviewer);
    const { events } = await listAuditEvents(world.db, scope, auditFilter.parse({ action: "evidence.rejected" }));
    const event = {
      ...events[0],
      action: "submission.claimed",
      entityType: "submission",
      entityId: "5d1f0c1e-8a51-4c1b-9a59-2f7b3c2a9e11",
    };
    const subjects = new Map([[subjectKey(event), { kind: "submission" as const, tier: "silver", id: event.entityId }]]);
    const href = (words: Parameters<typeof describeEvent>[2]) => describeEvent(event, subjects, words).href;
    expect(href(auditWordsIn("en", { reviewer: true }))).toBe(`/review/${event.entityId}`);
    expect(href(auditWordsIn("en", { reviewer: true, opensReviews: false }))).toBeNull();
    expect(href(auditWordsIn("en", { reviewer: false }))).toBe(`/submissions/${event.entityId}`);
  });
});
