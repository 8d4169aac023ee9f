import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatList, formatMoney } from "@/lib/i18n/format";
import { markets, type Market } from "@/db/schema";
import { centsFromUsd, type DefinitionFileJson, type Locale } from "@/lib/rules";
import { productChoice } from "@/lib/schemas/revenue";

/** What a version requires: its exams with their dates, its roles and each tier's slots and thresholds. */
export async function DefinitionView({ definition, locale }: { definition: DefinitionFileJson; locale: Locale }) {
  const [t, tMarkets, tProducts] = await Promise.all([
    getTranslations("program"),
    getTranslations("review.markets"),
    getTranslations("revenue.products"),
  ]);
  const date = (value: string | null) => (value ? formatDate(value, locale) : "—");
  // A version may name a market or product the portal has no words for: its id is shown.
  const marketTitle = (market: string) => ((markets as readonly string[]).includes(market) ? tMarkets(market as Market) : market);
  const productTitle = (product: string) => {
    const choice = productChoice(product);
    return choice === "other" ? product : tProducts(choice);
  };
  const groupTitle = (id: string) => definition.groups.find((group) => group.id === id)?.title[locale] ?? id;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("definition.tiers")}</CardTitle>
        </CardHeader>
        <CardContent>
          {/* On a phone each tier, and below each exam, is a card of labelled lines (stacked-table). */}
          <Table className="stacked-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("definition.tier")}</TableHead>
                {definition.roles.map((role) => (
                  <TableHead key={role.id}>{role.title[locale]}</TableHead>
                ))}
                {definition.markets.map((market) => (
                  <TableHead key={market} className="md:text-right">
                    {t("definition.threshold", { market: marketTitle(market) })}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {definition.tiers.map((tier) => (
                <TableRow key={tier.id}>
                  <TableCell className="font-medium">{tier.title[locale]}</TableCell>
                  {definition.roles.map((role) => (
                    <TableCell key={role.id} data-label={role.title[locale]}>
                      {tier.slots[role.id] ?? 0}
                    </TableCell>
                  ))}
                  {definition.markets.map((market) => (
                    <TableCell
                      key={market}
                      className="tabular-nums md:text-right"
                      data-label={t("definition.threshold", { market: marketTitle(market) })}
                    >
                      {formatMoney(centsFromUsd(tier.revenueThresholdUsd[market] ?? 0), locale)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="mt-3 text-sm text-muted-foreground">
            {t("definition.counting", {
              years: definition.revenueWindowYears,
              products: formatList(definition.countingProducts.map(productTitle), locale),
            })}
          </p>
          <ul className="mt-2 text-sm text-muted-foreground">
            {definition.roles.map((role) => (
              <li key={role.id}>{t("definition.role", { role: role.title[locale], groups: role.groups.map(groupTitle).join(" + ") })}</li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("definition.catalogue", { count: definition.catalogue.length })}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table className="stacked-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("definition.code")}</TableHead>
                <TableHead>{t("definition.group")}</TableHead>
                <TableHead>{t("definition.examTitle")}</TableHead>
                <TableHead>{t("definition.availableFrom")}</TableHead>
                <TableHead>{t("definition.retiredOn")}</TableHead>
                <TableHead>{t("definition.acceptedUntil")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {definition.catalogue.map((exam) => (
                <TableRow key={exam.code} data-testid="catalogue-row">
                  <TableCell className="font-mono">{exam.code}</TableCell>
                  <TableCell data-label={t("definition.group")}>{groupTitle(exam.group)}</TableCell>
                  <TableCell className="whitespace-normal" data-label={t("definition.examTitle")}>
                    {exam.title[locale]}
                  </TableCell>
                  <TableCell data-label={t("definition.availableFrom")}>{date(exam.availableFrom)}</TableCell>
                  <TableCell data-label={t("definition.retiredOn")}>{date(exam.retiredOn)}</TableCell>
                  <TableCell data-label={t("definition.acceptedUntil")}>{date(exam.acceptedUntil)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
