import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/form";
import type { SubmissionStatus } from "@/db/schema";
import { applyForTier } from "@/lib/actions/submissions";
import { type Locale, tierRank } from "@/lib/rules";
import { ActionForm } from "./action-form";

/**
 * The dashboard's application offer: the open application if there is one, else "Apply for
 * Gold/Silver" when lib/rules says the tier is met today (the highest such tier) and no award
 * in force already grants it.
 */
export async function ApplyPanel({
  metTier,
  awardedTier,
  open,
}: {
  metTier: string | null;
  awardedTier: string | null;
  open: { id: string; tier: string; status: SubmissionStatus } | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  if (open) {
    return (
      <Alert data-print="hide" data-testid="open-submission">
        <AlertDescription className="flex flex-wrap items-center gap-2">
          {t("open", { tier: tierTitle(open.tier, locale, open.tier), status: open.status })}
          <Link className="font-medium underline underline-offset-4" href={`/submissions/${open.id}`}>
            {t("see")}
          </Link>
        </AlertDescription>
      </Alert>
    );
  }
  if (!metTier || (awardedTier && tierRank(awardedTier) >= tierRank(metTier))) return null;
  const tier = tierTitle(metTier, locale, metTier);
  return (
    <div data-print="hide">
      <ActionForm action={applyForTier} hidden={{ tier: metTier }} className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("applying")}>{t("apply", { tier })}</SubmitButton>
        <p className="text-sm text-muted-foreground">{t("applyHint", { tier })}</p>
      </ActionForm>
    </div>
  );
}
