/**
 * A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a
 * formula (CSV injection). Exported text cells that start so, or with the quote that marks
 * an escaped cell, get a leading quote; the import removes exactly that quote, so an
 * export re-imports to the same text.
 */
const needsQuote = /^[=+\-@\t\r']/;

export function escapeTextCell(value: string): string {
  return needsQuote.test(value) ? `'${value}` : value;
}

export function unescapeTextCell(value: string): string {
  return value.startsWith("'") && needsQuote.test(value.slice(1)) ? value.slice(1) : value;
}
