import { beforeAll, expect, it } from "vitest";
import { invitations, organizations, people, users } from "@/db/schema";
import { listPendingInvitations } from "@/lib/data/invitations";
import { personChoices, personChoicesShown } from "@/lib/data/people";
import { listOrganizationMembers, membersPageSize } from "@/lib/data/users";
import { describeOnEachDatabase } from "../support/database";

/** The person pickers and the Team page's lists: bounded queries of the organization's own rows. */
describeOnEachDatabase("person choices and team lists", (database) => {
  let organizationId = "";
  let otherId = "";
  let adminId = "";

  beforeAll(async () => {
    const { db } = database();
    const [organization, other] = await db
      .insert(organizations)
      .values([
        { name: "Choices Ltd", mpnId: "7710001", market: "developed" },
        { name: "Elsewhere Inc", mpnId: "7710002", market: "developed" },
      ])
      .returning();
    organizationId = organization.id;
    otherId = other.id;
    const rows = Array.from({ length: 60 }, (_, index) => ({
      organizationId,
      name: `Person ${String(index + 1).padStart(2, "0")}`,
      email: `p${index + 1}@choices.example`,
      leftOn: index === 1 ? "2020-01-01" : null,
    }));
    const inserted = await db
      .insert(people)
      .values([...rows, { organizationId, name: "100% Sales_Lead" }, { organizationId: otherId, name: "Person 99 elsewhere" }])
      .returning();
    const [admin] = await db
      .insert(users)
      .values([
        { email: "admin@choices.example", displayName: "Zed Admin", passwordHash: "x", role: "partner_admin", organizationId },
        ...inserted.slice(0, 55).map((person, index) => ({
          email: `member${index}@choices.example`,
          displayName: person.name,
          passwordHash: "x",
          role: "employee",
          organizationId,
          personId: person.id,
        })),
      ])
      .returning();
    adminId = admin.id;
    await db.insert(invitations).values(
      Array.from({ length: 52 }, (_, index) => ({
        organizationId,
        email: `invitee${index}@example.com`,
        role: "partner_admin",
        tokenHash: `choices-${index}`,
        invitedBy: adminId,
        expiresAt: new Date(Date.now() + (index + 1) * 60_000),
      })),
    );
  });

  it("offers the first current people by name for an exam pass, and says that more match", async () => {
    const { db } = database();
    const all = await personChoices(db, organizationId, { purpose: "exam-pass", q: "" });
    expect(all.people).toHaveLength(personChoicesShown);
    expect(all.more).toBe(true);
    expect(all.people[0].name).toBe("100% Sales_Lead");
    // Person 02 has left: a pass is recorded for current people only.
    expect(all.people.map((person) => person.name)).not.toContain("Person 02");
    const narrowed = await personChoices(db, organizationId, { purpose: "exam-pass", q: "person 0" });
    expect(narrowed.people.map((person) => person.name)).toEqual([
      "Person 01",
      "Person 03",
      "Person 04",
      "Person 05",
      "Person 06",
      "Person 07",
      "Person 08",
      "Person 09",
    ]);
    expect(narrowed.more).toBe(false);
    // By e-mail too; `%` and `_` match themselves, not any text.
    expect((await personChoices(db, organizationId, { purpose: "exam-pass", q: "p60@" })).people.map((person) => person.name)).toEqual([
      "Person 60",
    ]);
    expect((await personChoices(db, organizationId, { purpose: "exam-pass", q: "0% S" })).people.map((person) => person.name)).toEqual([
      "100% Sales_Lead",
    ]);
    expect((await personChoices(db, organizationId, { purpose: "exam-pass", q: "s_l" })).people.map((person) => person.name)).toEqual([
      "100% Sales_Lead",
    ]);
    expect((await personChoices(db, organizationId, { purpose: "exam-pass", q: "n_0" })).people).toEqual([]);
  });

  it("offers for an invitation only the people without an account, of the organization alone", async () => {
    const { db } = database();
    const choices = await personChoices(db, organizationId, { purpose: "invitation", q: "" });
    expect(choices.people.map((person) => person.name)).toEqual([
      "100% Sales_Lead",
      "Person 56",
      "Person 57",
      "Person 58",
      "Person 59",
      "Person 60",
    ]);
    expect(choices.more).toBe(false);
    expect((await personChoices(db, organizationId, { purpose: "invitation", q: "elsewhere" })).people).toEqual([]);
  });

  it("lists members a page at a time, narrowed by name or e-mail", async () => {
    const { db } = database();
    const first = await listOrganizationMembers(db, organizationId);
    expect(first.total).toBe(56);
    expect(first.rows).toHaveLength(membersPageSize);
    const last = await listOrganizationMembers(db, organizationId, { page: 3 });
    expect(last.rows.map((member) => member.displayName)).toEqual([
      "Person 51",
      "Person 52",
      "Person 53",
      "Person 54",
      "Person 55",
      "Zed Admin",
    ]);
    const found = await listOrganizationMembers(db, organizationId, { q: "MEMBER4@" });
    expect(found).toMatchObject({ total: 1, rows: [{ displayName: "Person 05", personName: "Person 05" }] });
    expect((await listOrganizationMembers(db, otherId)).total).toBe(0);
  });

  it("lists pending invitations a page at a time, the soonest to expire first", async () => {
    const { db } = database();
    const first = await listPendingInvitations(db, organizationId);
    expect(first.total).toBe(52);
    expect(first.rows[0].email).toBe("invitee0@example.com");
    const last = await listPendingInvitations(db, organizationId, { page: 3 });
    expect(last.rows.map((invitation) => invitation.email)).toEqual(["invitee50@example.com", "invitee51@example.com"]);
  });
});
