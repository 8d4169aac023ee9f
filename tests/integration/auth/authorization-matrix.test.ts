import "./auth-secret";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { examPasses, people, programImpactRuns, programVersions, revenueLines, users as usersTable } from "@/db/schema";
import { cloudCrm, definitionFileOf } from "@/lib/rules";
import { today } from "@/lib/clock";
import { addDays } from "@/lib/rules";
import { actionMeta, type ActionResult } from "@/lib/actions/action";
import * as invitations from "@/lib/data/invitations";
import { outcome, settle, type Settled } from "../../support/action-outcome";
import { runAs, TestRequest } from "../../support/request-context";
import { describeOnEachDatabase } from "../support/database";
import { actionRows, callers, routeRows, type Caller, type World } from "./authorization-table";
import { demoWorld, type DemoWorld } from "./support";

const root = process.cwd();
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const useServerDirective = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

type Action = (...args: unknown[]) => Promise<ActionResult<unknown>>;
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Enumerated when the file is collected, so that each endpoint gets its own tests.
const actionModules = sourceFiles("lib/actions").filter((file) => useServerDirective.test(readFileSync(file, "utf8")));
const actions = (
  await Promise.all(
    actionModules.map(async (file) =>
      Object.entries((await import(path.join(root, file))) as Record<string, unknown>).map(([name, value]) => ({
        key: `${file}#${name}`,
        value,
      })),
    ),
  )
).flat();
const routes = (
  await Promise.all(
    sourceFiles("app")
      .filter((file) => file.endsWith("/route.ts"))
      .map(async (file) => {
        const routeModule = (await import(path.join(root, file))) as Record<string, unknown>;
        return httpMethods
          .filter((method) => typeof routeModule[method] === "function")
          .map((method) => ({
            key: `${file} ${method}`,
            handler: routeModule[method] as RouteHandler,
          }));
      }),
  )
).flat();

function toFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) form.append(key, item instanceof Blob ? item : String(item));
    }
  }
  return form;
}

/** The form's own input echoed back is no disclosure; everything else must be identical. */
function withoutEcho(settled: Settled<unknown>): unknown {
  if (settled.kind !== "result" || settled.result.ok) return settled;
  const { values: _echo, ...result } = settled.result;
  return result;
}

