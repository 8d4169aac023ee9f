import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { writeAmount } from "@/lib/i18n/parse-money";
import { revenueProducts, type RevenueProduct } from "@/lib/schemas/revenue";
import type { RevenueFormLabels } from "./revenue-form";

/** The revenue form's words in the reader's language, and the language its amounts are typed in. */
export async function revenueFormText(submit: "create" | "save"): Promise<{ labels: RevenueFormLabels; amountFormat: Locale }> {
  const [t, locale] = await Promise.all([getTranslations("revenue"), getLocale()]);
  return {
    amountFormat: locale,
    labels: {
      reference: t("fields.reference"),
      referenceHint: t("fields.referenceHint"),
      customer: t("fields.customer"),
      product: t("fields.product"),
      products: Object.fromEntries(revenueProducts.map((product) => [product, t(`products.${product}`)])) as Record<RevenueProduct, string>,
      amount: t("fields.amount"),
      amountHint: t("fields.amountHint", { example: writeAmount(123_456, locale), credit: writeAmount(-50_000, locale) }),
      bookedOn: t("fields.bookedOn"),
      dpor: t("fields.dpor"),
      submit: t(submit === "create" ? "create" : "save"),
      pending: t(submit === "create" ? "creating" : "saving"),
    },
  };
}
