import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/session";

/**
 * Every page of every role, in the light and the dark theme, has no critical or serious
 * accessibility violation (axe-core's WCAG 2.1 A and AA rules). A record's own page is reached
 * through the first link of its list, as a user would.
 */
const pagesByAccount = {
  "admin@contoso.example": [
    "/dashboard",
    "/people",
    { from: "/people", link: /^\/people\/[0-9a-f-]{36}$/ },
    "/people/new",
    "/exams",
    "/revenue",
    { from: "/revenue", link: /^\/revenue\/[0-9a-f-]{36}$/ },
    "/revenue/new",
    "/submissions",
    { from: "/submissions", link: /^\/submissions\/[0-9a-f-]{36}$/ },
    "/team",
    "/integrations",
    { from: "/integrations", link: /^\/integrations\/webhooks\/[0-9a-f-]{36}$/ },
    "/import",
    "/import/people",
    "/import/revenue",
    "/audit",
    "/account",
  ],
  "alice@contoso.example": [
    "/dashboard",
    "/people",
    { from: "/people", link: /^\/people\/[0-9a-f-]{36}$/ },
    "/exams",
    "/revenue",
    "/submissions",
    "/account",
  ],
  "reviewer@program.example": ["/review", { from: "/review?status=all", link: /^\/review\/[0-9a-f-]{36}$/ }, "/audit", "/account"],
  "program@program.example": ["/program", "/program/versions", { from: "/program/versions", link: /^\/program\/versions\/[0-9a-f-]{36}$/ }],
} as const;

type Visit = string | { from: string; link: RegExp };

async function open(page: Page, visit: Visit): Promise<string> {
  if (typeof visit === "string") {
    await page.goto(visit);
  } else {
    await page.goto(visit.from);
    const hrefs = await page.locator("#content a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((candidate) => visit.link.test(candidate));
    expect(href, `a link of ${visit.from} matching ${visit.link}`).toBeDefined();
    await page.goto(href!);
  }
  await expect(page.locator("#content").filter({ visible: true })).toBeVisible();
  await expect(page.getByTestId("page-loading")).toHaveCount(0);
  return new URL(page.url()).pathname;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const [account, visits] of Object.entries(pagesByAccount)) {
    test(`every page of ${account} in the ${colorScheme} theme has no serious accessibility violation`, async ({ browser, baseURL }) => {
      test.setTimeout(120_000);
      const page = await signedInPage({ browser, baseURL }, account, "en", { colorScheme });
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
      const found: string[] = [];
      for (const visit of visits) {
        const path = await open(page, visit);
        for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }

  test(`the pages before signing in, in the ${colorScheme} theme, have no serious accessibility violation`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    // A link that is no longer valid shows each link page's own message.
    for (const path of ["/", "/sign-in", "/invitations/no-longer-valid", "/unsubscribe/no-longer-valid"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
      for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
}
