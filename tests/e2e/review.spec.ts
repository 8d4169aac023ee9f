import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signedInPage, tabTo, todayUtc } from "./support/session";

const reference = `CTS-E2E-${Date.now()}`;

test("Contoso applies for Gold; the reviewer sends it back, then approves the resubmission", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  const reviewer = await signedInPage({ browser, baseURL }, "reviewer@program.example", "en");

  // The admin applies for the tier lib/rules says Contoso meets today.
  await admin.goto("/dashboard");
  await expect(admin.locator("h1 [data-tier]").filter({ visible: true })).toHaveAttribute("data-tier", "gold");
  await admin.getByRole("button", { name: "Apply for Gold" }).click();
  await expect(admin).toHaveURL(/\/submissions\/[0-9a-f-]{36}$/);
  await expect(admin.locator("[data-status]").filter({ visible: true }).first()).toHaveAttribute("data-status", "submitted");
  const firstUrl = admin.url();

  // The reviewer claims it from the queue and opens the case.
  await reviewer.goto("/review");
  const row = reviewer.getByTestId("queue-row").filter({ visible: true }).filter({ hasText: "Contoso Ltd" });
  await row.getByRole("button", { name: "Claim" }).click();
  await expect(row.getByText("Rita Reviewer").filter({ visible: true })).toBeVisible();
  await row.getByRole("link", { name: "Contoso Ltd" }).click();
  await expect(reviewer.getByTestId("claimed-by").filter({ visible: true })).toHaveText("Claimed by Rita Reviewer.");

  // Released to the queue, the case is nobody's until it is claimed again.
  await reviewer.getByRole("button", { name: "Release to the queue" }).click();
  await expect(reviewer.getByTestId("claimed-by").filter({ visible: true })).toHaveText("Nobody has claimed this application yet.");
  await reviewer.getByRole("button", { name: "Claim" }).click();
  await expect(reviewer.getByTestId("claimed-by").filter({ visible: true })).toHaveText("Claimed by Rita Reviewer.");

  // The products are named as on the partner's Revenue page, not by their codes.
  await expect(reviewer.getByTestId("revenue-row").filter({ visible: true }).filter({ hasText: "CTS-INV-1001" })).toContainText(
    "Dynamics 365 Customer Engagement Plan 1",
  );

  // Rejecting Northwind's USD 60,000 leaves USD 80,000: Gold no longer holds, Approve is disabled.
  // The verdict and the decision are given with the keyboard alone.
  // Reject opens the reason: one of the usual ones, with details.
  await tabTo(reviewer, reviewer.getByRole("button", { name: /^Reject: CTS-INV-1001/ }));
  await reviewer.keyboard.press("Enter");
  const reason = reviewer.getByRole("combobox", { name: /^Reason: CTS-INV-1001/ });
  await expect(reason).toBeFocused();
  await reviewer.keyboard.press("ArrowDown");
  await expect(reason).toHaveValue("The customer is not DPOR-associated with the partner");
  await tabTo(reviewer, reviewer.getByRole("textbox", { name: /^Details: CTS-INV-1001/ }));
  await reviewer.keyboard.type("the invoice names another partner");
  await tabTo(reviewer, reviewer.getByRole("button", { name: /^Reject with this reason: CTS-INV-1001/ }));
  await reviewer.keyboard.press("Enter");
  await expect(
    reviewer
      .getByTestId("revenue-row")
      .filter({ visible: true })
      .filter({ hasText: "CTS-INV-1001" })
      .locator('[data-verdict="rejected"]')
      .filter({ visible: true }),
  ).toBeVisible();
  await expect(reviewer.getByTestId("holds-without-rejected").filter({ visible: true })).toHaveAttribute("data-holds", "false");
  await expect(reviewer.getByRole("button", { name: "Approve Gold" })).toBeDisabled();
  await tabTo(reviewer, reviewer.getByLabel("Message to the partner").filter({ visible: true }));
  await reviewer.keyboard.type("Northwind is not DPOR-associated. Add counted revenue, then resubmit.");
  await tabTo(reviewer, reviewer.getByRole("button", { name: "Request changes" }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.locator("h1 [data-status]").filter({ visible: true })).toHaveAttribute("data-status", "changes_requested");

  // The admin reads the message and the rejected line, adds a line and resubmits.
  await admin.goto(firstUrl);
  await expect(admin.getByTestId("reviewer-message").filter({ visible: true })).toContainText("Northwind is not DPOR-associated");
  await expect(admin.getByTestId("rejected-items").filter({ visible: true })).toContainText("CTS-INV-1001");
  // The Revenue page marks the line with the program's verdict and reason.
  await admin.goto("/revenue?q=CTS-INV-1001");
  await expect(
    admin
      .getByTestId("revenue-row")
      .filter({ visible: true })
      .filter({ hasText: "CTS-INV-1001" })
      .locator('[data-verification="rejected"]'),
  ).toContainText("The customer is not DPOR-associated with the partner — the invoice names another partner");
  await admin.goto("/revenue/new");
  await admin.getByLabel("Invoice reference").filter({ visible: true }).fill(reference);
  await admin.getByRole("textbox", { name: "Customer" }).fill("Proseware");
  await admin.getByRole("combobox", { name: "Product" }).selectOption("crm-online");
  await admin.getByLabel("Amount (USD)").filter({ visible: true }).fill("70000.00");
  await admin.getByRole("textbox", { name: "Booked on" }).fill(todayUtc());
  await admin
    .getByLabel(/Digital Partner of Record/)
    .filter({ visible: true })
    .check();
  await admin.getByRole("button", { name: "Add line" }).click();
  await expect(admin).not.toHaveURL(/\/revenue\/new$/);
  await admin.goto(firstUrl);
  await admin.getByRole("button", { name: "Resubmit with today's evidence" }).click();
  await expect(admin).not.toHaveURL(firstUrl);
  await expect(
    admin.getByText("This application answers the changes requested on an earlier one.").filter({ visible: true }),
  ).toBeVisible();

  // On a phone and with the keyboard alone, the reviewer sees what changed, verifies everything
  // but Northwind, and approves.
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await reviewer.goto("/review");
  const again = reviewer.getByTestId("queue-row").filter({ visible: true }).filter({ hasText: "Resubmission" });
  await tabTo(reviewer, again.getByRole("button", { name: "Claim" }));
  await reviewer.keyboard.press("Enter");
  await expect(again.getByText("Rita Reviewer").filter({ visible: true })).toBeVisible();
  await tabTo(reviewer, again.getByRole("link", { name: "Contoso Ltd" }));
  await reviewer.keyboard.press("Enter");
  await expect(
    reviewer.getByTestId("changes").filter({ visible: true }).locator('[data-change="added"]').filter({ visible: true }),
  ).toContainText(reference);
  await expect(reviewer.getByRole("button", { name: "Approve Gold" })).toBeDisabled();
  // Each piece of evidence is a card of the phone's width, its verdict controls in view.
  expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const proseware = reviewer.getByTestId("revenue-row").filter({ visible: true }).filter({ hasText: reference });
  for (const control of [proseware.getByRole("button", { name: /^Verify: / }), proseware.getByRole("button", { name: /^Reject: / })]) {
    await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  // The first round's verdicts stand for the evidence that did not change: Northwind stays rejected.
  await expect(
    reviewer
      .getByTestId("revenue-row")
      .filter({ visible: true })
      .filter({ hasText: "CTS-INV-1001" })
      .locator('[data-verdict="rejected"][data-carried="true"]'),
  ).toContainText("Rejected in round 1");
  await expect(reviewer.getByTestId("items-remaining").filter({ visible: true })).toHaveText(/^[2-9]\d* items still need a verdict\.$/);
  // "Verify all remaining" says how many first; the carried rejection stays.
  const verifyAll = reviewer.getByTestId("verify-remaining").filter({ visible: true });
  await tabTo(reviewer, verifyAll.getByRole("button", { name: /^Verify all remaining \(\d+\)$/ }));
  await reviewer.keyboard.press("Enter");
  await expect(verifyAll.getByRole("alert")).toHaveText(
    /^Mark the \d+ remaining items verified\? Verdicts already given stay as they are\.$/,
  );
  await tabTo(reviewer, verifyAll.getByRole("button", { name: "Verify them" }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByTestId("items-remaining").filter({ visible: true })).toHaveText("Every item to review has a verdict.");
  await expect(reviewer.getByTestId("holds-on-verified").filter({ visible: true })).toHaveAttribute("data-holds", "true");
  await tabTo(reviewer, reviewer.getByRole("button", { name: "Approve Gold" }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.locator("h1 [data-status]").filter({ visible: true })).toHaveAttribute("data-status", "approved");
  // Each pass shows its transcript, ready to copy, and how the reviewer checked it.
  await expect(reviewer.getByRole("button", { name: /^Copy Transcript id \d+$/ }).first()).toBeVisible();
  await expect(reviewer.getByTestId("check-method").filter({ visible: true }).first()).toHaveText("Transcript seen");

  // Contoso's dashboard shows the award; the application page has the printable summary.
  await admin.goto("/dashboard");
  await expect(admin.getByTestId("award-line").filter({ visible: true })).toContainText(/Gold partner since .+, renews on .+/);
  await admin.goto("/submissions");
  await admin
    .getByTestId("submission-row")
    .filter({ visible: true })
    .filter({ has: admin.locator('[data-status="approved"]').filter({ visible: true }) })
    .getByRole("link")
    .click();
  await expect(admin.getByTestId("award-summary").filter({ visible: true })).toContainText(
    "Contoso Ltd (MPN ID 4410021) is a Gold partner",
  );
  await admin.emulateMedia({ media: "print" });
  await expect(admin.locator("header").filter({ visible: true })).toBeHidden();
  await expect(admin.getByTestId("award-summary").filter({ visible: true })).toBeVisible();
  await admin.emulateMedia({ media: "screen" });
  // The decision's audit pack: the printable summary and the evidence as the rules read it.
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "Download the audit pack" }).filter({ visible: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-pack-4410021-gold-round-2-\d{4}-\d{2}-\d{2}\.zip$/);
  const pack = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(strFromU8(pack["summary.html"])).toContain("Approved by Rita Reviewer");
  expect(JSON.parse(strFromU8(pack["decision.json"]))).toMatchObject({ decision: "approved", award: { tier: "gold" } });

  // Undo the added line, so the other specs find Contoso's revenue as seeded.
  await admin.goto(`/revenue?q=${reference}`);
  await admin.getByRole("link", { name: reference }).click();
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "Delete this line" }).click();
  // The line carries Gold past its coming drop, with no tier left after it: deleting it is shown with that consequence first.
  await expect(admin.getByTestId("delete-confirmation").filter({ visible: true }).getByRole("alert")).toHaveText(
    /^Contoso Ltd loses Gold on .+ if this line is deleted\.$/,
  );
  await admin.getByRole("button", { name: "Delete the line anyway" }).click();
  await expect(admin).toHaveURL(/\/revenue\?deleted=/);
  await admin.context().close();
  await reviewer.context().close();
});
