import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PartnerOrganizationSummary } from "@/lib/data/organizations";

/** Every partner organization with the size of its records, read-only, under the queue. */
export async function PartnerDirectory({ organizations }: { organizations: PartnerOrganizationSummary[] }) {
  const t = await getTranslations("review");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-xl">{t("partners.title")}</h2>
        </CardTitle>
        <CardDescription>{t("partners.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {organizations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("partners.none")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("organization")}</TableHead>
                <TableHead>{t("mpnId")}</TableHead>
                <TableHead>{t("market")}</TableHead>
                <TableHead className="text-right">{t("partners.people")}</TableHead>
                <TableHead className="text-right">{t("revenueLines")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {organizations.map((organization) => (
                <TableRow key={organization.id}>
                  <TableCell className="font-medium">{organization.name}</TableCell>
                  <TableCell>{organization.mpnId}</TableCell>
                  <TableCell>{t(`markets.${organization.market}`)}</TableCell>
                  <TableCell className="text-right tabular-nums">{organization.peopleCount}</TableCell>
                  <TableCell className="text-right tabular-nums">{organization.revenueLineCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
