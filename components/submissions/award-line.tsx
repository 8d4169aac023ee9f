import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { TierBadge } from "@/components/competency/tier-badge";
import { formatDate } from "@/lib/i18n/format";
import { addDays, type Locale } from "@/lib/rules";

/** "Gold partner since …, renews on …": the tier a reviewer awarded, not the one computed today. */
export async function AwardLine({ award }: { award: { tier: string; awardedOn: string; anniversaryOn: string } }) {
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  const tier = tierTitle(award.tier, locale, award.tier);
  return (
    <p className="flex items-center gap-2 text-sm font-medium" data-testid="award-line">
      <TierBadge tier={award.tier} label={tier} />
      {t("award", {
        tier,
        awardedOn: formatDate(award.awardedOn, locale, "long"),
        anniversaryOn: formatDate(award.anniversaryOn, locale, "long"),
      })}
    </p>
  );
}

/** "Your Gold award lapsed on …": the anniversary passed without a renewal. */
export async function LapsedAwardLine({ award }: { award: { tier: string; anniversaryOn: string } }) {
  const [t, locale] = await Promise.all([getTranslations("alerts"), getLocale() as Promise<Locale>]);
  return (
    <p className="text-sm font-medium text-destructive" data-testid="award-lapsed">
      {t("sentences.award-lapsed", {
        tier: tierTitle(award.tier, locale, award.tier),
        date: formatDate(addDays(award.anniversaryOn, 1), locale, "long"),
      })}
    </p>
  );
}
