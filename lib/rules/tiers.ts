import { cloudCrm } from "./cloud-crm";
import type { ProgramDefinition } from "./definition";

/** The `tier` of an organization that meets no tier. */
export const NO_TIER = "none";

/** Every value `tier` can take, from the lowest: `["none", "silver", "gold"]` for Cloud CRM. */
export function tierIds(definition: ProgramDefinition = cloudCrm): string[] {
  return [NO_TIER, ...definition.tiers.map((tier) => tier.id)];
}

/** 0 for "none", then 1, 2… from the lowest tier; -1 for an id the definition does not have. */
export function tierRank(tier: string, definition: ProgramDefinition = cloudCrm): number {
  return tierIds(definition).indexOf(tier);
}
