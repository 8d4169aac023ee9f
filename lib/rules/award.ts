import { addDays, type CalendarDate, sameDateYearsLater } from "./dates";
import { NO_TIER, tierIds, tierRank } from "./tiers";

/**
 * The program's awards: a reviewer's approval grants a tier for a year, and a partner
 * renews it by applying again near its anniversary.
 */

export interface Award {
  tier: string;
  awardedOn: CalendarDate;
  anniversaryOn: CalendarDate;
}

/** An award granted on `awardedOn` holds until the same date a year later (28 February for a leap day). */
export function awardTerm(awardedOn: CalendarDate): { awardedOn: CalendarDate; anniversaryOn: CalendarDate } {
  return { awardedOn, anniversaryOn: sameDateYearsLater(awardedOn, 1) };
}

/** The award in force on `asOf`: granted on or before it, anniversary not passed; the latest granted wins. */
export function awardInForce<A extends Award>(awards: readonly A[], asOf: CalendarDate): A | null {
  let found: A | null = null;
  for (const award of awards) {
    if (award.awardedOn > asOf || award.anniversaryOn < asOf) continue;
    if (!found || award.awardedOn > found.awardedOn) found = award;
  }
  return found;
}

/** How long before its anniversary an award may be renewed by a new application. */
export const RENEWAL_WINDOW_DAYS = 90;

/** The first day a new application may renew `award`. */
export function renewalOpensOn(award: Award): CalendarDate {
  return addDays(award.anniversaryOn, -RENEWAL_WINDOW_DAYS);
}

/** Whether `day` lies in `award`'s renewal window: from its opening to the anniversary itself. */
export function inRenewalWindow(award: Award, day: CalendarDate): boolean {
  return day >= renewalOpensOn(award) && day <= award.anniversaryOn;
}

/**
 * The term an approval on `decidedOn` grants. A renewal (approved while an award is in force
 * and its renewal window is open) starts on that award's anniversary, so the partner loses
 * no day and gains none; any other approval starts on the day of the decision.
 */
export function nextAwardTerm(awards: readonly Award[], decidedOn: CalendarDate): { awardedOn: CalendarDate; anniversaryOn: CalendarDate } {
  const current = awardInForce(awards, decidedOn);
  if (current && inRenewalWindow(current, decidedOn) && current.anniversaryOn > decidedOn) return awardTerm(current.anniversaryOn);
  return awardTerm(decidedOn);
}

/** Why an organization may not apply for a tier now; null when it may. */
export type ApplicationRefusal = "application_open" | "tier_not_met" | "award_in_force";

export interface ApplicationStanding {
  /** Whether the organization meets each tier on `asOf`, as `evaluate` says (`tiers[id].met`). */
  tiers: Readonly<Record<string, { met: boolean } | undefined>>;
  award: Award | null;
  applicationOpen: boolean;
  asOf: CalendarDate;
}

/**
 * Whether the organization may apply for `tier` on `asOf`: one application at a time, for a
 * tier it meets, and not for a tier an award in force already grants (or a lower one) until
 * the renewal window before that award's anniversary opens. A higher tier may always be sought.
 */
export function applicationRefusal(tier: string, standing: ApplicationStanding): ApplicationRefusal | null {
  if (standing.applicationOpen) return "application_open";
  if (standing.tiers[tier]?.met !== true) return "tier_not_met";
  const { award } = standing;
  if (award && tierRank(award.tier) >= tierRank(tier) && standing.asOf < renewalOpensOn(award)) return "award_in_force";
  return null;
}

/** The tier to offer an application for: the highest one the organization may apply for now, or null. */
export function tierToApplyFor(standing: ApplicationStanding): string | null {
  const candidates = tierIds()
    .filter((tier) => tier !== NO_TIER)
    .reverse();
  return candidates.find((tier) => applicationRefusal(tier, standing) === null) ?? null;
}

/** A case may be approved only when its tier holds on the evidence a reviewer verified. */
export function isApprovable(verifiedOnly: { tiers: Readonly<Record<string, { met: boolean } | undefined>> }, tier: string): boolean {
  return verifiedOnly.tiers[tier]?.met === true;
}
