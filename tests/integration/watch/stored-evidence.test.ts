import { sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { evidenceLinesOf } from "@/lib/data/evidence";
import { rowsOf } from "@/lib/data/raw-rows";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

interface Lines {
  people: string | null;
  revenue: string | null;
}

/** Every organization's evidence lines: as stored, as built now from its rows, and as a job reads them. */
async function linesOfAll(db: Executor) {
  return rowsOf<{ id: string; current: boolean; stored: Lines; built: Lines; read: Lines }>(
    db,
    sql`select org.id, stored.revision is not distinct from org.evidence_revision as current,
          json_build_object('people', stored.people, 'revenue', stored.revenue) as stored,
          json_build_object('people', organization_people_lines(org.id), 'revenue', organization_revenue_lines(org.id)) as built,
          json_build_object('people', lines.people, 'revenue', lines.revenue) as read
        from organizations as org
        left join organization_evidence as stored on stored.organization_id = org.id
        cross join lateral ${evidenceLinesOf(sql`org.id`)} as lines
        order by org.id`,
  );
}

/** Each organization's stored lines are those its rows give now, at its current revision. */
async function expectStoredCurrent(db: Executor) {
  for (const organization of await linesOfAll(db)) {
    expect(organization.current, organization.id).toBe(true);
    expect(organization.stored, organization.id).toEqual(organization.built);
  }
}

async function linesOf(db: Executor, organizationId: string) {
  const [organization] = (await linesOfAll(db)).filter((row) => row.id === organizationId);
  return organization;
}

describeOnEachDatabase("the evidence lines the database keeps for whole-program jobs", (database) => {
  let world: DemoWorld;
  let personId: string;

  beforeAll(async () => {
    world = await demoWorld(database());
    [{ id: personId }] = await rowsOf<{ id: string }>(
      world.db,
      sql`select id from people where organization_id = ${world.contosoId} order by name limit 1`,
    );
  });

  it("holds every seeded organization's lines at its revision", async () => {
    await expectStoredCurrent(world.db);
    const contoso = await linesOf(world.db, world.contosoId);
    expect(contoso.stored.people?.split("\n").length).toBeGreaterThan(3);
    expect(contoso.stored.revenue).toMatch(/^\S+ \d+ \d{4}-\d{2}-\d{2} [tf] /);
  });

  it("is written anew when a transaction commits, and read as the transaction changed it before then", async () => {
    const before = await linesOf(world.db, world.contosoId);
    await world.db.transaction(async (tx) => {
      // Several statements on each kind of evidence, in a session that writes dates otherwise.
      await tx.execute(sql`set local datestyle = 'SQL, DMY'`);
      await tx.execute(
        sql`insert into people (organization_id, name, email) values (${world.contosoId}, 'Aaron Added', 'aaron@contoso.example')`,
      );
      await tx.execute(
        sql`insert into exam_passes (organization_id, person_id, exam_code, passed_on) values (${world.contosoId}, ${personId}, 'MB2-716', '2026-01-15')`,
      );
      await tx.execute(sql`update people set left_on = '2027-03-31' where id = ${personId}`);
      await tx.execute(
        sql`delete from revenue_lines where id = (select id from revenue_lines where organization_id = ${world.contosoId} order by booked_on limit 1)`,
      );
      const during = await linesOf(tx, world.contosoId);
      expect(during.current).toBe(false);
      expect(during.stored).toEqual(before.stored);
      expect(during.read).toEqual(during.built);
      expect(during.read.people).toContain(`${personId} 2027-03-31 `);
      expect(during.read.people).toContain("MB2-716 2026-01-15");
      expect(during.read.people?.split("\n")[0]).toMatch(/^\S+ - ?$/); // Aaron Added, first by name, without passes
      expect(during.read.revenue?.split("\n").length).toBe((before.stored.revenue?.split("\n").length ?? 0) - 1);
    });
    const after = await linesOf(world.db, world.contosoId);
    expect(after.current).toBe(true);
    expect(after.stored).toEqual(after.built);
    expect(after.stored.people).toContain(`${personId} 2027-03-31 `);
    await expectStoredCurrent(world.db);
  });

  it("keeps the lines of a transaction rolled back as they were", async () => {
    const before = await linesOf(world.db, world.fabrikamId);
    await expect(
      world.db.transaction(async (tx) => {
        await tx.execute(sql`delete from exam_passes where organization_id = ${world.fabrikamId}`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await linesOf(world.db, world.fabrikamId)).toEqual(before);
  });

  it("stores both of two transactions that change one organization's evidence at once", async ({ skip }) => {
    const url = database().url;
    if (!url) return skip("one PGlite database has one connection");
    const first = postgres(url, { max: 1, onnotice: () => {} });
    const second = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const passOn = (day: string) =>
        `insert into exam_passes (organization_id, person_id, exam_code, passed_on) values ('${world.contosoId}', '${personId}', 'MB2-717', '${day}')`;
      const one = await first.reserve();
      const other = await second.reserve();
      await one`begin`;
      await one.unsafe(passOn("2025-05-05"));
      await other`begin`;
      // Waits for the first transaction's hold on the organization, then goes on.
      const waiting = other.unsafe(passOn("2025-06-06"));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await one`commit`;
      await waiting;
      await other`commit`;
      one.release();
      other.release();
      const after = await linesOf(world.db, world.contosoId);
      expect(after.current).toBe(true);
      expect(after.stored).toEqual(after.built);
      expect(after.stored.people).toContain("MB2-717 2025-05-05");
      expect(after.stored.people).toContain("MB2-717 2025-06-06");
    } finally {
      await first.end({ timeout: 5 });
      await second.end({ timeout: 5 });
    }
  });

  it("forgets an organization deleted with its evidence", async () => {
    const [{ id }] = await rowsOf<{ id: string }>(
      world.db,
      sql`insert into organizations (name, mpn_id, market) values ('Gone Ltd', '990001', 'developed') returning id`,
    );
    await world.db.execute(sql`insert into people (organization_id, name, email) values (${id}, 'Short Stay', 'short@gone.example')`);
    expect((await linesOf(world.db, id)).stored.people).toMatch(/ -$/);
    await world.db.execute(sql`delete from organizations where id = ${id}`);
    expect(await rowsOf(world.db, sql`select 1 from organization_evidence where organization_id = ${id}`)).toEqual([]);
  });
});
