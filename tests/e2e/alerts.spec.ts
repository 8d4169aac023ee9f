import { expect, type Page, test } from "@playwright/test";
import { signedInPage, todayUtc } from "./support/session";

/** The dashboard again until the watch (the server's own worker) has written what is expected. */
async function dashboardUntil(page: Page, alert: string | RegExp) {
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("alert").filter({ hasText: alert }).filter({ visible: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [500, 1_000, 2_000] });
}

// The watch runs in the server's worker, a few seconds after each change.
test.describe.configure({ timeout: 120_000 });

test("the watch shows Contoso's single points of failure, and Chloé's recorded departure raises the loss of Gold", async ({
  browser,
  baseURL,
}) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await dashboardUntil(
    page,
    "Alice Martin, Bruno Costa, Chloé Dubois, and David Okafor each alone hold a slot of Gold: if any of them leaves, Contoso Ltd loses Gold.",
  );

  await page.goto("/people?q=Chlo%C3%A9");
  await page.getByRole("link", { name: "Chloé Dubois" }).click();
  await expect(page.getByRole("heading", { name: "Chloé Dubois", level: 1 })).toBeVisible();
  const chloePage = page.url();
  await page.getByLabel("Left the organization on").filter({ visible: true }).fill(todayUtc());
  await page.getByRole("button", { name: "Record departure" }).click();
  const question = page.getByTestId("departure-confirmation").filter({ visible: true });
  await expect(question.getByRole("alert")).toHaveText("Contoso Ltd drops from Gold to Silver today if this departure is recorded.");
  await question.getByRole("button", { name: "Record the departure anyway" }).click();
  await expect(page.getByText("Departure recorded.").filter({ visible: true })).toBeVisible();

  await dashboardUntil(page, "Contoso Ltd no longer meets Gold.");
  // The bell has it too, and opening it leads to the dashboard's alerts.
  await page.getByTestId("notification-bell").filter({ visible: true }).click();
  await page.getByRole("button", { name: /^Contoso Ltd lost Gold/ }).click();
  await expect(page).toHaveURL(/\/dashboard#alerts$/);

  // Undone, Gold is met again and the loss no longer holds.
  await page.goto(chloePage);
  await page.getByRole("button", { name: "Undo departure" }).click();
  await expect(page.getByText("Departure undone.").filter({ visible: true })).toBeVisible();
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("alert").filter({ hasText: "no longer meets Gold" })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [500, 1_000, 2_000] });
  await page.context().close();
});

test("a partner admin chooses how each kind of alert reaches them by email", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "fr");
  await page.goto("/account#alert-emails");
  const group = page.getByRole("group", { name: "Une personne occupe seule une place" });
  await group.getByLabel("Résumé hebdomadaire").check();
  await page.getByRole("button", { name: "Enregistrer les choix d’e-mail" }).click();
  await expect(page.getByText("Vos choix d’e-mail sont enregistrés.").filter({ visible: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Une personne occupe seule une place" }).getByLabel("Résumé hebdomadaire")).toBeChecked();
  await page.context().close();
});