describe("the endpoints the authorization matrix covers", () => {
  it("are every server action (no inline 'use server' elsewhere) and every route handler", () => {
    const allowedElsewhere = new Map([["lib/i18n/actions.ts", "setLocale only sets the visitor's language cookie"]]);
    const stray = ["app", "components", "lib"]
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith("lib/actions/") && !allowedElsewhere.has(file))
      .filter((file) => /["']use server["']/.test(readFileSync(file, "utf8")));
    expect(stray, "server actions belong in lib/actions/, built with action()/formAction()").toEqual([]);
    expect(actions.length).toBeGreaterThan(0);
    expect(routes.length).toBeGreaterThan(0);
  });

  it("are all built with action(), formAction() or publicFormAction(), which read the session first", () => {
    const unwrapped = actions.filter((entry) => !actionMeta(entry.value)).map((entry) => entry.key);
    expect(unwrapped).toEqual([]);
  });

  it("have no row in the table that names nothing", () => {
    const known = new Set([...actions.map((entry) => entry.key), ...routes.map((entry) => entry.key)]);
    expect([...Object.keys(actionRows), ...Object.keys(routeRows)].filter((key) => !known.has(key))).toEqual([]);
  });
});

describeOnEachDatabase("the authorization matrix", (database) => {
  let demo: DemoWorld;
  let world: World;
  let users: Record<Caller, DemoWorld["users"][keyof DemoWorld["users"]] | null>;
  let counter = 0;

  /** A fingerprint of every table but the two that record refusals. */
  async function snapshot(): Promise<Record<string, string>> {
    // postgres.js answers with an array of rows, PGlite with { rows }.
    const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);
    const tables = rowsOf<{ name: string }>(
      await demo.db.execute(
        sql`select table_name as name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE'
              and table_name not in ('audit_events', 'sign_in_attempts') order by 1`,
      ),
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = rowsOf<{ digest: string }>(
        await demo.db.execute(
          sql.raw(`select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`),
        ),
      );
      digests[name] = row.digest;
    }
    return digests;
  }

  /** A request as `caller`, its session already started (so starting it changes no table). */
  async function signedInRequest(caller: Caller): Promise<TestRequest> {
    const request = new TestRequest(users[caller]);
    await request.run(() => request.session());
    return request;
  }

  beforeAll(async () => {
    demo = await demoWorld(database());
    users = { signedOut: null, ...demo.users };
    const laterDay = async () => {
      const [row] = await demo.db
        .select({ latest: sql<string | null>`max(${programVersions.effectiveFrom})::text` })
        .from(programVersions)
        .where(sql`${programVersions.status} <> 'withdrawn'`);
      const after = row.latest && row.latest > today() ? row.latest : today();
      return addDays(after, 1 + (counter += 1));
    };
    const noDraft = async () => {
      await demo.db.delete(programVersions).where(sql`${programVersions.status} = 'draft'`);
    };
    const insertVersion = async (status: "draft" | "published") => {
      const [row] = await demo.db
        .insert(programVersions)
        .values({
          programId: "cloud-crm",
          versionId: world.unique("v"),
          effectiveFrom: await laterDay(),
          definition: definitionFileOf(cloudCrm),
          status,
          publishedAt: status === "published" ? new Date() : null,
        })
        .returning({ id: programVersions.id, version: programVersions.version });
      return row;
    };
    world = {
      db: demo.db,
      laterDay,
      noDraft,
      newDraft: async () => {
        await noDraft();
        return insertVersion("draft");
      },
      publishableDraft: async () => {
        await noDraft();
        const draft = await insertVersion("draft");
        await demo.db.insert(programImpactRuns).values({
          programVersionId: draft.id,
          draftVersion: draft.version,
          asOf: today(),
          status: "done",
          organizationsTotal: 2,
          organizationsDone: 2,
          result: [],
        });
        return draft;
      },
      futureVersion: () => insertVersion("published"),
      firstVersionId: async () =>
        (
          await demo.db
            .select({ id: programVersions.id })
            .from(programVersions)
            .where(sql`${programVersions.effectiveFrom} is null`)
        )[0].id,
      contosoId: demo.contosoId,
      fabrikamId: demo.fabrikamId,
      alicePersonId: demo.users.employee.personId ?? "",
      unique: (prefix) => `${prefix}-${(counter += 1)}-${randomUUID().slice(0, 8)}`,
      daysAgo: (days) => addDays(today(), -days),
      recentDay: () => addDays(today(), -(counter += 1)),
      newContosoPerson: async () =>
        (
          await demo.db
            .insert(people)
            .values({ organizationId: demo.contosoId, name: world.unique("Person") })
            .returning({ id: people.id })
        )[0].id,
      newContosoRevenueLine: async () => {
        const [line] = await demo.db
          .insert(revenueLines)
          .values({
            organizationId: demo.contosoId,
            reference: world.unique("CTS-MATRIX"),
            customerName: "Matrix Customer",
            product: "crm-online",
            amountCents: 100_000,
            bookedOn: addDays(today(), -10),
            dporAssociated: true,
          })
          .returning({ id: revenueLines.id });
        return line.id;
      },
      newContosoExamPass: async (personId) => {
        const owner = personId ?? (await world.newContosoPerson());
        const [pass] = await demo.db
          .insert(examPasses)
          .values({ organizationId: demo.contosoId, personId: owner, examCode: "MB2-712", passedOn: addDays(today(), -(counter += 1)) })
          .returning({ id: examPasses.id });
        return { id: pass.id, personId: owner };
      },
      newContosoInvitation: async () => {
        const created = await invitations.createInvitation(demo.db, {
          organizationId: demo.contosoId,
          invitedBy: demo.users.admin.id,
          email: `${world.unique("invited")}@contoso.example`,
          role: "partner_admin",
          personId: null,
        });
        return { id: created.id, token: created.token };
      },
      newContosoMember: async () =>
        (
          await demo.db
            .insert(usersTable)
            .values({
              organizationId: demo.contosoId,
              email: `${world.unique("member")}@contoso.example`,
              displayName: "Matrix Member",
              passwordHash: "x",
              role: "employee",
            })
            .returning({ id: usersTable.id })
        )[0].id,
    };
  });

  for (const { key, value } of actions) {
    describe(key, () => {
      const entry = actionRows[key];
      if (!entry) {
        it("has a row in tests/integration/auth/authorization-table.ts", () => {
          expect.fail(`${key} is a server action without a row in the authorization table`);
        });
        return;
      }
      const meta = actionMeta(value);
      const call = (input: Record<string, unknown>) => {
        const fn = value as Action;
        return meta?.shape === "form" ? fn(null, toFormData(input)) : fn(input);
      };
      for (const row of Array.isArray(entry) ? entry : [entry]) {
        for (const caller of callers) {
          const expected = row.expect[caller];
          it(`${row.case ? `${row.case}, ` : ""}${caller}: ${expected}`, async () => {
            const input = await row.input(world, caller);
            const request = await signedInRequest(caller);
            const before = await snapshot();
            const settled = await request.run(() => settle(call(input)));
            expect(outcome(settled), JSON.stringify(settled)).toBe(expected);
            if (expected === "ok" || expected === "redirect") return;
            expect(await snapshot(), "a refused call changed data").toEqual(before);
            if (expected === "not_found" && row.missing) {
              const missingInput = await row.missing(world, caller);
              const missing = await runAs(users[caller], () => settle(call(missingInput)));
              expect(withoutEcho(settled), "another organization's record must answer like a missing one").toEqual(withoutEcho(missing));
            }
          });
        }
      }
    });
  }

  for (const { key, handler } of routes) {
    describe(key, () => {
      const entry = routeRows[key];
      if (!entry) {
        it("has a row in tests/integration/auth/authorization-table.ts", () => {
          expect.fail(`${key} is a route handler without a row in the authorization table`);
        });
        return;
      }
      for (const row of Array.isArray(entry) ? entry : [entry]) {
        for (const caller of callers) {
          it(`${row.case ? `${row.case}, ` : ""}${caller}: HTTP ${row.expect[caller]}`, async () => {
            const params = typeof row.params === "function" ? await row.params(world) : (row.params ?? {});
            const request = await signedInRequest(caller);
            const before = await snapshot();
            const response = await request.run(() =>
              handler(new NextRequest(row.request(world, caller)), { params: Promise.resolve(params) }),
            );
            expect(response.status).toBe(row.expect[caller]);
            if (response.status >= 300) expect(await snapshot()).toEqual(before);
            const body = await response.text();
            for (const text of row.mustNotContain?.[caller] ?? []) expect(body).not.toContain(text);
          });
        }
      }
    });
  }
});
