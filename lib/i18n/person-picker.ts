import "server-only";
import { getTranslations } from "next-intl/server";
import type { PersonComboboxLabels } from "@/components/person-combobox";
import { personChoicesShown, type PersonChoicePurpose } from "@/lib/data/people";

/** The person picker's words for `purpose`, in the reader's language. */
export async function personPickerLabels(purpose: PersonChoicePurpose): Promise<PersonComboboxLabels> {
  const t = await getTranslations("personPicker");
  return {
    placeholder: t("placeholder"),
    loading: t("loading"),
    noMatch: purpose === "invitation" ? t("noInvitable") : t("noMatch"),
    more: t("more", { count: personChoicesShown }),
    failed: t("failed"),
  };
}
