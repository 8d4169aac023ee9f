import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

/** A 390 × 844 phone screen. */
const phone = { width: 390, height: 844 };

const pagesByAccount = {
  "admin@contoso.example": [
    "/dashboard",
    "/people",
    "/exams",
    "/revenue",
    "/submissions",
    "/team",
    "/integrations",
    "/audit",
    "/account",
    "/import/revenue",
  ],
  "alice@contoso.example": ["/dashboard", "/people", "/exams", "/revenue", "/submissions", "/account"],
  "reviewer@program.example": ["/review", "/audit", "/account"],
  "program@program.example": ["/program", "/program/versions"],
} as const;

for (const [account, paths] of Object.entries(pagesByAccount)) {
  test(`every page of ${account} fits a 390 px screen, its navigation folded into a menu`, async ({ browser, baseURL }) => {
    const page = await signedInPage({ browser, baseURL }, account, "en");
    await page.setViewportSize(phone);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("#content").filter({ visible: true })).toBeVisible();
      // Measured as first shown (it may be the skeleton of a page still loading), then once its data has arrived.
      for (const moment of ["first shown", "loaded"]) {
        if (moment === "loaded") await expect(page.getByTestId("page-loading")).toHaveCount(0);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} is ${width} px wide when ${moment}`).toBeLessThanOrEqual(phone.width);
      }
    }
    // The header's links are behind the menu button, and it opens them.
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    const navigation = page.getByRole("navigation", { name: "Sections" });
    await expect(navigation).toBeHidden();
    await menu.click();
    await expect(navigation).toBeVisible();
    await expect(navigation.getByRole("link").first()).toBeVisible();
    await page.context().close();
  });
}

test("a program version's tiers and exams fit a 390 px screen, each as a card of labelled lines", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "program@program.example", "en");
  await page.setViewportSize(phone);
  await page.goto("/program/versions");
  await page.locator('a[href^="/program/versions/"]').first().click();
  await expect(page.getByTestId("catalogue-row").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  // Each table fits its card: none scrolls sideways within it.
  const tables = await page
    .locator("table")
    .evaluateAll((all) => all.map((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0)));
  expect(tables.length).toBeGreaterThan(1);
  expect(tables.every(Boolean)).toBe(true);
  await page.context().close();
});
