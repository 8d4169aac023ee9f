import { cloudCrm, examByCode, type Locale } from "@/lib/rules";

/** Names of the competency's tiers, roles, groups and exams, as the rules library defines them. */
export function tierTitle(tier: string, locale: Locale, noTier: string): string {
  return cloudCrm.tiers.find((candidate) => candidate.id === tier)?.title[locale] ?? noTier;
}

export function roleTitle(role: string, locale: Locale): string {
  return cloudCrm.roles.find((candidate) => candidate.id === role)?.title[locale] ?? role;
}

export function examTitle(code: string, locale: Locale): string {
  return examByCode(code)?.title[locale] ?? code;
}
