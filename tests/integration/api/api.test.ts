import "../auth/auth-secret";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as unknownEndpoint from "@/app/api/v1/[...path]/route";
import { apiTokens, auditEvents, examPasses, people, revenueLines } from "@/db/schema";
import { config } from "@/lib/config";
import { today } from "@/lib/clock";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { ConflictError } from "@/lib/data/errors";
import { loadOrganizationEvidence } from "@/lib/data/evidence";
import { publishedProgram } from "@/lib/data/program";
import { evaluateOn } from "@/lib/rules";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { api, checkedDocument } from "./client";

const tsx = join(process.cwd(), "node_modules/.bin/tsx");

interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: Array<{ path: string; message: string }>;
}
interface Item {
  id: string;
  version: number;
  [field: string]: unknown;
}
interface Page {
  items: Item[];
  next: string | null;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and describes every resource", async () => {
    const document = await checkedDocument();
    expect(Object.keys(document.paths).sort()).toEqual([
      "/evaluation",
      "/exam-passes",
      "/exam-passes/upsert",
      "/exam-passes/{id}",
      "/forecast",
      "/gaps",
      "/next-tier",
      "/people",
      "/people/upsert",
      "/people/{id}",
      "/revenue-lines",
      "/revenue-lines/upsert",
      "/revenue-lines/{id}",
    ]);
  });
});

