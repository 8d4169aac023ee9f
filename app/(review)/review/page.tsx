import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { requireReviewer } from "@/lib/auth/session";
import { listPartnerOrganizations } from "@/lib/data/organizations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/** The reviewer's landing page: every partner organization, read-only. */
export default async function ReviewPage() {
  const reviewer = await requireReviewer();
  const { db } = await appConnection();
  const organizations = await listPartnerOrganizations(db, reviewer);
  const t = await getTranslations("review");

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("title")}</h1>
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {organizations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("organization")}</TableHead>
                <TableHead>{t("mpnId")}</TableHead>
                <TableHead>{t("market")}</TableHead>
                <TableHead className="text-right">{t("people")}</TableHead>
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
