/**
 * Money. Amounts are summed as integer cents: binary floating point cannot hold 0.10 exactly,
 * and the contract wants totals such as 0.1 + 0.2 to be exactly 0.30.
 */
export type Cents = number;

/**
 * The largest amount of one revenue line, in either direction. 500,000 lines of this size sum
 * to 5·10^15 cents: still a safe integer, and small enough (below 2^46 dollars) that
 * `cents / 100` prints back as exactly two decimals.
 */
export const MAX_LINE_AMOUNT_USD = 100_000_000;

/** True when a dollar amount has no fraction of a cent (`12.5`, `-3.07`, not `1.005`). */
export function hasAtMostTwoDecimals(usd: number): boolean {
  return Math.round(usd * 100) / 100 === usd;
}

/** Exact: the nearest double to `d.dd`, times 100, rounds to the integer it stands for. */
export function centsFromUsd(usd: number): Cents {
  const cents = Math.round(usd * 100);
  if (cents / 100 !== usd || !Number.isSafeInteger(cents)) {
    throw new RangeError(`${usd} is not an amount of dollars and whole cents`);
  }
  return cents;
}

/** Dollars as a JSON number: `10000025` cents prints as `100000.25`. */
export function usdFromCents(cents: Cents): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
  return cents / 100;
}

/** The digits of an amount, for writing it out exactly: 1234567 cents is 12|345 and 67. */
export function dollarDigits(cents: Cents): { negative: boolean; thousands: string[]; cents: string } {
  const text = String(Math.abs(cents)).padStart(3, "0");
  const whole = text.slice(0, -2);
  const thousands: string[] = [];
  for (let end = whole.length; end > 0; end -= 3) thousands.unshift(whole.slice(Math.max(0, end - 3), end));
  return { negative: cents < 0, thousands, cents: text.slice(-2) };
}
