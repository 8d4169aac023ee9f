import { MAX_LINE_AMOUNT_USD } from "@/lib/rules";
import { dollarDigits } from "@/lib/rules/money";

/**
 * How an amount of dollars is written: as an English or a French reader types it
 * (`1,234.56`, `1 234,56`), or plain dot-decimal without grouping (`1234.56`, CSV files).
 */
export const moneyFormats = ["en", "fr", "plain"] as const;
export type MoneyFormat = (typeof moneyFormats)[number];

export type ParsedMoney = { ok: true; cents: number } | { ok: false; problem: "shape" | "range" };

// French groups thousands with a space; Intl writes a narrow no-break space, keyboards a plain one.
const shapes: Record<MoneyFormat, RegExp> = {
  en: /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/,
  fr: /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d{1,2}))?$/,
  plain: /^(\d+)(?:\.(\d{1,2}))?$/,
};

// People paste amounts as the portal writes them: `$1,234.56`, `1 234,56 $US`, `USD 1,234.56`.
const currencyBefore = /^(?:US\$|USD|\$)\s*/i;
const currencyAfter = /\s*(?:\$\s?US|US\$|\$|USD)$/i;
const minus = /^[-\u2212]\s*/;

// More digits than this cannot be a line's amount, and could lose precision as a Number.
const maxCentsDigits = String(MAX_LINE_AMOUNT_USD * 100).length;

/**
 * The exact number of cents `text` stands for, read as `format` writes amounts; no floating
 * point is involved, so `0.29` is 29 cents, never 28.999…. Negative amounts are credits.
 */
export function parseMoney(text: string, format: MoneyFormat): ParsedMoney {
  let rest = text.trim();
  let negative = minus.test(rest);
  rest = rest.replace(minus, "");
  if (format !== "plain") {
    rest = rest.replace(currencyBefore, "");
    if (!negative && minus.test(rest)) {
      negative = true;
      rest = rest.replace(minus, "");
    }
    rest = rest.replace(currencyAfter, "");
  }
  const match = shapes[format].exec(rest);
  if (!match) return { ok: false, problem: "shape" };
  const digits = (match[1].replace(/\D/g, "") + (match[2] ?? "").padEnd(2, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > maxCentsDigits) return { ok: false, problem: "range" };
  const cents = Number(digits);
  if (cents > MAX_LINE_AMOUNT_USD * 100) return { ok: false, problem: "range" };
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

const separators: Record<MoneyFormat, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  fr: { group: " ", decimal: "," },
  plain: { group: "", decimal: "." },
};

/** The text of an amount field or CSV cell for `cents`: what `parseMoney` reads back exactly. */
export function writeAmount(cents: number, format: MoneyFormat): string {
  const { negative, thousands, cents: fraction } = dollarDigits(cents);
  const { group, decimal } = separators[format];
  return `${negative ? "-" : ""}${thousands.join(group)}${decimal}${fraction}`;
}
