import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, examPasses, organizations, people, users } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { createPerson, getPerson, listPeople, updatePerson } from "@/lib/data/people";
import { peopleQuery, personInput } from "@/lib/schemas/people";
import { today } from "@/lib/clock";
import { addDays } from "@/lib/rules";
import { describeOnEachDatabase } from "../support/database";

describeOnEachDatabase("people", (database) => {
  let contoso: { organizationId: string; actorId: string };
  let fabrikam: { organizationId: string; actorId: string };

  beforeAll(async () => {
    const { db } = database();
    const actors = [];
    for (const [name, mpnId] of [
      ["Contoso Ltd", "4410021"],
      ["Fabrikam Inc", "5520487"],
    ]) {
      const [organization] = await db.insert(organizations).values({ name, mpnId, market: "developed" }).returning();
      const [admin] = await db
        .insert(users)
        .values({
          email: `admin@${mpnId}.example`,
          displayName: "Admin",
          passwordHash: "x",
          role: "partner_admin",
          organizationId: organization.id,
        })
        .returning();
      actors.push({ organizationId: organization.id, actorId: admin.id });
    }
    [contoso, fabrikam] = actors;
  });

  it("adds a person and audits it in the same transaction", async () => {
    const { db } = database();
    const person = await createPerson(
      db,
      contoso,
      personInput.parse({ name: " Alice Martin ", email: "Alice@Contoso.example", mcid: "10451001", leftOn: "" }),
    );
    expect(person).toMatchObject({ name: "Alice Martin", email: "alice@contoso.example", mcid: "10451001", leftOn: null, version: 1 });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(events.map((event) => event.action)).toEqual(["person.created"]);
  });

  it("refuses a second person with the same MCID in one organization, but not in another", async () => {
    const { db } = database();
    const attempt = createPerson(db, contoso, personInput.parse({ name: "Alice again", mcid: "10451001" }));
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ details: { field: "mcid", messageKey: "people.errors.mcidTaken" } });
    await expect(createPerson(db, fabrikam, personInput.parse({ name: "Another Alice", mcid: "10451001" }))).resolves.toMatchObject({
      mcid: "10451001",
    });
  });

  it("says what is wrong with a person's fields", () => {
    const result = personInput.safeParse({ name: "", email: "not-an-email", mcid: "12ab" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "mcid"]));
  });

  it("records a departure and undoes it, each bumping the version", async () => {
    const { db } = database();
    const [{ id }] = await db.select({ id: people.id }).from(people).where(eq(people.mcid, "10451001")).limit(1);
    const { person } = await getPerson(db, contoso.organizationId, id);
    const left = await updatePerson(db, contoso, { id, version: person.version, leftOn: "2026-11-30" });
    expect(left).toMatchObject({ leftOn: "2026-11-30", version: person.version + 1 });
    const back = await updatePerson(db, contoso, { id, version: left.version, leftOn: null });
    expect(back).toMatchObject({ leftOn: null, version: person.version + 2 });
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((event) => event.action)).toEqual(["person.created", "person.departure_recorded", "person.departure_cleared"]);
  });

  it("says whether someone can still sign in as the person", async () => {
    const { db } = database();
    const person = await createPerson(db, contoso, personInput.parse({ name: "Dana Account" }));
    expect((await getPerson(db, contoso.organizationId, person.id)).hasActiveAccount).toBe(false);
    const [account] = await db
      .insert(users)
      .values({
        email: "dana@contoso.example",
        displayName: "Dana",
        passwordHash: "x",
        role: "employee",
        organizationId: contoso.organizationId,
        personId: person.id,
      })
      .returning();
    expect((await getPerson(db, contoso.organizationId, person.id)).hasActiveAccount).toBe(true);
    await db.update(users).set({ disabled: true }).where(eq(users.id, account.id));
    expect((await getPerson(db, contoso.organizationId, person.id)).hasActiveAccount).toBe(false);
  });

  it("refuses an edit made from a stale page instead of overwriting the newer one", async () => {
    const { db } = database();
    const person = await createPerson(db, contoso, personInput.parse({ name: "Bruno Costa" }));
    await updatePerson(db, contoso, { id: person.id, version: 1, name: "Bruno C." });
    await expect(updatePerson(db, contoso, { id: person.id, version: 1, name: "Bruno Costa-Silva" })).rejects.toBeInstanceOf(ConflictError);
    expect((await getPerson(db, contoso.organizationId, person.id)).person.name).toBe("Bruno C.");
  });

  it("treats another organization's person as not found and changes nothing", async () => {
    const { db } = database();
    const person = await createPerson(db, fabrikam, personInput.parse({ name: "Frank Miller" }));
    await expect(getPerson(db, contoso.organizationId, person.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePerson(db, contoso, { id: person.id, version: 1, name: "Hijacked" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPerson(db, fabrikam.organizationId, person.id)).person.name).toBe("Frank Miller");
  });

  it("searches, sorts and pages 5,000 people in SQL", async () => {
    const { db } = database();
    const [organization] = await db.insert(organizations).values({ name: "Big", mpnId: "7777777", market: "developed" }).returning();
    await db.insert(people).values(
      Array.from({ length: 5_000 }, (_, index) => ({
        organizationId: organization.id,
        name: `Person ${String(index).padStart(4, "0")}`,
        mcid: String(100_000 + index),
        leftOn: index % 10 === 0 ? "2026-01-01" : null,
      })),
    );
    // Person 0001 passed two exams, and each of their passes is counted on their row alone.
    const [first] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organizationId, organization.id), eq(people.mcid, "100001")));
    await db.insert(examPasses).values([
      { organizationId: organization.id, personId: first.id, examCode: "MB2-717", passedOn: "2026-01-10" },
      { organizationId: organization.id, personId: first.id, examCode: "MB2-716", passedOn: "2026-01-11" },
    ]);
    const current = await listPeople(db, organization.id, peopleQuery.parse({}));
    expect(current.rows.slice(0, 2).map((row) => row.passes)).toEqual([2, 0]);
    expect(current.total).toBe(4_500);
    expect(current.rows).toHaveLength(50);
    expect(current.rows[0].name).toBe("Person 0001");

    const lastPage = await listPeople(
      db,
      organization.id,
      peopleQuery.parse({ status: "all", sort: "mcid", direction: "desc", page: "100" }),
    );
    expect(lastPage.total).toBe(5_000);
    expect(lastPage.rows.at(-1)?.mcid).toBe("100000");

    const search = await listPeople(db, organization.id, peopleQuery.parse({ q: "person 012", status: "all" }));
    expect(search.rows.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, index) => `Person 012${index}`));

    const wildcard = await listPeople(db, organization.id, peopleQuery.parse({ q: "%" }));
    expect(wildcard.total).toBe(0);
  });

  it("lists a person whose departure is still to come among the current people, and as left from that day", async () => {
    const { db } = database();
    const [organization] = await db.insert(organizations).values({ name: "Leaving", mpnId: "7777778", market: "developed" }).returning();
    const day = today();
    await db.insert(people).values([
      { organizationId: organization.id, name: "Leaves tomorrow", leftOn: addDays(day, 1) },
      { organizationId: organization.id, name: "Leaves today", leftOn: day },
      { organizationId: organization.id, name: "Stays" },
    ]);
    const names = async (status: string) =>
      (await listPeople(db, organization.id, peopleQuery.parse({ status }))).rows.map((row) => row.name);
    expect(await names("current")).toEqual(["Leaves tomorrow", "Stays"]);
    expect(await names("left")).toEqual(["Leaves today"]);
    expect(await names("all")).toEqual(["Leaves today", "Leaves tomorrow", "Stays"]);
  });

  it("falls back to the defaults on a tampered query string", () => {
    expect(peopleQuery.parse({ sort: "password_hash", direction: "sideways", page: "-3", status: "x" })).toEqual({
      q: "",
      sort: "name",
      direction: "asc",
      page: 1,
      status: "current",
    });
  });
});
