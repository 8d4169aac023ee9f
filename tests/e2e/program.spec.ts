import { expect, test, type Browser } from "@playwright/test";
import { seedOrganizationLike } from "@/db/seed";
import { startInstances, type Instances } from "./support/instances";
import { acceptConfirmation, demoPassword, todayUtc } from "./support/session";

/** A calendar date `days` after today (UTC, the program's reference time). */
function daysLater(days: number): string {
  const date = new Date(`${todayUtc()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A portal of its own, so that publishing a version changes nobody else's test. Beside the demo
 * organizations, Northwind is one application exam short of Silver: Hana Sato holds Deployment and
 * passed MB-210, an exam the program does not count yet; Ivan Petrov holds Customization.
 */
let instances: Instances | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instances = await startInstances([3241], (db) =>
    seedOrganizationLike(
      db,
      {
        name: "Northwind Partners",
        mpnId: "7730112",
        market: "developed",
        people: [
          {
            key: "hana",
            name: "Hana Sato",
            mcid: "30990001",
            exams: [
              ["MB2-710", 200],
              ["MB-210", 40],
            ],
          },
          { key: "ivan", name: "Ivan Petrov", mcid: "30990002", exams: [["MB2-712", 100]] },
        ],
        revenue: [
          { reference: "NWP-1", customer: "Alpine Ski House", product: "d365-ce-plan-1", amountCents: 12_000_000, daysAgo: 50, dpor: true },
        ],
        users: [{ email: "admin@northwind.example", displayName: "Nina Admin", role: "partner_admin" }],
      },
      todayUtc(),
    ),
  );
});

test.afterAll(async () => {
  await instances?.stop();
});

async function signIn(browser: Browser, email: string) {
  const [origin] = instances!.origins;
  const context = await browser.newContext({ baseURL: origin, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").filter({ visible: true }).fill(email);
  await page.getByLabel("Password").filter({ visible: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test("a program administrator adds an exam to the application group from a date, sees Northwind gain Silver, publishes, and Northwind's dashboard shows Silver on that date", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const from = daysLater(30);
  const page = await signIn(browser, "program@program.example");
  await expect(page).toHaveURL(/\/program$/);
  await expect(page.getByTestId("tier-count-row").filter({ visible: true })).toHaveCount(13);

  await page.goto("/program/versions");
  // The header marks the section being viewed, and only it: Versions, not also Program.
  await expect(page.locator('header a[aria-current="page"]').filter({ visible: true })).toHaveText(["Versions"]);
  await expect(page.getByTestId("version-row").filter({ visible: true })).toHaveCount(1);
  const start = page.getByTestId("start-draft");
  await start.getByLabel("Version id").fill("v2");
  await start.getByLabel("In force from").fill(from);
  await start.getByLabel("Note").fill("MB-210 counts for the application group");
  await start.getByRole("button", { name: "Start a draft from the latest version" }).click();
  await expect(page).toHaveURL(/\/program\/versions\/[0-9a-f-]{36}$/);

  // A date out of order is refused at its field, and nothing is added.
  const add = page.getByTestId("add-exam");
  await add.getByLabel("Code").fill("mb-210");
  await add.getByLabel("Group").fill("application");
  await add.getByLabel("Title in English").fill("Dynamics 365 Sales");
  await add.getByLabel("Title in French").fill("Dynamics 365 Ventes");
  await add.getByLabel("Available from").fill(daysLater(-365));
  await add.getByLabel("Retired on").fill(daysLater(-400));
  await add.getByRole("button", { name: "Add the exam" }).click();
  await expect(add.getByText("Must be on or after “Available from”.")).toBeVisible();
  await expect(page.getByTestId("catalogue-row").filter({ hasText: "MB-210" })).toHaveCount(0);

  await add.getByLabel("Retired on").fill("");
  await add.getByRole("button", { name: "Add the exam" }).click();
  await expect(page.getByTestId("catalogue-row").filter({ hasText: "MB-210" })).toHaveCount(1);

  // The impact is a job; the page follows it until it is done, and names who gains what, when and why.
  const impact = page.getByTestId("impact");
  await impact.getByRole("button", { name: "Compute the impact" }).click();
  await expect(impact.getByRole("status")).toContainText("The draft changes the tier of 1 organization (of 3).", { timeout: 30_000 });
  const northwind = impact.getByTestId("impacted-organization");
  await expect(northwind).toContainText("Northwind Partners");
  await expect(northwind).toContainText("→ Silver");
  await expect(northwind).toContainText("MB-210 now counts");
  await expect(northwind).toContainText("Hana Sato now holds");

  const publishing = acceptConfirmation(page, /^Publish this version\?/);
  await impact.getByRole("button", { name: "Publish this version" }).click();
  await publishing;
  await expect(page.getByText("Published", { exact: true }).filter({ visible: true })).toBeVisible();

  // Northwind's admin sees nothing today, Silver from the version's first day.
  const admin = await signIn(browser, "admin@northwind.example");
  const tier = admin.locator("h1 [data-tier]").filter({ visible: true });
  await admin.goto("/dashboard");
  await expect(tier).not.toHaveAttribute("data-tier", "silver");
  await admin.goto(`/dashboard?asOf=${from}`);
  await expect(tier).toHaveAttribute("data-tier", "silver");

  // Not in force yet, it can still be withdrawn, and the program is as it was.
  const withdrawing = acceptConfirmation(page, /^Withdraw this version\?/);
  await page.getByRole("button", { name: "Withdraw before it comes into force" }).click();
  await withdrawing;
  await expect(page.getByText("Withdrawn", { exact: true }).filter({ visible: true })).toBeVisible();
  await admin.goto(`/dashboard?asOf=${from}`);
  await expect(tier).not.toHaveAttribute("data-tier", "silver");
});
