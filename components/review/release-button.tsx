import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/submissions/action-form";
import { SubmitButton } from "@/components/ui/form";
import { releaseSubmission } from "@/lib/actions/review";

/** The claiming reviewer gives the case back to the queue. */
export async function ReleaseButton({ id }: { id: string }) {
  const t = await getTranslations("review");
  return (
    <ActionForm action={releaseSubmission} hidden={{ id }}>
      <SubmitButton size="sm" variant="outline" pendingLabel={t("releasing")}>
        {t("release")}
      </SubmitButton>
    </ActionForm>
  );
}
