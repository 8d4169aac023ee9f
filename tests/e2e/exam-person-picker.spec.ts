import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

test("a partner admin finds the person of a pass by typing in the picker, with the keyboard", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await page.goto("/exams");
  const person = page.getByRole("combobox", { name: "Person" });
  await person.focus();
  // Opened, it offers the organization's current people by name; typing asks the server for fewer.
  await expect(page.getByRole("option").first()).toBeVisible();
  await person.pressSequentially("bru");
  await expect(page.getByRole("option")).toHaveText(["Bruno Costa"]);
  await person.press("ArrowDown");
  await expect(person).toHaveAttribute("aria-activedescendant", /.+/);
  await person.press("Enter");
  await expect(person).toHaveValue("Bruno Costa");
  await expect(person).toHaveAttribute("aria-expanded", "false");

  // Refused for its missing exam, the form keeps the person picked.
  await page.getByRole("button", { name: "Record pass" }).click();
  await expect(page.getByRole("combobox", { name: "Person" })).toHaveValue("Bruno Costa");
  await expect(page.locator('input[type="hidden"][name="personId"]')).toHaveValue(/^[0-9a-f-]{36}$/);

  // A name that matches nobody says so.
  await person.fill("zzzz-nobody");
  await expect(page.getByText("No current person matches.")).toBeVisible();
  await page.context().close();
});

test("a pass refused for its date keeps the exam and the person chosen", async ({ browser, baseURL }) => {
  const page = await signedInPage({ browser, baseURL }, "admin@contoso.example", "en");
  await page.goto("/exams");
  const person = page.getByRole("combobox", { name: "Person" });
  await person.pressSequentially("bru");
  await page.getByRole("option", { name: "Bruno Costa" }).click();
  await page.getByRole("combobox", { name: "Exam" }).click();
  await page.getByRole("option", { name: /MB2-707/ }).click();
  await page.getByLabel("Passed on").fill("2099-06-01");
  await page.getByRole("button", { name: "Record pass" }).click();

  await expect(page.getByText("A pass cannot be dated in the future.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Exam" })).toContainText("MB2-707");
  await expect(page.getByLabel("Passed on")).toHaveValue("2099-06-01");
  await expect(person).toHaveValue("Bruno Costa");
  await page.context().close();
});
