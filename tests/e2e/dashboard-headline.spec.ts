import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/session";

/** What each demo organization's dashboard says first, in each language (the seed is dated from today). */
const headlines = {
  en: {
    contoso: /^Gold holds until \w{3} \d{1,2}, \d{4}, when revenue leaves the 12-month window\.$/,
    fabrikam:
      /^Silver is 2 exams and \$17,499\.50 of DPOR revenue away: Frank Miller passes [^;]*MB2-710[^;]*; Gina Rossi passes [^;]*MB2-712[^;]*\.$/,
    viewing: /You are viewing the competency as of .+, not today\./,
    back: "Back to today",
    risk: "Gold rests on exactly the minimum: if Alice Martin, Bruno Costa, Chloé Dubois, or David Okafor leaves, Contoso Ltd drops to Silver.",
  },
  fr: {
    contoso: /^Le niveau Or tient jusqu’au \d{1,2} \S+ \d{4}, quand des recettes sortent de la fenêtre de 12 mois\.$/,
    fabrikam:
      /^Il manque 2 examens et 17\u202f499,50\u00a0\$US de recettes DPOR pour le niveau Argent\u00a0: Frank Miller passe [^;]*MB2-710[^;]*\u202f; Gina Rossi passe [^;]*MB2-712[^;]*\.$/,
    viewing: /Vous consultez la compétence au .+, pas aujourd’hui\./,
    back: "Revenir à aujourd’hui",
    risk: "Le niveau Or repose sur le strict minimum\u00a0: si Alice Martin, Bruno Costa, Chloé Dubois ou David Okafor part, Contoso Ltd descend au niveau Argent.",
  },
} as const;

for (const locale of ["en", "fr"] as const) {
  const words = headlines[locale];

  test(`the dashboard says first where the organization stands, what to do next and who alone holds its tier (${locale})`, async ({
    browser,
    baseURL,
  }) => {
    const contoso = await signedInPage({ browser, baseURL }, "admin@contoso.example", locale);
    await contoso.goto("/dashboard");
    const headline = contoso.getByTestId("dashboard-headline").filter({ visible: true });
    await expect(headline).toHaveText(words.contoso);
    // The headline comes before every card of the page.
    const above = await headline.evaluate((element) => {
      const firstCard = document.querySelector("#content .card");
      return firstCard !== null && Boolean(element.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    // Its single points of failure, each named.
    await expect(contoso.getByTestId("risk-summary").filter({ visible: true })).toHaveText(words.risk);

    // Another day says so, with the way back.
    await contoso.goto("/dashboard?asOf=2026-01-15");
    const banner = contoso.getByTestId("viewing-another-date").filter({ visible: true });
    await expect(banner).toHaveText(new RegExp(`${words.viewing.source}\\s*${words.back}`));
    await banner.getByRole("link", { name: words.back }).click();
    await expect(contoso).toHaveURL(/\/dashboard$/);
    await expect(contoso.getByTestId("viewing-another-date").filter({ visible: true })).toHaveCount(0);
    await contoso.context().close();

    const fabrikam = await signedInPage({ browser, baseURL }, "admin@fabrikam.example", locale);
    await fabrikam.goto("/dashboard");
    await expect(fabrikam.getByTestId("dashboard-headline").filter({ visible: true })).toHaveText(words.fabrikam);
    await fabrikam.context().close();
  });
}
