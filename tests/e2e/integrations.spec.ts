import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test("a partner admin creates an API token, copies it, calls the API with it and revokes it", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.getByRole("link", { name: "Integrations" }).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/integrations$/);

  // A name of spaces only is no name; the refusal is at its field.
  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Create the token" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();

  await page.getByLabel("Name").fill("HR sync");
  await page.getByLabel("Rights").selectOption("read+write");
  await page.getByLabel("Valid for").selectOption("30");
  await page.getByRole("button", { name: "Create the token" }).click();
  const secretField = page.getByLabel("The token's secret");
  await expect(secretField).toHaveValue(/^ccp_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const api = page.request;
  const people = await api.get("/api/v1/people?limit=2", { headers: { authorization: `Bearer ${secret}` } });
  expect(people.status()).toBe(200);
  expect(((await people.json()) as { items: unknown[] }).items).toHaveLength(2);

  // The list shows the token, used just now; after a reload the secret is nowhere on the page.
  await page.reload();
  const row = page.getByTestId("api-token-row").filter({ hasText: "HR sync" });
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await expect(page.locator("body")).not.toContainText(secret);

  await row.getByRole("button", { name: "Revoke the token HR sync" }).click();
  await expect(page.getByText("Token “HR sync” revoked: requests with it are refused.")).toBeVisible();
  await expect(row).toContainText("Revoked");
  const refused = await api.get("/api/v1/people", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("the API reference at /api/docs draws the OpenAPI document", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/api/docs");
  await expect(page.getByText("Cloud CRM competency portal API").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("List people").first()).toBeVisible();
  expect(errors).toEqual([]);
});
