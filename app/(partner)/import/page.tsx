import { Upload } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportLinks } from "@/components/export-links";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePartnerUser } from "@/lib/auth/session";
import { importTables } from "@/lib/csv/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** Partner admins import and export their organization's tables as CSV files. */
export default async function ImportPage() {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const [t, tExports] = await Promise.all([getTranslations("imports"), getTranslations("exports")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("description")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {importTables.map((table) => (
          <Card key={table}>
            <CardHeader>
              <CardTitle>{t(`tables.${table}.title`)}</CardTitle>
              <CardDescription>{t(`tables.${table}.description`)}</CardDescription>
            </CardHeader>
            <CardFooter className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href={`/import/${table}`}>
                  <Upload aria-hidden /> {t("importTable")}
                </Link>
              </Button>
              <ExportLinks table={table} />
            </CardFooter>
          </Card>
        ))}
        <Card>
          <CardHeader>
            <CardTitle>{tExports("gaps.title")}</CardTitle>
            <CardDescription>{tExports("gaps.description")}</CardDescription>
          </CardHeader>
          <CardFooter>
            <ExportLinks table="gaps" />
          </CardFooter>
        </Card>
      </div>
    </div>
  );
}
