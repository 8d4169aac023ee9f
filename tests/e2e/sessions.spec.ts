import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { acceptConfirmation, demoPassword, expectFreshDocument } from "./support/session";

/**
 * An ended session's cookie, copied before it ended, opens nothing: not a page, not an
 * export, not an action (the integration suite checks actions on every kind of ending).
 * Each test invites an admin of its own, so no test changes a demo account.
 */

const firstPassword = "sessions first passphrase";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").filter({ visible: true }).fill(email);
  await page.getByLabel("Password").filter({ visible: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Contoso's admin invites a new partner admin, who accepts; answers both pages. */
async function newMember(browser: Browser, baseURL: string | undefined, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@contoso.example`;
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@contoso.example", demoPassword);
  await admin.goto("/team");
  await admin.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await admin.getByRole("combobox", { name: "Role" }).click();
  await admin.getByRole("option", { name: /^Partner administrator$/ }).click();
  await admin.getByRole("button", { name: "Create the invitation" }).click();
  const url = await admin.getByRole("textbox", { name: "Invitation link" }).inputValue();

  const memberContext = await browser.newContext({ baseURL });
  const member = await memberContext.newPage();
  await member.goto(url);
  await member.getByLabel("Your name").filter({ visible: true }).fill(name);
  await member
    .getByLabel(/^Password/)
    .filter({ visible: true })
    .fill(firstPassword);
  await member.getByLabel("Repeat the password").filter({ visible: true }).fill(firstPassword);
  await member.getByRole("button", { name: "Create my account" }).click();
  await expect(member).toHaveURL("/dashboard");
  return { email, admin, member };
}

/** A second browser holding a copy of `context`'s cookies. */
async function copiedCookies(browser: Browser, baseURL: string | undefined, context: BrowserContext) {
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies(await context.cookies());
  return copy;
}

async function expectRefused(copy: BrowserContext) {
  const page = await copy.newPage();
  await page.goto("/people");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await copy.request.get("/api/export/people")).status()).toBe(401);
}

async function expectOpen(copy: BrowserContext) {
  const page = await copy.newPage();
  await page.goto("/people");
  await expect(page).toHaveURL("/people");
  expect((await copy.request.get("/api/export/people")).status()).toBe(200);
}

test.describe("an ended session", () => {
  test("signing out ends it: a copy of its cookie opens no page and no export", async ({ browser, baseURL }) => {
    const { member } = await newMember(browser, baseURL, "Sam Signout");
    const copy = await copiedCookies(browser, baseURL, member.context());
    await expectOpen(copy);
    await member.getByRole("button", { name: "Sign out" }).click();
    await expectFreshDocument(member, "/sign-in");
    await expectRefused(copy);
  });

  test("signing out everywhere from the account page ends every session of the user", async ({ browser, baseURL }) => {
    const { email, member } = await newMember(browser, baseURL, "Eve Everywhere");
    const other = await browser.newContext({ baseURL });
    await signIn(await other.newPage(), email, firstPassword);
    const copy = await copiedCookies(browser, baseURL, member.context());
    await member.getByTestId("signed-in-user").filter({ visible: true }).click();
    await expect(member.getByRole("heading", { name: "Your account" })).toBeVisible();
    await member.getByRole("button", { name: "Sign out everywhere" }).click();
    await expectFreshDocument(member, "/sign-in?notice=signedOutEverywhere");
    await expect(member.getByRole("status").filter({ hasText: "You were signed out everywhere" })).toBeVisible();
    await expectRefused(copy);
    await expectRefused(other);
  });

  test("turning a member's access off ends their sessions", async ({ browser, baseURL }) => {
    const { admin, member } = await newMember(browser, baseURL, "Otto Offboard");
    const copy = await copiedCookies(browser, baseURL, member.context());
    await admin.reload();
    const asked = acceptConfirmation(admin, /^Turn off Otto Offboard's access\?/);
    await admin.getByRole("button", { name: "Turn off access for Otto Offboard" }).click();
    await asked;
    await expect(admin.getByText("Otto Offboard can no longer sign in.").filter({ visible: true })).toBeVisible();
    await expectRefused(copy);
  });

  test("a new password ends every session; the user signs in again with it", async ({ browser, baseURL }) => {
    const { email, member } = await newMember(browser, baseURL, "Pat Password");
    const copy = await copiedCookies(browser, baseURL, member.context());
    await member.goto("/account");
    await member.getByLabel("Current password").filter({ visible: true }).fill(firstPassword);
    await member.locator('input[name="password"]').filter({ visible: true }).fill("sessions second passphrase");
    await member.getByLabel("New password again").filter({ visible: true }).fill("sessions second passphrase");
    await member.getByRole("button", { name: "Change the password" }).click();
    await expectFreshDocument(member, "/sign-in?notice=passwordChanged");
    await expect(member.getByRole("status")).toHaveText(/Your password has been changed/);
    await expectRefused(copy);
    await signIn(member, email, "sessions second passphrase");
    await expectOpen(member.context());
  });
});
