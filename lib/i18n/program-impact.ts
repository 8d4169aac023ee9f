import type { DifferenceCause, Locale } from "@/lib/rules";
import { formatList } from "./format";

interface Translate {
  (key: string, values?: Record<string, string | number>): string;
}

/**
 * Why the draft gives another tier, in words: "MB2-712 no longer counts: Chloé Dubois no
 * longer holds Customization".
 */
export function describeDifferenceCause(
  cause: DifferenceCause,
  names: Record<string, string>,
  roleTitles: Record<string, string>,
  t: Translate,
  locale: Locale,
): string {
  const name = (id: string) => names[id] ?? id;
  const parts: string[] = [];
  if (cause.examsNoLongerCounting.length > 0)
    parts.push(t("impact.cause.noLongerCounts", { codes: formatList(cause.examsNoLongerCounting, locale) }));
  if (cause.examsNowCounting.length > 0) parts.push(t("impact.cause.nowCounts", { codes: formatList(cause.examsNowCounting, locale) }));
  for (const { personId, role } of cause.rolesLost)
    parts.push(t("impact.cause.roleLost", { name: name(personId), role: roleTitles[role] ?? role }));
  for (const { personId, role } of cause.rolesGained)
    parts.push(t("impact.cause.roleGained", { name: name(personId), role: roleTitles[role] ?? role }));
  if (cause.requirementsChanged.length > 0)
    parts.push(t("impact.cause.requirements", { tiers: formatList(cause.requirementsChanged, locale) }));
  return parts.length > 0 ? parts.join(" · ") : t("impact.cause.other");
}
