import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { z } from "zod";
import { DeleteRevenueLineButton } from "@/components/revenue/delete-revenue-line-button";
import { revenueFormText } from "@/components/revenue/form-text";
import { EditRevenueLineForm } from "@/components/revenue/revenue-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { getRevenueLine } from "@/lib/data/revenue";
import { writeAmount } from "@/lib/i18n/parse-money";
import { productChoice } from "@/lib/schemas/revenue";

async function loadLine(organizationId: string, rawId: string) {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const { db } = await appConnection();
  try {
    return await getRevenueLine(db, organizationId, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** A partner admin edits or deletes one line; to employees the page does not exist. */
export default async function RevenueLinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const line = await loadLine(user.organizationId, (await params).id);
  const [t, locale, form] = await Promise.all([getTranslations("revenue"), getLocale(), revenueFormText("save")]);

  return (
    <div className="space-y-6">
      <Link href="/revenue" className="text-sm text-muted-foreground hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-3xl font-semibold tracking-tight">{t("editTitle", { reference: line.reference })}</h1>
      <Card>
        <CardContent>
          <EditRevenueLineForm
            line={{
              id: line.id,
              version: line.version,
              reference: line.reference,
              customerName: line.customerName,
              product: productChoice(line.product),
              amount: writeAmount(line.amountCents, locale),
              bookedOn: line.bookedOn,
              dporAssociated: line.dporAssociated,
            }}
            {...form}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("deleteTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <DeleteRevenueLineButton
            line={{ id: line.id, version: line.version }}
            labels={{
              delete: t("delete"),
              pending: t("deleting"),
              confirm: t("confirmDelete", { reference: line.reference }),
              deleteAnyway: t("deleteAnyway"),
              cancel: t("keep"),
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
