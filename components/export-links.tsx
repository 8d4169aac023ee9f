import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** Downloads of one of the export routes' tables, as CSV and as an Excel workbook with typed cells. */
export async function ExportLinks({ table, asOf }: { table: "people" | "exam-passes" | "revenue" | "gaps"; asOf?: string }) {
  const t = await getTranslations("exports");
  const href = (format: "csv" | "xlsx") => `/api/export/${table}?${new URLSearchParams({ ...(asOf && { asOf }), format })}`;
  return (
    <>
      <Button asChild variant="outline">
        <a href={href("csv")} download>
          <Download aria-hidden /> {t("download")}
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href={href("xlsx")} download>
          <Download aria-hidden /> {t("downloadExcel")}
        </a>
      </Button>
    </>
  );
}
