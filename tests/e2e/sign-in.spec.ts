import { expect, test, type Page } from "@playwright/test";
import { acceptConfirmation, chooseOption, expectFreshDocument } from "./support/session";

// The e2e server is seeded once per run and throttles per email: every test uses its own
// email addresses, so failures in one test never refuse another's sign-in.
const demoPassword = "portal-demo-1";

/** Fills and submits the sign-in form, and waits for the server action to answer. */
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").filter({ visible: true }).fill(email);
  await page.getByLabel("Password").filter({ visible: true }).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/sign-in"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** The form's error message (Next's route announcer is an alert too). */
const formError = (page: Page) => page.locator('[data-slot="form-error"]').filter({ visible: true });

test.describe("signing in", () => {
  for (const { email, name, landing } of [
    { email: "admin@contoso.example", name: "Claire Admin", landing: "/dashboard" },
    { email: "alice@contoso.example", name: "Alice Martin", landing: "/exams" },
    { email: "admin@fabrikam.example", name: "Felix Admin", landing: "/dashboard" },
    { email: "reviewer@program.example", name: "Rita Reviewer", landing: "/review" },
  ]) {
    test(`${email} lands on ${landing}`, async ({ page }) => {
      await page.goto("/sign-in");
      await signIn(page, email, demoPassword);
      await expect(page).toHaveURL(landing);
      await expect(page.getByTestId("signed-in-user").filter({ visible: true })).toHaveText(name);
    });
  }

  test("the reviewer lands on the list of partner organizations", async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, "reviewer@program.example", demoPassword);
    await expect(page.getByRole("heading", { name: "Partner organizations" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Contoso Ltd 4410021 Developed 5 6/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Fabrikam Inc 5520487 Developing 2 2/ })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL("/review");
  });

  test("a wrong password says only that the email or password is wrong", async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, "admin@fabrikam.example", "not-the-password");
    await expect(formError(page)).toHaveText("Email or password is wrong.");
    await expect(page.getByLabel("Email").filter({ visible: true })).toHaveValue("admin@fabrikam.example");
    await expect(page).toHaveURL("/sign-in");
  });

  test("says it in French to a French browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").filter({ visible: true }).fill("personne@contoso.example");
    await page.getByLabel("Mot de passe").filter({ visible: true }).fill("pas-le-bon");
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await answered;
    await expect(formError(page)).toHaveText("L’adresse e-mail ou le mot de passe est incorrect.");
    await context.close();
  });

  test("refuses the sixth attempt for one email and says when to try again", async ({ page }) => {
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, "throttled@contoso.example", `guess number ${attempt}`);
      await expect(formError(page)).toHaveText("Email or password is wrong.");
    }
    await signIn(page, "throttled@contoso.example", "guess number 6");
    await expect(formError(page)).toHaveText(/^Too many failed attempts\. Try again after \d{1,2}:\d{2} [AP]M /);
  });
});

