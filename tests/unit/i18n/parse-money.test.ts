import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/actions/action";
import { localizeIssues } from "@/lib/actions/field-errors";
import { moneyFormats, parseMoney, writeAmount } from "@/lib/i18n/parse-money";
import { MAX_LINE_AMOUNT_USD } from "@/lib/rules";
import { revenueLineInput } from "@/lib/schemas/revenue";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

const cents = (text: string, format: "en" | "fr" | "plain") => {
  const parsed = parseMoney(text, format);
  return parsed.ok ? parsed.cents : parsed.problem;
};

describe("amounts typed by an English reader", () => {
  it("read grouped and ungrouped dollars exactly, to the cent", () => {
    expect(cents("1,234.56", "en")).toBe(123_456);
    expect(cents("1234.56", "en")).toBe(123_456);
    expect(cents("0.29", "en")).toBe(29);
    expect(cents("0.1", "en")).toBe(10);
    expect(cents("12", "en")).toBe(1_200);
    expect(cents(" 1,000,000.05 ", "en")).toBe(100_000_005);
  });

  it("read credits and amounts pasted as the portal shows them", () => {
    expect(cents("-50.00", "en")).toBe(-5_000);
    expect(cents("$1,234.56", "en")).toBe(123_456);
    expect(cents("-$1,234.56", "en")).toBe(-123_456);
    expect(cents("USD 82,500.50", "en")).toBe(8_250_050);
    expect(cents("-0", "en")).toBe(0);
  });

  it("refuse French writing, misplaced separators and fractions of a cent", () => {
    for (const text of ["1 234,56", "1234,56", "1,23.45", "12,34", "1.005", "1.2.3", "", "abc", "1e5", "--1", "1,234.567", ".5"]) {
      expect(cents(text, "en"), text).toBe("shape");
    }
  });
});

describe("amounts typed by a French reader", () => {
  it("read spaces, no-break spaces and narrow no-break spaces between thousands", () => {
    expect(cents("1 234,56", "fr")).toBe(123_456);
    expect(cents("1\u00a0234,56", "fr")).toBe(123_456);
    expect(cents("1\u202f234,56", "fr")).toBe(123_456);
    expect(cents("1234,5", "fr")).toBe(123_450);
    expect(cents("1 234,56 $US", "fr")).toBe(123_456);
    expect(cents("-1 234,56 $", "fr")).toBe(-123_456);
    expect(cents("\u22121\u202f234,56\u00a0$US", "fr")).toBe(-123_456);
  });

  it("refuse English writing rather than guess", () => {
    for (const text of ["1,234.56", "1234.56", "1.234,56", "12 34,56", "1 234,567"]) expect(cents(text, "fr"), text).toBe("shape");
  });
});

describe("amounts in a CSV file", () => {
  it("are plain dot-decimal dollars", () => {
    expect(cents("1234.56", "plain")).toBe(123_456);
    expect(cents("-1250.5", "plain")).toBe(-125_050);
    for (const text of ["1,234.56", "1 234,56", "$12", "1234,56"]) expect(cents(text, "plain"), text).toBe("shape");
  });
});

describe("the amount of one line", () => {
  it("is at most the rules library's maximum either way", () => {
    expect(cents(`${MAX_LINE_AMOUNT_USD}.00`, "plain")).toBe(MAX_LINE_AMOUNT_USD * 100);
    expect(cents(`-${MAX_LINE_AMOUNT_USD}`, "plain")).toBe(-MAX_LINE_AMOUNT_USD * 100);
    expect(cents(`${MAX_LINE_AMOUNT_USD}.01`, "plain")).toBe("range");
    expect(cents("9".repeat(30), "plain")).toBe("range");
  });
});

describe("writing an amount and reading it back", () => {
  it("gives the same cents in every format", () => {
    expect(writeAmount(123_456, "en")).toBe("1,234.56");
    expect(writeAmount(123_456, "fr")).toBe("1 234,56");
    expect(writeAmount(-5, "plain")).toBe("-0.05");
    const max = MAX_LINE_AMOUNT_USD * 100;
    fc.assert(
      fc.property(fc.integer({ min: -max, max }), fc.constantFrom(...moneyFormats), (amount, format) => {
        expect(parseMoney(writeAmount(amount, format), format)).toEqual({ ok: true, cents: amount === 0 ? 0 : amount });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the revenue form's amount field", () => {
  const t = (locale: "en" | "fr") => createTranslator({ locale, messages: locale === "en" ? en : fr }) as unknown as Translate;
  const line = { reference: "INV-1", customerName: "Northwind", product: "crm-online", bookedOn: "2026-01-05" };

  it("stores what a French admin typed as integer cents", () => {
    expect(revenueLineInput.parse({ ...line, amount: "1 234,56", amountFormat: "fr", dporAssociated: "on" })).toEqual({
      ...line,
      amountCents: 123_456,
      dporAssociated: true,
    });
  });

  it("says what is wrong on the field, in the reader's language, beside the other fields' problems", () => {
    const parsed = revenueLineInput.safeParse({ ...line, customerName: "", amount: "1.234,56", amountFormat: "fr" });
    if (parsed.success) throw new Error("expected a refusal");
    expect(localizeIssues(parsed.error.issues, t("fr")).fieldErrors).toEqual({
      customerName: ["Ce champ est obligatoire."],
      amount: ["Saisissez un montant en dollars, par exemple 1 234,56 ou -50,00."],
    });
    const english = revenueLineInput.safeParse({ ...line, amount: "", amountFormat: "en" });
    if (english.success) throw new Error("expected a refusal");
    expect(localizeIssues(english.error.issues, t("en")).fieldErrors).toEqual({ amount: ["This field is required."] });
  });
});
