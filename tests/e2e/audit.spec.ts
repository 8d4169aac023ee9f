import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test.describe("the audit trail at /audit", () => {
  test("a reviewer reads every organization's events in the reviewers' frame", async ({ browser, baseURL }) => {
    const page = await signedInPage({ browser, baseURL }, "reviewer@program.example", "en");
    await page.getByRole("link", { name: "Audit", exact: true }).click();
    await expect(page).toHaveURL(/\/audit/);
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Review queue" })).toBeVisible();
    // Events read as sentences, not codes: the reviewer's own sign-in is among them.
    const sentences = page.getByTestId("audit-sentence").filter({ visible: true });
    await expect(sentences.filter({ hasText: /^Rita Reviewer signed in\.$/ }).first()).toBeVisible();
    await expect(page.getByText("auth.sign_in", { exact: true })).toHaveCount(0);
    await page.context().close();
  });

  test("a partner admin reads their own organization's, and an employee is told it does not exist", async ({ browser, baseURL }) => {
    const admin = await signedInPage({ browser, baseURL }, "admin@fabrikam.example", "fr");
    await admin.goto("/audit");
    await expect(admin.getByRole("heading", { name: "Journal d’audit" })).toBeVisible();
    await expect(admin.getByRole("link", { name: "Tableau de bord" })).toBeVisible();
    await expect(
      admin
        .getByTestId("audit-sentence")
        .filter({ visible: true })
        .filter({ hasText: /^Connexion de Felix Admin\.$/ })
        .first(),
    ).toBeVisible();
    // Dates the wrong way round are told so, rather than showing an empty trail.
    await admin.goto("/audit?from=2026-12-31&to=2026-01-01");
    await expect(admin.getByRole("alert").filter({ hasText: "est postérieure à la date" })).toContainText("31 déc. 2026");
    await expect(admin.getByTestId("audit-row")).toHaveCount(0);
    await admin.goto("/audit?action=nothing.recorded");
    await expect(admin.getByText("Aucun événement ne correspond à ces filtres.")).toBeVisible();
    await admin.context().close();

    const employee = await signedInPage({ browser, baseURL }, "alice@contoso.example", "en");
    // Streamed pages start with 200 (Cache Components): the not-found page says it and is noindex.
    await employee.goto("/audit");
    await expect(employee.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await expect(employee.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    await employee.context().close();
  });
});
