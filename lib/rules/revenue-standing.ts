import { cloudCrm } from "./cloud-crm";
import type { CalendarDate } from "./dates";
import type { ProgramDefinition } from "./definition";
import type { Cents } from "./money";
import { programOf } from "./program";
import { countRevenue, exclusionOf, type RevenueExclusion } from "./revenue";
import type { RevenueLine } from "./schema";
import { type RevenueWindow, windowFor } from "./window";

/** Where one revenue line stands on `asOf`. */
export interface LineStanding {
  /** Booked inside the trailing window, whether or not it counts. */
  readonly inWindow: boolean;
  /** Why it does not count, or null when it does. */
  readonly exclusion: RevenueExclusion | null;
}

export interface RevenueStanding {
  readonly window: RevenueWindow;
  /** What the tiers are held against: the lines that count in the window. */
  readonly countingCents: Cents;
  /** Every line, whatever its date, product or DPOR association. */
  readonly allCents: Cents;
  readonly lines: ReadonlyMap<string, LineStanding>;
}

/**
 * The revenue page's figures on `asOf`: the counting total of the trailing window (the same
 * sum `evaluate` compares with the thresholds), the total of every line, and for each line
 * whether it lies in the window and why it does not count.
 */
export function revenueStanding(
  revenue: readonly RevenueLine[],
  asOf: CalendarDate,
  definition: ProgramDefinition = cloudCrm,
): RevenueStanding {
  const program = programOf(definition);
  const window = windowFor(asOf, definition.revenueWindowYears);
  const lines = new Map<string, LineStanding>();
  let allCents = 0;
  for (const line of revenue) {
    allCents += line.amountCents;
    lines.set(line.id, {
      inWindow: line.bookedOn >= window.start && line.bookedOn <= window.end,
      exclusion: exclusionOf(program, line, window),
    });
  }
  return { window, countingCents: countRevenue(program, revenue, window).totalCents, allCents, lines };
}
