import "server-only";
import { tierTitle } from "@/components/competency/definition-text";
import type { Translate } from "@/lib/actions/action";
import type { TierDrop } from "@/lib/data/impact";
import { formatDate } from "./format";
import type { Locale } from "./locales";

/** "Contoso Ltd drops from Gold to Silver on Dec 1, 2026 if …", under the message `key`. */
export function tierDropQuestion(drop: TierDrop, key: string, t: Translate, locale: Locale): string {
  const title = (tier: string) => tierTitle(tier, locale, t("dashboard.tier.none"));
  return t(key, {
    organization: drop.organizationName,
    before: title(drop.before),
    after: title(drop.after),
    date: formatDate(drop.on, locale),
  });
}