test.describe("the session", () => {
  test("sends a signed-out visitor to sign in and back to the page asked for", async ({ page }) => {
    await page.goto("/team");
    await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fteam");
    await signIn(page, "admin@contoso.example", demoPassword);
    await expect(page).toHaveURL("/team");
    await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  });

  test("lives in an HttpOnly, SameSite=Lax cookie of bounded lifetime, cleared on sign-out", async ({ page, context }) => {
    await page.goto("/sign-in");
    await signIn(page, "alice@contoso.example", demoPassword);
    await expect(page).toHaveURL("/exams");
    const [cookie] = (await context.cookies()).filter((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    const hoursLeft = (cookie.expires * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.9);
    expect(hoursLeft).toBeLessThanOrEqual(8);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expectFreshDocument(page, "/sign-in");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
    await page.goto("/exams");
    await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fexams");
  });

  test("shows an employee no Team page", async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, "alice@contoso.example", demoPassword);
    await expect(page).toHaveURL("/exams");
    await expect(page.getByRole("link", { name: "Team" })).toHaveCount(0);
    // Streamed pages start with 200 (Cache Components): the not-found page says it and is noindex.
    await page.goto("/team");
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  });

  test("serves pages with the security headers", async ({ request }) => {
    const response = await request.get("/sign-in");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Served over plain HTTP here: no HSTS (it is sent when PORTAL_URL is https://).
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("runs no script without the page's nonce, and each page gets its own", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/sign-in");
    const policy = first?.headers()["content-security-policy"] ?? "";
    const scriptSources = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scriptSources).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scriptSources)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = page.locator("script");
    const nonces = await scripts.evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    // Hydrated under that policy: the form's client-side validation works.
    await signIn(page, "alice@contoso.example", demoPassword);
    await expect(page).toHaveURL("/exams");
    const second = await page.goto("/exams");
    expect(second?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    expect(violations).toEqual([]);
  });
});

test.describe("invitations", () => {
  test("an admin invites an employee, who sets a password through the link and lands on their exams", async ({ page, browser }) => {
    await page.goto("/sign-in?callbackUrl=%2Fteam");
    await signIn(page, "admin@contoso.example", demoPassword);
    await expect(page).toHaveURL("/team");

    await page.getByRole("textbox", { name: "Email", exact: true }).fill("bruno@contoso.example");
    // The picker offers only people without an account: Alice has one.
    const person = page.getByRole("combobox", { name: "Person" });
    await person.fill("Alice");
    await expect(page.getByText("No person without an account matches: add the person first.")).toBeVisible();
    await person.fill("bru");
    await page.getByRole("option", { name: "Bruno Costa" }).click();
    await expect(person).toHaveValue("Bruno Costa");
    await page.getByRole("button", { name: "Create the invitation" }).click();
    const link = page.getByRole("textbox", { name: "Invitation link" });
    await expect(link).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    const url = await link.inputValue();
    await expect(page.getByRole("row", { name: /bruno@contoso\.example Employee Bruno Costa Claire Admin/ })).toBeVisible();

    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(url);
    await expect(inviteePage.getByRole("heading", { name: "Join Contoso Ltd" })).toBeVisible();
    await inviteePage.getByLabel("Your name").filter({ visible: true }).fill("Bruno Costa");
    await inviteePage
      .getByLabel(/^Password/)
      .filter({ visible: true })
      .fill("password1234");
    await inviteePage.getByLabel("Repeat the password").filter({ visible: true }).fill("password1234");
    await inviteePage.getByRole("button", { name: "Create my account" }).click();
    await expect(inviteePage).toHaveURL("/exams");
    await expect(inviteePage.getByTestId("signed-in-user").filter({ visible: true })).toHaveText("Bruno Costa");

    await inviteePage.goto(url);
    await expect(inviteePage.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

    // Bruno leaves: the admin turns his access off, and his open session ends with it.
    await page.reload();
    const asked = acceptConfirmation(page, /^Turn off Bruno Costa's access\?/);
    await page.getByRole("button", { name: "Turn off access for Bruno Costa" }).click();
    await asked;
    await expect(page.getByText("Bruno Costa can no longer sign in.").filter({ visible: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /Bruno Costa bruno@contoso\.example .* Disabled/ })).toBeVisible();
    await expect(
      page
        .getByRole("row", { name: /Claire Admin/ })
        .getByText("You")
        .filter({ visible: true }),
    ).toBeVisible();
    await inviteePage.goto("/exams");
    await expect(inviteePage).toHaveURL(/\/sign-in/);
    await signIn(inviteePage, "bruno@contoso.example", "password1234");
    await expect(formError(inviteePage)).toBeVisible();

    await page.getByRole("button", { name: "Restore access for Bruno Costa" }).click();
    await expect(page.getByText("Bruno Costa can sign in again.").filter({ visible: true })).toBeVisible();
    await signIn(inviteePage, "bruno@contoso.example", "password1234");
    await expect(inviteePage).toHaveURL("/exams");
    await invitee.close();
  });

  test("an admin revokes a pending invitation, whose link then stops working", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2Fteam");
    await signIn(page, "admin@fabrikam.example", demoPassword);
    await expect(page).toHaveURL("/team");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("temp-partner@fabrikam.example");
    await chooseOption(page, page.getByRole("combobox", { name: "Role" }), /^Partner administrator$/);
    await page.getByRole("button", { name: "Create the invitation" }).click();
    const url = await page.getByRole("textbox", { name: "Invitation link" }).inputValue();

    const asked = acceptConfirmation(page, /^Revoke the invitation for temp-partner@fabrikam\.example\?/);
    await page.getByRole("button", { name: "Revoke the invitation for temp-partner@fabrikam.example" }).click();
    await asked;
    await expect(page.getByText("Invitation revoked.").filter({ visible: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /temp-partner@fabrikam\.example/ })).toHaveCount(0);
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  });
});
