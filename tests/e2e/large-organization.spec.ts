import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { startInstances, type Instances } from "./support/instances";
import { demoPassword } from "./support/session";

/**
 * Contoso with 20,000 more people (half of them with an account), a pass each and 1,000 pending
 * invitations: the pages that list or pick people stay small, and the pickers find anyone.
 */
const added = 20_000;
const htmlLimit = 200 * 1024;
let instances: Instances | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  instances = await startInstances([3241], async (db) => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into people (organization_id, name, email, mcid)
        select o.id, 'Person ' || lpad(g::text, 5, '0'), 'person' || g || '@contoso.example', (90000000 + g)::text
        from organizations o, generate_series(1, ${added}) g where o.name = 'Contoso Ltd'`);
      await tx.execute(sql`
        insert into users (email, display_name, password_hash, role, organization_id, person_id)
        select p.email, p.name, alice.password_hash, 'employee', p.organization_id, p.id
        from people p, (select password_hash from users where email = 'alice@contoso.example') alice
        where p.name like 'Person %' and p.name <= 'Person 10000'`);
      await tx.execute(sql`
        insert into exam_passes (person_id, organization_id, exam_code, passed_on)
        select id, organization_id, 'MB2-710', current_date - 30 from people where name like 'Person %'`);
      await tx.execute(sql`
        insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
        select admin.organization_id, 'invitee' || g || '@example.com', 'partner_admin', md5(g::text), admin.id, now() + interval '7 days'
        from (select id, organization_id from users where email = 'admin@contoso.example') admin, generate_series(1, 1000) g`);
    });
  });
});

test.afterAll(async () => {
  await instances?.stop();
});

test("with 20,000 people, each page that lists or picks people stays under 200 KB, and the pickers find anyone", async ({ browser }) => {
  test.setTimeout(180_000);
  const [origin] = instances!.origins;
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").filter({ visible: true }).fill("admin@contoso.example");
  await page.getByLabel("Password").filter({ visible: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The sign-in's redirect carries the first dashboard of 20,000 people, rendered cold on a fresh instance.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });

  const [{ id: last }] = await instances!.sql<Array<{ id: string }>>`select id from people where name = 'Person 20000'`;
  for (const path of [
    "/dashboard",
    "/people",
    "/people?status=all&sort=name&direction=desc",
    `/people/${last}`,
    "/exams",
    "/team",
    "/audit",
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const size = (await response.body()).length;
    expect(size, `${path} is ${Math.round(size / 1024)} KB`).toBeLessThan(htmlLimit);
  }

  // The pickers ask the server for the first 20 matches and say when there are more.
  const invitable = await (await page.request.get("/api/people/choices?for=invitation&q=Person")).json();
  expect(invitable.people).toHaveLength(20);
  expect(invitable.more).toBe(true);
  expect(invitable.people[0].name).toBe("Person 10001");
  const one = await (await page.request.get("/api/people/choices?for=exam-pass&q=90019999")).json();
  expect(one).toEqual({ people: [{ id: expect.any(String), name: "Person 19999" }], more: false });
  const refused = await page.request.get("/api/people/choices?for=exam-pass&q=%00");
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: "invalid_query", issues: [{ path: "q" }] });

  // The Team page lists its members and invitations a page at a time, and finds a member.
  await page.goto("/team");
  await expect(page.getByRole("navigation", { name: /^Page 1 of \d+$/ })).toHaveCount(2);
  await page
    .getByRole("searchbox")
    .or(page.getByRole("textbox", { name: "Find a member by name or email" }))
    .fill("Person 09999");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row", { name: /Person 09999 person9999@contoso\.example/ })).toBeVisible();

  // The invitation's picker offers only people without an account: of "Person 1999…", those past 10,000.
  const person = page.getByRole("combobox", { name: "Person" });
  await person.fill("Person 1999");
  await expect(page.getByRole("option")).toHaveCount(10);
  await expect(page.getByRole("option").first()).toHaveText("Person 19990");
  await context.close();
});
