import "server-only";
import { tierTitle } from "@/components/competency/definition-text";
import type { Translate } from "@/lib/actions/action";
import { today } from "@/lib/clock";
import type { TierDrop } from "@/lib/data/impact";
import { NO_TIER } from "@/lib/rules";
import { formatDate } from "./format";
import type { Locale } from "./locales";

/**
 * "Contoso Ltd drops from Gold to Silver on Dec 1, 2026 if …", under the message `key`: "loses
 * Silver" when no tier is left, "today" when the change takes effect at once (a departure dated
 * in the past, a record deleted).
 */
export function tierDropQuestion(drop: TierDrop, key: string, t: Translate, locale: Locale): string {
  const title = (tier: string) => tierTitle(tier, locale, t("dashboard.tier.none"));
  return t(key, {
    organization: drop.organizationName,
    before: title(drop.before),
    after: title(drop.after),
    afterKind: drop.after === NO_TIER ? "none" : "tier",
    when: drop.on === today() ? "today" : "later",
    date: formatDate(drop.on, locale),
  });
}
