import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { listSubmissions } from "@/lib/data/submissions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("title") };
}

/** The organization's applications, newest first; everyone of the organization may read them. */
export default async function SubmissionsPage() {
  const user = await requirePartnerUser();
  const { db } = await appConnection();
  const [rows, t, locale] = await Promise.all([
    listSubmissions(db, user.organizationId),
    getTranslations("submissions"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("description")}</p>
      </div>
      <Card>
        <CardContent>
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t(user.role === "partner_admin" ? "empty" : "emptyForEmployee")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("tier")}</TableHead>
                  <TableHead>{t("statusLabel")}</TableHead>
                  <TableHead>{t("submittedOn")}</TableHead>
                  <TableHead>{t("decidedOn")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} data-testid="submission-row">
                    <TableCell>
                      <Link className="font-medium underline-offset-4 hover:underline" href={`/submissions/${row.id}`}>
                        {t("detailTitle", { tier: tierTitle(row.tier, locale, row.tier) })}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={row.status} />
                    </TableCell>
                    <TableCell>{formatDate(row.submittedAt.toISOString().slice(0, 10), locale)}</TableCell>
                    <TableCell>{row.decidedAt ? formatDate(row.decidedAt.toISOString().slice(0, 10), locale) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
