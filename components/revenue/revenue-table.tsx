import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { LineStanding } from "@/lib/rules/revenue-standing";
import { productChoice } from "@/lib/schemas/revenue";

export interface RevenueRow {
  id: string;
  reference: string;
  customerName: string;
  product: string;
  amountCents: number;
  bookedOn: string;
  dporAssociated: boolean;
  standing: LineStanding | null;
  verificationStatus: string;
  /** The program's reason, when it rejected the line. */
  verificationReason: string | null;
}

const reviewVariant = { unverified: "secondary", verified: "success", rejected: "destructive" } as const;

/** Revenue lines with whether each counts today; admins follow a reference to edit the line. */
export async function RevenueTable({ rows, canEdit }: { rows: RevenueRow[]; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("revenue"), getLocale()]);
  // On a phone each line is a card of labelled lines (stacked-table): eight columns would leave
  // the amount and whether it counts off the screen.
  return (
    <Table className="stacked-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.bookedOn")}</TableHead>
          <TableHead>{t("columns.reference")}</TableHead>
          <TableHead>{t("columns.customer")}</TableHead>
          <TableHead>{t("columns.product")}</TableHead>
          <TableHead className="text-right">{t("columns.amount")}</TableHead>
          <TableHead>{t("columns.dpor")}</TableHead>
          <TableHead>{t("columns.counts")}</TableHead>
          <TableHead>{t("columns.review")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={8} className="text-center text-muted-foreground">
              {t("empty")}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((line) => (
            <TableRow key={line.id} data-testid="revenue-row">
              <TableCell data-label={t("columns.bookedOn")}>{formatDate(line.bookedOn, locale)}</TableCell>
              <TableCell className="font-mono" data-label={t("columns.reference")}>
                {canEdit ? (
                  <Link href={`/revenue/${line.id}`} className="hover:underline">
                    {line.reference}
                  </Link>
                ) : (
                  line.reference
                )}
              </TableCell>
              <TableCell className="max-w-64 whitespace-normal [overflow-wrap:anywhere]" data-label={t("columns.customer")}>
                {line.customerName}
              </TableCell>
              <TableCell className="whitespace-normal" data-label={t("columns.product")}>
                {t(`products.${productChoice(line.product)}`)}
              </TableCell>
              <TableCell className="tabular-nums md:text-right" data-label={t("columns.amount")}>
                {formatMoney(line.amountCents, locale)}
              </TableCell>
              <TableCell data-label={t("columns.dpor")}>{line.dporAssociated ? t("yes") : t("no")}</TableCell>
              <TableCell data-label={t("columns.counts")}>
                {line.standing && (
                  <Badge variant={line.standing.exclusion === null ? "success" : "secondary"}>
                    {t(`standing.${line.standing.exclusion ?? "counts"}`)}
                  </Badge>
                )}
              </TableCell>
              <TableCell className="whitespace-normal" data-label={t("columns.review")} data-verification={line.verificationStatus}>
                <div>
                  <Badge variant={reviewVariant[line.verificationStatus as keyof typeof reviewVariant] ?? "secondary"}>
                    {t(`verification.${line.verificationStatus as keyof typeof reviewVariant}`)}
                  </Badge>
                  {line.verificationReason && (
                    <span className="mt-1 block max-w-64 text-xs whitespace-normal text-muted-foreground">{line.verificationReason}</span>
                  )}
                </div>
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
