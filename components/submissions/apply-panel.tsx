import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/form";
import type { SubmissionStatus } from "@/db/schema";
import { applyForTier } from "@/lib/actions/submissions";
import { formatDate } from "@/lib/i18n/format";
import { type ApplicationStanding, type Locale, inRenewalWindow, tierToApplyFor } from "@/lib/rules";
import { ActionForm } from "./action-form";

/**
 * The dashboard's application offer: the open application if there is one, else "Apply for
 * Gold/Silver" for the tier lib/rules says the organization may apply for today (the same
 * rule the server applies to the application).
 */
export async function ApplyPanel({
  standing,
  open,
}: {
  standing: Omit<ApplicationStanding, "applicationOpen">;
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
  const metTier = tierToApplyFor({ ...standing, applicationOpen: false });
  if (!metTier) return null;
  const tier = tierTitle(metTier, locale, metTier);
  // In the renewal window of the award in force, the application renews it from its anniversary.
  const { award } = standing;
  const renewal = award !== null && inRenewalWindow(award, standing.asOf);
  return (
    <div data-print="hide">
      <ActionForm action={applyForTier} hidden={{ tier: metTier }} className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("applying")}>{renewal ? t("renew", { tier }) : t("apply", { tier })}</SubmitButton>
        <p className="text-sm text-muted-foreground">
          {renewal && award
            ? t("renewHint", { tier, anniversaryOn: formatDate(award.anniversaryOn, locale, "long") })
            : t("applyHint", { tier })}
        </p>
      </ActionForm>
    </div>
  );
}
