import { expect, type Browser, type Page } from "@playwright/test";

export const demoPassword = "portal-demo";

/** Today as the server sees it: calendar dates are UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A fresh browser context in `locale`, signed in as a demo account through the sign-in page. */
export async function signedInPage(
  { browser, baseURL }: { browser: Browser; baseURL: string | undefined },
  email: string,
  locale: "en" | "fr",
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: locale === "fr" ? "fr-FR" : "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill(demoPassword);
  await page.getByRole("button", { name: /^(sign in|se connecter)$/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}
