import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { acceptConfirmation, signedInPage } from "./support/session";

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

  const asked = acceptConfirmation(page, /^Revoke the token “HR sync”\? The integrations that use it stop working at once\.$/);
  await row.getByRole("button", { name: "Revoke the token HR sync" }).click();
  await asked;
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

test("a partner admin registers a webhook, sends a test event that arrives signed, replays it from the log, rotates its secret and changes its settings", async ({
  browser,
  baseURL,
}) => {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
    await page.goto("/integrations");
    await page.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${port}/portal-events`);
    await page.getByLabel("Description").fill("ERP");
    await page.getByRole("checkbox", { name: /An alert was raised/ }).uncheck();
    await page.getByRole("button", { name: "Register the endpoint" }).click();
    const secretField = page.getByLabel("The endpoint's signing secret");
    await expect(secretField).toHaveValue(/^whsec_/);
    const secret = await secretField.inputValue();

    await page.reload();
    const row = page.getByTestId("webhook-endpoint-row").filter({ hasText: `127.0.0.1:${port}` });
    await expect(row).toContainText("Active");
    await expect(row).not.toContainText("An alert was raised");
    await row.getByRole("link").click();
    await expect(page).toHaveURL(/\/integrations\/webhooks\/[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByText("Test event sent.")).toBeVisible();
    const delivered = page.getByTestId("webhook-delivery-row").filter({ hasText: "Delivered" });
    await expect(delivered).toHaveCount(1, { timeout: 20_000 });
    await expect(delivered).toContainText(/200 in \d+ ms/);
    expect(received).toHaveLength(1);
    const payload = new Webhook(secret).verify(received[0].body, received[0].headers as Record<string, string>);
    expect(payload).toMatchObject({ type: "webhook.test" });

    await delivered.getByRole("button", { name: /^Replay the message msg_/ }).click();
    await expect(page.getByText("Delivery sent again.")).toBeVisible();
    await expect(page.getByTestId("webhook-delivery-row").filter({ hasText: "Delivered" })).toHaveCount(2, { timeout: 20_000 });
    expect(received).toHaveLength(2);
    expect(received[1].headers["webhook-id"]).toBe(received[0].headers["webhook-id"]);

    // A new secret, shown once; for a day both sign, so the receiver can change over.
    await page.getByRole("button", { name: "Rotate the signing secret" }).click();
    await expect(secretField).toHaveValue(/^whsec_/);
    const rotated = await secretField.inputValue();
    expect(rotated).not.toBe(secret);
    await page.reload();
    await expect(page.getByText(/The previous secret also signs deliveries until/)).toBeVisible();
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByTestId("webhook-delivery-row").filter({ hasText: "Delivered" })).toHaveCount(3, { timeout: 20_000 });
    // Its settings change in place, and its secret stays.
    await page.getByLabel("Description").fill("ERP (production)");
    await page.getByRole("checkbox", { name: /A submission was decided/ }).uncheck();
    await page.getByRole("button", { name: "Save the changes" }).click();
    await expect(page.getByText("Endpoint saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Description")).toHaveValue("ERP (production)");
    await expect(page.getByRole("checkbox", { name: /A submission was decided/ })).not.toBeChecked();
    for (const key of [secret, rotated]) {
      expect(new Webhook(key).verify(received[2].body, received[2].headers as Record<string, string>)).toMatchObject({
        type: "webhook.test",
      });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
