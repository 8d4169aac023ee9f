import "server-only";
import type { Messages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ExamChoice, RecordExamPassLabels } from "@/components/exams/record-exam-pass-form";
import type { PersonComboboxLabels } from "@/components/person-combobox";
import { cloudCrm } from "@/lib/rules";
import { personPickerLabels } from "./person-picker";

/** The exam form's words, its person picker's, and the catalogue's exams, titled in the reader's language. */
export async function examFormText(): Promise<{ labels: RecordExamPassLabels; exams: ExamChoice[]; picker: PersonComboboxLabels }> {
  const [t, locale, picker] = await Promise.all([getTranslations("exams"), getLocale(), personPickerLabels("exam-pass")]);
  return {
    picker,
    labels: {
      title: t("record.title"),
      person: t("record.person"),
      exam: t("record.exam"),
      examPlaceholder: t("record.examPlaceholder"),
      passedOn: t("record.passedOn"),
      certificationRef: t("record.certificationRef"),
      certificationRefHint: t("record.certificationRefHint"),
      transcriptId: t("record.transcriptId"),
      transcriptIdHint: t("record.transcriptIdHint"),
      transcriptCode: t("record.transcriptCode"),
      transcriptCodeHint: t("record.transcriptCodeHint"),
      submit: t("record.submit"),
      pending: t("record.pending"),
    },
    exams: cloudCrm.groups.map((group) => ({
      group: t(`groups.${group.id as keyof Messages["exams"]["groups"]}`),
      exams: cloudCrm.catalogue.filter((exam) => exam.group === group.id).map((exam) => ({ code: exam.code, title: exam.title[locale] })),
    })),
  };
}
