import { expect, test } from "@playwright/test";
import { chooseOption, signedInPage, todayUtc } from "./support/session";

const words = {
  en: {
    people: "People",
    dashboard: "Dashboard",
    leftOn: "Left the organization on",
    record: "Record departure",
    confirm: "Record the departure anyway",
    // The departure is dated today: the tier drops at once.
    drops: "Contoso Ltd drops from Gold to Silver today if this departure is recorded.",
    undo: "Undo departure",
    recorded: "Departure recorded.",
    undone: "Departure undone.",
    exam: "Exam",
    passedOn: "Passed on",
    recordPass: "Record pass",
    gold: "Gold",
    silver: "Silver",
  },
  fr: {
    people: "Personnes",
    dashboard: "Tableau de bord",
    leftOn: "A quitté l’entreprise le",
    record: "Enregistrer le départ",
    confirm: "Enregistrer le départ quand même",
    drops: "Contoso Ltd descend du niveau Or au niveau Argent dès aujourd’hui si ce départ est enregistré.",
    undo: "Annuler le départ",
    recorded: "Départ enregistré.",
    undone: "Départ annulé.",
    exam: "Examen",
    passedOn: "Réussi le",
    recordPass: "Enregistrer",
    gold: "Or",
    silver: "Argent",
  },
} as const;

for (const locale of ["en", "fr"] as const) {
  const w = words[locale];

  test.describe(`the partner workspace (${locale})`, () => {
    test("Contoso's admin sees Gold, drops to Silver with a departure, and undoes it", async ({ browser, baseURL }) => {
      const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", locale);
      await expect(page).toHaveURL("/dashboard");
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveAttribute("data-tier", "gold");
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveText(w.gold);

      await page.getByRole("link", { name: w.people, exact: true }).click();
      await page.getByRole("link", { name: "Alice Martin" }).click();
      await page.getByLabel(w.leftOn).filter({ visible: true }).fill(todayUtc());
      await page.getByRole("button", { name: w.record }).click();
      // Alice alone holds a Gold slot: the consequence is shown before anything is recorded.
      const question = page.getByTestId("departure-confirmation").filter({ visible: true });
      await expect(question.getByRole("alert")).toHaveText(w.drops);
      await question.getByRole("button", { name: w.confirm }).click();
      await expect(page.getByText(w.recorded).filter({ visible: true })).toBeVisible();
      // Alice still has an account: the admin is pointed to the Team page to turn it off.
      await expect(page.getByTestId("still-has-access").filter({ visible: true }).getByRole("link")).toHaveAttribute("href", "/team");

      // Both a client-side navigation and a document load show the departure at once.
      await page.getByRole("link", { name: w.dashboard, exact: true }).click();
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveAttribute("data-tier", "silver");
      // The toast spoke of the person's page; it does not follow to the dashboard.
      await expect(page.getByText(w.recorded)).toHaveCount(0, { timeout: 1_000 });
      await page.goto("/dashboard");
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveAttribute("data-tier", "silver");
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveText(w.silver);

      await page.goBack();
      await page.reload();
      await page.getByRole("button", { name: w.undo }).click();
      await expect(page.getByText(w.undone).filter({ visible: true })).toBeVisible();
      await page.goto("/dashboard");
      await expect(page.locator("h1 [data-tier]").filter({ visible: true })).toHaveAttribute("data-tier", "gold");
      await page.context().close();
    });

    test("Alice records her own exam pass and cannot change Bruno's", async ({ browser, baseURL }) => {
      const page = await signedInPage({ browser, baseURL }, "alice@contoso.example", locale);
      await expect(page).toHaveURL("/exams");
      const passedOn = locale === "en" ? "2026-01-12" : "2026-01-13";

      await chooseOption(page, page.getByRole("combobox", { name: w.exam }), /MB2-712/);
      await page.getByLabel(w.passedOn).filter({ visible: true }).fill(passedOn);
      await page.getByRole("button", { name: w.recordPass, exact: true }).click();
      await expect(page.getByTestId("exam-pass-row").filter({ visible: true }).filter({ hasText: "MB2-712" }).first()).toBeVisible();

      await page.getByRole("link", { name: w.people, exact: true }).click();
      await page.getByRole("link", { name: "Bruno Costa" }).click();
      await expect(page.getByRole("heading", { name: "Bruno Costa" })).toBeVisible();
      await expect(page.getByTestId("exam-pass-row").filter({ visible: true })).toHaveCount(2);
      await expect(page.getByRole("button", { name: w.recordPass, exact: true })).toHaveCount(0);
      await expect(page.getByRole("button", { name: w.record })).toHaveCount(0);
      await expect(
        page.locator("form input[name=name], form input[name=leftOn], form input[name=passedOn]").filter({ visible: true }),
      ).toHaveCount(0);
      await page.context().close();
    });
  });
}
