import type { Cents } from "./money";
import type { Program } from "./program";
import type { RevenueLine } from "./schema";
import type { RevenueWindow } from "./window";

/** Why a revenue line is left out of the total. */
export type RevenueExclusion = "not-dpor" | "product-not-counting" | "before-window" | "after-as-of";

export interface CountedRevenue {
  readonly totalCents: Cents;
  readonly countedIds: string[];
}

/**
 * seed: revenue counts for customers where the partner is Digital Partner of Record
 * ("associé en tant que Partenaire de référence numérique"), on CRM Online or Dynamics 365
 * Customer Engagement, booked in the window. Credits and refunds are negative lines.
 */
export function exclusionOf(program: Program, line: RevenueLine, window: RevenueWindow): RevenueExclusion | null {
  const ineligible = ineligibility(program, line);
  if (ineligible !== null) return ineligible;
  if (line.bookedOn < window.start) return "before-window";
  if (line.bookedOn > window.end) return "after-as-of";
  return null;
}

/** Whether a line can count at all, whatever its date. */
export function ineligibility(program: Program, line: RevenueLine): "not-dpor" | "product-not-counting" | null {
  if (!line.dporAssociated) return "not-dpor";
  if (!program.countingProducts.has(line.product)) return "product-not-counting";
  return null;
}

export function countRevenue(program: Program, lines: readonly RevenueLine[], window: RevenueWindow): CountedRevenue {
  let totalCents = 0;
  const countedIds: string[] = [];
  for (const line of lines) {
    if (exclusionOf(program, line, window) === null) {
      totalCents += line.amountCents;
      countedIds.push(line.id);
    }
  }
  return { totalCents, countedIds };
}
