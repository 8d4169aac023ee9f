import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test.describe("the home page", () => {
  test("shows the portal's name and the sign-in link in English", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Cloud CRM Competency Portal");
    await expect(page.getByText("Cloud CRM Competency Portal").filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in to your workspace" })).toHaveAttribute("href", "/sign-in");
  });

  test("starts the keyboard on a skip link that leads past the header to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#content$/);
  });

  test("speaks French to a French browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html").filter({ visible: true })).toHaveAttribute("lang", "fr");
    await expect(page.getByText("Portail de la compétence Cloud CRM").filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Accéder à votre espace" })).toBeVisible();
    await context.close();
  });

  test("switches language on request and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("link", { name: "Accéder à votre espace" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html").filter({ visible: true })).toHaveAttribute("lang", "fr");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("link", { name: "Sign in to your workspace" })).toBeVisible();
  });

  test("reports a healthy embedded database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["content-security-policy"]).not.toContain("unsafe-eval");
  });

  test("sends a signed-in user on to their first page, which the portal's name leads back to", async ({ browser, baseURL }) => {
    const page = await signedInPage({ browser, baseURL }, "reviewer@program.example", "en");
    await page.goto("/");
    await expect(page).toHaveURL(/\/review$/);
    await page.goto("/program");
    await page.getByRole("link", { name: "Cloud CRM Portal" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await page.context().close();
  });
});
