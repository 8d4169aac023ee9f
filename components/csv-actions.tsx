import { Download, Upload } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A partner admin's import and export buttons for one of the tables the CSV routes know. */
export async function CsvActions({ table }: { table: "people" | "exam-passes" | "revenue" }) {
  const t = await getTranslations("csv");
  return (
    <>
      <Button asChild variant="outline">
        <Link href={`/import/${table}`}>
          <Upload aria-hidden /> {t("import")}
        </Link>
      </Button>
      <Button asChild variant="outline">
        <a href={`/api/export/${table}`} download>
          <Download aria-hidden /> {t("export")}
        </a>
      </Button>
    </>
  );
}
