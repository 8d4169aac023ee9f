import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { examTitle } from "@/components/competency/definition-text";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { VerificationStatus } from "@/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { DeleteExamPassButton } from "./delete-exam-pass-button";

export interface ExamPassRow {
  id: string;
  version: number;
  personId: string;
  personName?: string;
  examCode: string;
  passedOn: string;
  certificationRef: string | null;
  verificationStatus: string;
  /** The program's reason, when it rejected the pass. */
  verificationReason?: string | null;
}

const statusVariant: Record<VerificationStatus, "secondary" | "success" | "destructive"> = {
  unverified: "secondary",
  verified: "success",
  rejected: "destructive",
};

/** Exam passes; `canDelete` says, per person, whether the viewer may remove their passes. */
export async function ExamPassTable({
  passes,
  canDelete,
  emptyLabel,
}: {
  passes: ExamPassRow[];
  canDelete: (personId: string) => boolean;
  emptyLabel: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("exams"), getLocale()]);
  const showPerson = passes.some((pass) => pass.personName !== undefined);
  if (passes.length === 0) return <p className="text-sm text-muted-foreground">{emptyLabel}</p>;

  return (
    <Table>
      <TableHeader>
        <TableRow>
          {showPerson && <TableHead>{t("columns.person")}</TableHead>}
          <TableHead>{t("columns.exam")}</TableHead>
          <TableHead>{t("columns.passedOn")}</TableHead>
          <TableHead>{t("columns.reference")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
          <TableHead className="w-12" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {passes.map((pass) => (
          <TableRow key={pass.id} data-testid="exam-pass-row">
            {showPerson && (
              <TableCell>
                <Link href={`/people/${pass.personId}`} className="hover:underline">
                  {pass.personName}
                </Link>
              </TableCell>
            )}
            <TableCell className="whitespace-normal">
              <span className="font-mono">{pass.examCode}</span>{" "}
              <span className="text-muted-foreground">{examTitle(pass.examCode, locale)}</span>
            </TableCell>
            <TableCell>{formatDate(pass.passedOn, locale)}</TableCell>
            <TableCell>{pass.certificationRef ?? "—"}</TableCell>
            <TableCell>
              <Badge variant={statusVariant[pass.verificationStatus as VerificationStatus] ?? "secondary"}>
                {t(`verification.${pass.verificationStatus as VerificationStatus}`)}
              </Badge>
              {pass.verificationReason && (
                <span className="mt-1 block text-xs whitespace-normal text-muted-foreground">{pass.verificationReason}</span>
              )}
            </TableCell>
            <TableCell>
              {canDelete(pass.personId) && (
                <DeleteExamPassButton
                  pass={{ id: pass.id, version: pass.version }}
                  labels={{
                    delete: t("delete"),
                    pending: t("deleting"),
                    confirm: t("confirmDelete", { code: pass.examCode }),
                    deleteAnyway: t("deleteAnyway"),
                  }}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
