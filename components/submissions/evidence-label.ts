import type { SubmissionSnapshot } from "@/lib/data/snapshot-types";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

/** A snapshot record as a person recognises it: "MB2-717 · Alice Martin · 12 Jan 2026". */
export function evidenceLabel(snapshot: SubmissionSnapshot, kind: string, id: string, locale: Locale): string {
  if (kind === "exam_pass") {
    const pass = snapshot.examPasses.find((candidate) => candidate.id === id);
    if (!pass) return id;
    const person = snapshot.people.find((candidate) => candidate.id === pass.personId);
    return `${pass.code} · ${person?.name ?? pass.personId} · ${formatDate(pass.passedOn, locale)}`;
  }
  const line = snapshot.revenueLines.find((candidate) => candidate.id === id);
  return line ? `${line.reference} · ${line.customer} · ${formatMoney(line.amountCents, locale)}` : id;
}