describeOnEachDatabase("the REST API with organization tokens", (database) => {
  let world: DemoWorld;
  let write: string;
  let read: string;
  let fabrikam: string;
  let counter = 0;

  const token = async (organizationId: string, scope: "read" | "read_write", name = `token ${++counter}`) =>
    (await createApiToken(world.db, null, { organizationId, name, scope, expiresInDays: 30 })).secret;
  const countOf = async (table: typeof people | typeof examPasses | typeof revenueLines) =>
    (await world.db.select({ n: count() }).from(table))[0].n;

  beforeAll(async () => {
    world = await demoWorld(database());
    write = await token(world.contosoId, "read_write", "HR sync");
    read = await token(world.contosoId, "read");
    fabrikam = await token(world.fabrikamId, "read_write");
  });

  it("names each token in use apart within an organization, and lets a revoked token's name be used again", async () => {
    const named = (organizationId: string, name: string) =>
      createApiToken(world.db, null, { organizationId, name, scope: "read", expiresInDays: 30 });
    const again = await named(world.contosoId, "hr SYNC").catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).details).toEqual({ messageKey: "integrations.tokens.nameTaken", field: "name" });
    await named(world.fabrikamId, "HR sync");
    const quarterly = await named(world.contosoId, "Quarterly report");
    await revokeApiToken(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, quarterly.id);
    await expect(named(world.contosoId, "Quarterly report")).resolves.toMatchObject({ secret: expect.stringMatching(/^ccp_/) });
  });

  it("lists the token's organization's people a page at a time, each once, and nobody else's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer = await api("GET", `/people?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: read });
      expect(answer.status).toBe(200);
      const page = answer.body as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => String(item.name)));
      cursor = page.next;
    } while (cursor);
    expect(seen.sort()).toEqual(["Alice Martin", "Bruno Costa", "Chloé Dubois", "David Okafor", "Emma Schmidt"]);

    const theirs = (await api("GET", "/people", { token: fabrikam })).body as Page;
    expect(theirs.items.map((item) => item.name).sort()).toEqual(["Frank Miller", "Gina Rossi"]);
    const alice = (await api("GET", "/people?q=alice", { token: read })).body as Page;
    expect(alice.items).toHaveLength(1);
    expect((await api("GET", `/people/${alice.items[0].id}`, { token: fabrikam })).status).toBe(404);
    expect((await api("GET", "/people/not-an-id", { token: read })).status).toBe(404);
    const tooMany = (await api("GET", "/people?limit=1000", { token: read })).body as Problem;
    expect(tooMany.errors).toEqual([{ path: "$.limit", message: "Enter at most 100." }]);
    // A path that is no endpoint answers a problem in JSON, once the token is checked.
    const nowhere = (token?: string) =>
      unknownEndpoint.GET(
        new NextRequest("http://portal.test/api/v1/no-such-endpoint", { headers: token ? { authorization: `Bearer ${token}` } : {} }),
        { params: Promise.resolve({ path: ["no-such-endpoint"] }) },
      );
    const answer = await nowhere(read);
    expect([answer.status, answer.headers.get("content-type")]).toEqual([404, "application/problem+json"]);
    expect(((await answer.json()) as Problem).title).toBe("No such endpoint: the API's reference at /api/docs lists them all.");
    expect((await nowhere()).status).toBe(401);
    // A parameter sent with a value of the wrong kind is told so, not that it is missing.
    const notANumber = (await api("GET", "/people?limit=abc", { token: read })).body as Problem;
    expect(notANumber.errors).toEqual([{ path: "$.limit", message: "Send a number, not text." }]);
  });

  it("refuses a missing, unknown, revoked or expired token, and a read token that writes", async () => {
    const body = { name: "Nobody" };
    const before = await countOf(people);
    const missing = await api("POST", "/people", { body });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expect((await api("POST", "/people", { token: "ccp_" + "x".repeat(43), body })).status).toBe(401);

    const readOnly = await api("POST", "/people", { token: read, body });
    expect(readOnly.status).toBe(403);
    expect((readOnly.body as Problem).type).toMatch(/insufficient-scope$/);

    const revoked = await token(world.contosoId, "read_write");
    await world.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.name, `token ${counter}`));
    expect((await api("GET", "/people", { token: revoked })).status).toBe(401);
    const expired = await token(world.contosoId, "read_write");
    await world.db
      .update(apiTokens)
      .set({ createdAt: sql`now() - interval '2 days'`, expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.name, `token ${counter}`));
    expect((await api("GET", "/people", { token: expired })).status).toBe(401);
    expect(await countOf(people)).toBe(before);
  });

  it("refuses a bad body at each field's JSON path in the caller's language, and writes nothing", async () => {
    const before = await countOf(people);
    const invalid = await api("POST", "/people", { token: write, body: { name: "", email: "not-an-email", mcid: "12" } });
    expect(invalid.status).toBe(422);
    expect((invalid.body as Problem).errors).toEqual([
      { path: "$.name", message: "This field is required." },
      { path: "$.email", message: "Enter an email address such as name@example.com." },
      { path: "$.mcid", message: expect.stringContaining("3 to 20 digits") },
    ]);
    const french = await api("POST", "/people", { token: write, body: { name: "" }, headers: { "accept-language": "fr-FR" } });
    expect((french.body as Problem).errors).toEqual([{ path: "$.name", message: "Ce champ est obligatoire." }]);
    expect((french.body as Problem).title).toContain("enfreint une règle");
    expect((await api("POST", "/people", { token: write, body: "{not json" })).status).toBe(400);
    // JSON of the wrong shape says what was expected, where.
    const list = (await api("POST", "/people", { token: write, body: [] })).body as Problem;
    expect(list.errors).toEqual([{ path: "$", message: "Send an object, with the fields the reference lists." }]);
    const numbered = (await api("POST", "/people", { token: write, body: { name: 42 } })).body as Problem;
    expect(numbered.errors).toEqual([{ path: "$.name", message: "Send text, between quotes." }]);
    // JSON sent as something else (curl -d sends a form's type) is told how to send it.
    const plain = await api("POST", "/people", {
      token: write,
      body: { name: "Ines Roy" },
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect([plain.status, plain.headers.get("accept")]).toEqual([415, "application/json"]);
    expect((plain.body as Problem).title).toContain("Content-Type: application/json");
    const charset = await api("POST", "/people", {
      token: write,
      body: { name: "" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(422);
    expect(await countOf(people)).toBe(before);
  });

  it("creates and updates a person with If-Match, audited under the token's name", async () => {
    const created = await api("POST", "/people", { token: write, body: { name: "Hugo Leclerc", mcid: "10459001" } });
    expect(created.status).toBe(201);
    const hugo = created.body as Item;
    expect(created.headers.get("etag")).toBe('"1"');

    expect((await api("PATCH", `/people/${hugo.id}`, { token: write, body: { leftOn: today() } })).status).toBe(428);
    const unreadable = await api("PATCH", `/people/${hugo.id}`, {
      token: write,
      body: { leftOn: today() },
      headers: { "if-match": "latest" },
    });
    expect([unreadable.status, (unreadable.body as Problem).errors?.map((error) => error.path)]).toEqual([422, ["If-Match"]]);
    const stale = await api("PATCH", `/people/${hugo.id}`, { token: write, body: { leftOn: today() }, headers: { "if-match": '"7"' } });
    expect(stale.status).toBe(412);
    const left = await api("PATCH", `/people/${hugo.id}`, { token: write, body: { leftOn: today() }, headers: { "if-match": '"1"' } });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ name: "Hugo Leclerc", leftOn: today(), version: 2 });
    expect(
      (await api("PATCH", `/people/${hugo.id}`, { token: fabrikam, body: { name: "X" }, headers: { "if-match": '"2"' } })).status,
    ).toBe(404);

    const events = await world.db
      .select({ action: auditEvents.action, actorUserId: auditEvents.actorUserId, token: apiTokens.name })
      .from(auditEvents)
      .innerJoin(apiTokens, eq(apiTokens.id, auditEvents.actorTokenId))
      .where(eq(auditEvents.entityId, hugo.id));
    expect(events.map((event) => [event.action, event.actorUserId, event.token]).sort()).toEqual([
      ["person.created", null, "HR sync"],
      ["person.departure_recorded", null, "HR sync"],
    ]);

    // A person recorded by mistake can be deleted; one with exam passes leaves instead.
    expect((await api("DELETE", `/people/${hugo.id}`, { token: write, headers: { "if-match": "1" } })).status).toBe(412);
    expect((await api("DELETE", `/people/${hugo.id}`, { token: write, headers: { "if-match": "2" } })).status).toBe(204);
    expect((await api("GET", `/people/${hugo.id}`, { token: read })).status).toBe(404);
    const alice = ((await api("GET", "/people?q=alice", { token: read })).body as Page).items[0];
    const kept = await api("DELETE", `/people/${alice.id}`, { token: write, headers: { "if-match": String(alice.version) } });
    expect(kept.status).toBe(409);
    expect((kept.body as Problem & { detail: string }).detail).toContain("record their departure instead");
  });

  it("upserts a person by MCID, and an Idempotency-Key replayed answers the first answer and writes nothing more", async () => {
    const body = { name: "Inès Moreau", mcid: "10459002", email: "ines@contoso.example" };
    const first = await api("POST", "/people/upsert", { token: write, body, headers: { "idempotency-key": "hr-run-1" } });
    expect(first.status).toBe(201);
    const eventsAfterFirst = (await world.db.select({ n: count() }).from(auditEvents))[0].n;

    const replay = await api("POST", "/people/upsert", { token: write, body, headers: { "idempotency-key": "hr-run-1" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect((await world.db.select({ n: count() }).from(auditEvents))[0].n).toBe(eventsAfterFirst);

    const reused = await api("POST", "/people/upsert", {
      token: write,
      body: { ...body, name: "Other" },
      headers: { "idempotency-key": "hr-run-1" },
    });
    expect(reused.status).toBe(422);
    expect((reused.body as Problem).type).toMatch(/idempotency-key-reused$/);

    const again = await api("POST", "/people/upsert", { token: write, body });
    expect(again.status).toBe(200);
    expect((again.body as Item).version).toBe(1);
    const renamed = await api("POST", "/people/upsert", { token: write, body: { ...body, name: "Inès Moreau-Blanc" } });
    expect(renamed.body).toMatchObject({ id: (first.body as Item).id, name: "Inès Moreau-Blanc", version: 2 });
    const [{ n }] = await world.db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.organizationId, world.contosoId), eq(people.mcid, "10459002")));
    expect(n).toBe(1);

    const noMcid = await api("POST", "/people/upsert", { token: write, body: { name: "No MCID" } });
    expect((noMcid.body as Problem).errors).toEqual([{ path: "$.mcid", message: "This field is required." }]);
  });

  it("records exam passes by the program's rules, once per person, exam and day, and deletes one with If-Match", async () => {
    const alice = ((await api("GET", "/people?q=alice", { token: read })).body as Page).items[0];
    const unknown = await api("POST", "/exam-passes", { token: write, body: { personId: alice.id, code: "XX-999", passedOn: today() } });
    expect(unknown.status).toBe(422);
    expect((unknown.body as Problem).errors?.map((error) => error.path)).toEqual(["$.code"]);

    const body = { personId: alice.id, code: "mb2-716", passedOn: today(), transcriptId: "10451001" };
    const created = await api("POST", "/exam-passes/upsert", { token: write, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "MB2-716", passedOn: today(), verificationStatus: "unverified" });
    const same = await api("POST", "/exam-passes/upsert", { token: write, body });
    expect(same.status).toBe(200);
    expect((same.body as Item).id).toBe((created.body as Item).id);
    const duplicate = await api("POST", "/exam-passes", { token: write, body });
    expect(duplicate.status).toBe(409);

    // Its notes and transcript change with If-Match; a sharing code needs a transcript id.
    const passId = (created.body as Item).id;
    const orphanCode = await api("PATCH", `/exam-passes/${passId}`, {
      token: write,
      body: { transcriptId: null, transcriptCode: "abc1" },
      headers: { "if-match": "1" },
    });
    expect((orphanCode.body as Problem).errors?.map((error) => error.path)).toEqual(["$.transcriptId"]);
    const noted = await api("PATCH", `/exam-passes/${passId}`, {
      token: write,
      body: { certificationRef: "Part 2" },
      headers: { "if-match": "1" },
    });
    expect(noted.body).toMatchObject({ certificationRef: "Part 2", transcriptId: "10451001", version: 2 });

    const listed = (await api("GET", `/exam-passes?personId=${alice.id}&code=MB2-716`, { token: read })).body as Page;
    expect(listed.items.map((item) => item.id)).toEqual([(created.body as Item).id]);
    const id = (created.body as Item).id;
    expect((await api("DELETE", `/exam-passes/${id}`, { token: fabrikam, headers: { "if-match": "2" } })).status).toBe(404);
    expect((await api("DELETE", `/exam-passes/${id}`, { token: write, headers: { "if-match": "2" } })).status).toBe(204);
    expect((await api("GET", `/exam-passes/${id}`, { token: read })).status).toBe(404);
  });

  it("records, changes, upserts and deletes revenue lines with the form's rules for amounts", async () => {
    const body = {
      reference: "CTS-API-1",
      customerName: "Proseware",
      product: "d365-ce-plan-1",
      amount: 1234.5,
      bookedOn: today(),
      dporAssociated: true,
    };
    const created = await api("POST", "/revenue-lines", { token: write, body });
    expect(created.status).toBe(201);
    const line = created.body as Item;
    expect(line).toMatchObject({ amount: "1234.50", dporAssociated: true, version: 1 });

    const before = await countOf(revenueLines);
    const bad = await api("PATCH", `/revenue-lines/${line.id}`, {
      token: write,
      body: { amount: "12,34.5" },
      headers: { "if-match": "1" },
    });
    expect(bad.status).toBe(422);
    expect((bad.body as Problem).errors?.map((error) => error.path)).toEqual(["$.amount"]);
    const changed = await api("PATCH", `/revenue-lines/${line.id}`, {
      token: write,
      body: { customerName: "Proseware Inc" },
      headers: { "if-match": "1" },
    });
    expect(changed.body).toMatchObject({ customerName: "Proseware Inc", amount: "1234.50", version: 2 });

    const upserted = await api("POST", "/revenue-lines/upsert", {
      token: write,
      body: { ...body, customerName: "Proseware Inc", amount: "2000.00" },
    });
    expect(upserted.status).toBe(200);
    expect(upserted.body).toMatchObject({ id: line.id, amount: "2000.00", version: 3 });
    const unchanged = await api("POST", "/revenue-lines/upsert", {
      token: write,
      body: { ...body, customerName: "Proseware Inc", amount: "2000" },
    });
    expect((unchanged.body as Item).version).toBe(3);
    expect(await countOf(revenueLines)).toBe(before);

    const from = (await api("GET", `/revenue-lines?bookedFrom=${today()}`, { token: read })).body as Page;
    expect(from.items.map((item) => item.reference)).toContain("CTS-API-1");
    expect((await api("DELETE", `/revenue-lines/${line.id}`, { token: write, headers: { "if-match": "2" } })).status).toBe(412);
    expect((await api("DELETE", `/revenue-lines/${line.id}`, { token: write, headers: { "if-match": "3" } })).status).toBe(204);
  });

  it("answers the evaluation, the gaps, the next-tier plan and the forecast in the rules contract's format", async () => {
    const { input } = await loadOrganizationEvidence(world.db, world.contosoId, today());
    const expected = evaluateOn(input, (await publishedProgram(world.db)).program);
    const evaluation = await api("GET", "/evaluation", { token: read });
    expect(evaluation.body).toEqual(JSON.parse(JSON.stringify(expected)));
    const gaps = (await api("GET", `/gaps?asOf=${today()}`, { token: read })).body as Record<string, unknown>;
    expect(gaps).toEqual(
      JSON.parse(JSON.stringify({ asOf: expected.asOf, tier: expected.tier, tiers: expected.tiers, people: expected.people })),
    );
    const plan = (await api("GET", "/next-tier", { token: fabrikam })).body as { tier: string; nextTier: { tier: string } };
    expect(plan).toMatchObject({ tier: "none", nextTier: { tier: "silver" } });
    expect(((await api("GET", "/forecast", { token: read })).body as { asOf: string }).asOf).toBe(today());
    const badDay = await api("GET", "/evaluation?asOf=2026-02-30", { token: read });
    expect((badDay.body as Problem).errors?.map((error) => error.path)).toEqual(["$.asOf"]);
    const farAway = await api("GET", "/forecast?until=2099-01-01", { token: read });
    expect((farAway.body as Problem).errors?.map((error) => error.path)).toEqual(["$.until"]);
  });

  it("limits each token's requests per minute, counted in the database, with Retry-After", async () => {
    const limit = config().apiRateLimitPerMinute;
    const limited = await token(world.contosoId, "read");
    const first = await api("GET", "/people?limit=1", { token: limited });
    expect(first.headers.get("ratelimit-remaining")).toBe(String(limit - 1));
    // Spend the rest of this minute's allowance as if other instances had served it.
    await world.db
      .update(apiTokens)
      .set({ rateWindowCount: limit - 1 })
      .where(eq(apiTokens.name, `token ${counter}`));
    expect((await api("GET", "/people?limit=1", { token: limited })).headers.get("ratelimit-remaining")).toBe("0");
    const refused = await api("GET", "/people?limit=1", { token: limited });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another token of the same organization has its own allowance.
    expect((await api("GET", "/people?limit=1", { token: read })).status).toBe(200);
  });

  it("creates a token on the command line, printed once, that the API accepts", async (context) => {
    const url = database().url;
    if (!url) return context.skip();
    const run = spawnSync(
      tsx,
      [
        "--conditions=react-server",
        "scripts/create-token.ts",
        "--email",
        "admin@contoso.example",
        "--name",
        "Nightly export",
        "--scope",
        "read",
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
    );
    expect(run.status, run.stderr).toBe(0);
    const secret = run.stdout.trim();
    expect(secret).toMatch(/^ccp_[A-Za-z0-9_-]{43}$/);
    expect((await api("GET", "/people?limit=1", { token: secret })).status).toBe(200);
    const [stored] = await world.db
      .select({ secretHash: apiTokens.secretHash })
      .from(apiTokens)
      .where(eq(apiTokens.name, "Nightly export"));
    expect(stored.secretHash).not.toContain(secret.slice(4));

    const refused = spawnSync(
      tsx,
      ["--conditions=react-server", "scripts/create-token.ts", "--email", "admin@contoso.example", "--scope", "write"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--name:");
    expect(refused.stderr).toContain("--scope:");
  });
});
