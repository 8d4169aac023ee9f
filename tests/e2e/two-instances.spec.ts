import { expect, test } from "@playwright/test";
import { today } from "@/lib/clock";
import { startInstances, type Instances } from "./support/instances";
import { demoPassword } from "./support/session";

/**
 * Two `next start` instances on one PostgreSQL, as a portal behind a load balancer runs: a
 * change saved through one shows on the other's next page load, whatever either has cached.
 */

let instances: Instances | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instances = await startInstances([3231, 3232]);
});

test.afterAll(async () => {
  await instances?.stop();
});

test("a departure saved on one instance shows on the other's next dashboard, and so does its undo", async ({ browser }) => {
  const [first, second] = instances!.origins;
  // Cookies are per host, not per port: one browser is signed in on both instances.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${first}/sign-in`);
  await page.getByLabel("Email").filter({ visible: true }).fill("admin@contoso.example");
  await page.getByLabel("Password").filter({ visible: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${first}/dashboard`);
  const tier = page.locator("h1 [data-tier]").filter({ visible: true });
  await expect(tier).toHaveAttribute("data-tier", "gold");
  await page.goto(`${second}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "gold");

  await page.goto(`${first}/people`);
  await page.getByRole("link", { name: "Alice Martin" }).click();
  await page.getByLabel("Left the organization on").filter({ visible: true }).fill(today());
  await page.getByRole("button", { name: "Record departure" }).click();
  await page.getByRole("button", { name: "Record the departure anyway" }).click();
  await expect(page.getByText("Departure recorded.").filter({ visible: true })).toBeVisible();
  const alice = page.url().replace(first, "");

  await page.goto(`${second}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "silver");

  await page.goto(`${second}${alice}`);
  await page.getByRole("button", { name: "Undo departure" }).click();
  await expect(page.getByText("Departure undone.").filter({ visible: true })).toBeVisible();
  await page.goto(`${first}/dashboard`);
  await expect(tier).toHaveAttribute("data-tier", "gold");
  await context.close();
});
