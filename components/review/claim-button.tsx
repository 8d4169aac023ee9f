import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/submissions/action-form";
import { SubmitButton } from "@/components/ui/form";
import { claimSubmission } from "@/lib/actions/review";

export async function ClaimButton({ id }: { id: string }) {
  const t = await getTranslations("review");
  return (
    <ActionForm action={claimSubmission} hidden={{ id }}>
      <SubmitButton size="sm" pendingLabel={t("claiming")}>
        {t("claim")}
      </SubmitButton>
    </ActionForm>
  );
}
