import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test("Alice confirms that her MCID is hers; her admin sees it, and only she could", async ({ browser, baseURL }) => {
  const alice = await signedInPage({ browser, baseURL }, "alice@contoso.example", "en");
  await alice.goto("/people");
  await alice.locator("#content").getByRole("link", { name: "Alice Martin" }).click();
  const confirmation = alice.getByTestId("mcid-confirmation");
  await expect(confirmation).toContainText("only you can link your certifications to your organization");
  await confirmation.getByRole("button", { name: "This MCID is mine" }).click();
  await expect(confirmation).toContainText(/^Alice Martin confirmed on .+ that MCID \d+ is theirs\.$/);
  const own = alice.url();
  await alice.context().close();

  const admin = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await admin.goto(own);
  await expect(admin.getByTestId("mcid-confirmation")).toContainText("Alice Martin confirmed on");
  await admin.goto("/people");
  await admin.locator("#content").getByRole("link", { name: "Bruno Costa" }).click();
  // Nobody but Bruno can confirm his: his admin is told so, with no button.
  await expect(admin.getByTestId("mcid-confirmation")).toContainText("Bruno Costa has not confirmed yet");
  await expect(admin.getByRole("button", { name: "This MCID is mine" })).toHaveCount(0);
  await admin.context().close();
});
