import { expect, test } from "@playwright/test";
import { chooseOption, signedInPage } from "./support/session";

test("a partner admin finds the person of a pass by a search that narrows the picker", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await page.goto("/exams");
  const search = page.getByTestId("person-search");
  await expect(search).toContainText(/The picker offers all \d+ current people who match\./);

  await search.getByRole("textbox", { name: "Find the person by name, email or MCID" }).fill("bruno");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL("/exams?q=bruno");
  await expect(search).toContainText("The picker offers the one current person who matches.");
  const person = page.getByRole("combobox", { name: "Person" });
  await chooseOption(page, person, /^Bruno Costa$/);
  await person.click();
  await expect(page.getByRole("option")).toHaveCount(1);
  await page.context().close();
});
