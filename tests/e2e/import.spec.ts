import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/session";

/** A calendar date this many days before today, as the server sees it (UTC). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const header = "mcid,exam_code,passed_on,certification_ref";

/**
 * Fabrikam's people are Frank (20872001, an application exam) and Gina (20872002, a pass of
 * the retired MB2-709). Each language imports passes that fill a group one of them lacks, so
 * either run shrinks the gap list whichever ran first.
 */
const runs = {
  en: {
    words: {
      preview: "Preview",
      import: "Import",
      where: "Line 3, exam_code",
      reason: "This exam is not part of the Cloud CRM competency.",
      done: "Import complete: 2 rows added, 0 updated, 0 unchanged.",
    },
    bad: [header, `20872001,MB2-710,${daysAgo(10)},TR-20872001-MB2-710`, `20872002,MB2-999,${daysAgo(9)},`],
    fixed: [header, `20872001,MB2-710,${daysAgo(10)},TR-20872001-MB2-710`, `20872002,MB2-716,${daysAgo(9)},`],
  },
  fr: {
    words: {
      preview: "Aperçu",
      import: "Importer",
      where: "Ligne 3, passed_on",
      reason: "Un examen ne peut pas être daté dans le futur.",
      done: "Import terminé\u00a0: 2 lignes ajoutées, 0 modifiée, 0 inchangée.",
    },
    bad: [header, `20872002,MB2-717,${daysAgo(8)},`, `20872001,MB2-712,${daysAgo(-30)},`],
    fixed: [header, `20872002,MB2-717,${daysAgo(8)},`, `20872001,MB2-712,${daysAgo(7)},`],
  },
} as const;

/** What the gap list still asks for: every role, group and exam listed as missing. */
async function missingEntries(page: Page): Promise<number> {
  await page.goto("/dashboard");
  await expect(page.getByTestId("gap-row").filter({ visible: true }).first()).toBeVisible();
  return page.getByTestId("gap-row").filter({ visible: true }).locator("li").filter({ visible: true }).count();
}

async function choose(page: Page, lines: readonly string[]) {
  await page
    .getByLabel(/CSV/)
    .filter({ visible: true })
    .setInputFiles({ name: "exam-passes.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
}

for (const locale of ["en", "fr"] as const) {
  const { words, bad, fixed } = runs[locale];

  test(`Fabrikam's admin imports exam passes, fixes a bad row, and the gap list shrinks (${locale})`, async ({ browser, baseURL }) => {
    const page = await signedInPage({ browser, baseURL }, "admin@fabrikam.example", locale);
    const before = await missingEntries(page);

    await page.goto("/import/exam-passes");
    await choose(page, bad);
    await page.getByRole("button", { name: words.preview }).click();
    const problem = page.getByTestId("import-problem").filter({ visible: true });
    await expect(problem).toHaveCount(1);
    await expect(problem).toHaveAttribute("data-line", "3");
    await expect(problem).toContainText(words.where);
    await expect(problem).toContainText(words.reason);
    await expect(page.getByRole("button", { name: words.import, exact: true })).toHaveCount(0);

    await choose(page, fixed);
    await page.getByRole("button", { name: words.preview }).click();
    await expect(page.getByTestId("import-row").filter({ visible: true })).toHaveCount(2);
    await expect(page.getByTestId("import-problem").filter({ visible: true })).toHaveCount(0);
    await page.getByRole("button", { name: words.import, exact: true }).click();
    await expect(page.getByTestId("import-done").filter({ visible: true })).toHaveText(words.done);

    expect(await missingEntries(page)).toBeLessThan(before);
    await page.context().close();
  });
}
