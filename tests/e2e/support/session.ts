import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const demoPassword = "portal-demo-1";

/** Today as the server sees it: calendar dates are UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A fresh browser context in `locale` and `colorScheme` (the portal follows the system theme), signed in as a demo account through the sign-in page. */
export async function signedInPage(
  { browser, baseURL }: { browser: Browser; baseURL: string | undefined },
  email: string,
  locale: "en" | "fr",
  { colorScheme = "light" }: { colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: locale === "fr" ? "fr-FR" : "en-US", colorScheme });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page
    .getByLabel(/e-?mail/i)
    .filter({ visible: true })
    .fill(email);
  await page
    .getByLabel(/password|mot de passe/i)
    .filter({ visible: true })
    .fill(demoPassword);
  await page.getByRole("button", { name: /^(sign in|se connecter)$/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/**
 * Picks `option` in a Radix select and checks it was taken. Radix ignores a pointer-up that
 * comes too soon after the pointer-down that opened the list, which a fast, loaded test
 * browser can produce; the pick is then made again.
 */
export async function chooseOption(page: Page, combobox: Locator, option: RegExp) {
  await expect(async () => {
    if ((await combobox.getAttribute("aria-expanded")) !== "true") await combobox.click();
    await page.getByRole("option", { name: option }).click({ timeout: 2_000 });
    await expect(combobox).toHaveText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Waits until `page` shows `path` in a document of its own: leaving the signed-in pages for
 * sign-in reloads the page (components/fresh-document-on-sign-out.tsx), so nothing of the
 * session stays hidden in it.
 */
export async function expectFreshDocument(page: Page, path: string) {
  await expect
    .poll(() =>
      page
        .evaluate(() => {
          const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
          return `${location.pathname}${location.search} ${entry?.type}`;
        })
        .catch(() => "navigating"),
    )
    .toBe(`${path} reload`);
}

/**
 * Moves the keyboard focus with Tab alone until `target` has it, and checks that the focus is
 * visible there (an outline or a focus ring). Fails when `target` cannot be reached.
 */
export async function tabTo(page: Page, target: Locator, { limit = 150 }: { limit?: number } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      const shown = await target.evaluate((element) => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none";
      });
      expect(shown, "the focused element shows its focus").toBe(true);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

/**
 * Accepts the question the browser asks before the next destructive action, checking it is
 * `question`; resolves once it was asked (await it after the click: no question, no pass).
 */
export function acceptConfirmation(page: Page, question: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    page.once("dialog", (dialog) => {
      if (dialog.type() !== "confirm" || !question.test(dialog.message())) {
        reject(new Error(`unexpected ${dialog.type()}: ${dialog.message()}`));
        void dialog.dismiss();
        return;
      }
      void dialog.accept().then(resolve, reject);
    });
  });
}
