import { cloudCrm } from "./cloud-crm";
import { type CalendarDate, daysInMonth } from "./dates";
import type { ProgramDefinition } from "./definition";
import type { Cents } from "./money";
import { programOf } from "./program";
import { countRevenue } from "./revenue";
import type { EvaluationInput } from "./schema";
import { windowFor } from "./window";

export interface RevenuePoint {
  /** The day the trailing window ends: a month's last day, and `asOf` for the last point. */
  readonly on: CalendarDate;
  readonly totalCents: Cents;
}

export interface RevenueHistory {
  readonly points: readonly RevenuePoint[];
  /** Each tier's threshold for the partner's market, to draw against the points. */
  readonly thresholdCents: Readonly<Record<string, Cents>>;
}

/** The last day of the month `monthsBack` months before the month of `date`. */
function endOfMonthBefore(date: CalendarDate, monthsBack: number): CalendarDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - monthsBack;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

/**
 * The counting revenue of the trailing window as it stood at the end of each of the last
 * `months` months, ending with `asOf` itself: how close the partner has been to the threshold.
 */
export function revenueHistory(input: EvaluationInput, options: { months?: number; definition?: ProgramDefinition } = {}): RevenueHistory {
  const definition = options.definition ?? cloudCrm;
  const program = programOf(definition);
  const months = options.months ?? 24;
  const days: CalendarDate[] = [];
  for (let back = months - 1; back >= 1; back--) days.push(endOfMonthBefore(input.asOf, back));
  days.push(input.asOf);

  const points = days.map((on) => ({
    on,
    totalCents: countRevenue(program, input.revenue, windowFor(on, definition.revenueWindowYears)).totalCents,
  }));
  const thresholdCents = Object.fromEntries(definition.tiers.map((tier) => [tier.id, tier.revenueThresholdCents[input.market]]));
  return { points, thresholdCents };
}
