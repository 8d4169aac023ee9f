import type { DefinitionFileJson } from "@/lib/rules";

/**
 * The changes a program administrator makes to a draft's definition, one form each, on the
 * file's JSON. Each returns the new definition and the JSON path of what it changed, so that
 * the contract's rules, checked on the whole, are shown at the fields of the form that broke them.
 */
export interface Edited {
  definition: DefinitionFileJson;
  /** `definition.catalogue[3]`: problems under it belong to the form's fields. */
  at: string;
}

type Exam = DefinitionFileJson["catalogue"][number];
type Tier = DefinitionFileJson["tiers"][number];

export function putExam(definition: DefinitionFileJson, originalCode: string | undefined, exam: Exam): Edited {
  const catalogue = [...definition.catalogue];
  const index = originalCode ? catalogue.findIndex((candidate) => candidate.code === originalCode) : -1;
  if (index === -1) catalogue.push(exam);
  else catalogue[index] = exam;
  return { definition: { ...definition, catalogue }, at: `definition.catalogue[${index === -1 ? catalogue.length - 1 : index}]` };
}

export function removeExam(definition: DefinitionFileJson, code: string): Edited {
  return {
    definition: { ...definition, catalogue: definition.catalogue.filter((exam) => exam.code !== code) },
    at: "definition.catalogue",
  };
}

export function putTier(definition: DefinitionFileJson, tierId: string, change: Pick<Tier, "slots" | "revenueThresholdUsd">): Edited {
  const index = definition.tiers.findIndex((tier) => tier.id === tierId);
  if (index === -1) return { definition, at: "definition.tiers" };
  const tiers = definition.tiers.map((tier, position) => (position === index ? { ...tier, ...change } : tier));
  return { definition: { ...definition, tiers }, at: `definition.tiers[${index}]` };
}

export function putGroup(definition: DefinitionFileJson, group: DefinitionFileJson["groups"][number]): Edited {
  const index = definition.groups.findIndex((candidate) => candidate.id === group.id);
  const groups =
    index === -1 ? [...definition.groups, group] : definition.groups.map((candidate, at) => (at === index ? group : candidate));
  return { definition: { ...definition, groups }, at: `definition.groups[${index === -1 ? groups.length - 1 : index}]` };
}

export function putRole(definition: DefinitionFileJson, role: DefinitionFileJson["roles"][number]): Edited {
  const index = definition.roles.findIndex((candidate) => candidate.id === role.id);
  const roles = index === -1 ? [...definition.roles, role] : definition.roles.map((candidate, at) => (at === index ? role : candidate));
  return { definition: { ...definition, roles }, at: `definition.roles[${index === -1 ? roles.length - 1 : index}]` };
}

export function putCounting(
  definition: DefinitionFileJson,
  counting: Pick<DefinitionFileJson, "revenueWindowYears" | "countingProducts">,
): Edited {
  return { definition: { ...definition, ...counting }, at: "definition" };
}
