import { Upload } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportLinks } from "@/components/export-links";
import { Button } from "@/components/ui/button";

/** A partner admin's import and export (CSV and Excel) buttons for one of the tables the CSV routes know. */
export async function CsvActions({ table }: { table: "people" | "exam-passes" | "revenue" }) {
  const t = await getTranslations("csv");
  return (
    <>
      <Button asChild variant="outline">
        <Link href={`/import/${table}`}>
          <Upload aria-hidden /> {t("import")}
        </Link>
      </Button>
      <ExportLinks table={table} />
    </>
  );
}
