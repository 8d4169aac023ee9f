import { cloudCrm, type Evaluation } from "@/lib/rules";
import { escapeTextCell } from "./cells";
import type { Cells } from "./table";

export const gapColumns = ["name", "mcid", "role", "qualifies", "missing_exams"] as const;

/**
 * The per-person gap list as CSV rows: one row per current person and role, with the exams
 * still missing written as the exams page writes them, any one code of a group, groups
 * joined by "+": `MB2-710 / MB2-706 + MB2-712 / MB2-707`; a group no exam can fill any more is
 * `none-left`.
 */
export function gapRows(evaluation: Evaluation, people: ReadonlyMap<string, { name: string; mcid: string | null }>): Cells[] {
  return evaluation.people
    .filter((status) => status.counts)
    .flatMap((status) => {
      const person = people.get(status.id);
      return cloudCrm.roles.map((role) => ({
        name: escapeTextCell(person?.name ?? status.id),
        mcid: person?.mcid ?? "",
        role: role.id,
        qualifies: String(status.qualifiesFor.includes(role.id)),
        missing_exams: (status.missing[role.id] ?? []).map((codes) => (codes.length > 0 ? codes.join(" / ") : "none-left")).join(" + "),
      }));
    });
}
