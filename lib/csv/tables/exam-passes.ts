import type { ExamPass } from "@/db/schema";
import type { examPassInputFor, ExamPassInput } from "@/lib/schemas/exams";
import { escapeTextCell } from "../cells";
import { messageProblem } from "../problems";
import { changedColumns, rowFrom, type CsvTable } from "../table";

export type StoredExamPass = Pick<ExamPass, "id" | "version" | "personId" | "examCode" | "passedOn" | "certificationRef"> & {
  mcid: string | null;
};
/** A file's pass: the file has no transcript columns, so an import leaves a pass's transcript as it is. */
export type ExamPassRow = Omit<ExamPassInput, "transcriptId" | "transcriptCode"> & { mcid: string };

/** The organization's people by MCID: a file names people by MCID, the database by id. */
export interface ExamPassContext {
  personIdByMcid: ReadonlyMap<string, string>;
  /** The exam pass schema of the program as published: its catalogue decides which codes exist. */
  examPassInput: ReturnType<typeof examPassInputFor>;
}

const columns = ["mcid", "exam_code", "passed_on", "certification_ref"] as const;

const columnOf = { personId: "mcid", code: "exam_code", passedOn: "passed_on", certificationRef: "certification_ref" } as const;

// Stands in for the person while an unknown MCID's row is checked, so every problem of the row is reported at once.
const nobody = "00000000-0000-4000-8000-000000000000";

/** Exam passes, by person (MCID), exam and date: `mcid,exam_code,passed_on,certification_ref`. */
export const examPassesTable: CsvTable<ExamPassRow, StoredExamPass, ExamPassContext> = {
  name: "exam-passes",
  columns,
  keyColumn: "exam_code",
  parse(cells, line, { personIdByMcid, examPassInput }) {
    const mcid = cells.mcid ?? "";
    const personId = personIdByMcid.get(mcid);
    const parsed = rowFrom(
      examPassInput.safeParse({
        personId: personId ?? nobody,
        code: cells.exam_code,
        passedOn: cells.passed_on,
        certificationRef: cells.certification_ref,
      }),
      line,
      columnOf,
    );
    if (personId === undefined) {
      const unknown = mcid
        ? messageProblem(line, "mcid", "imports.errors.unknownMcid", { mcid })
        : messageProblem(line, "mcid", "imports.errors.mcidRequired");
      return { ok: false, problems: [unknown, ...(parsed.ok ? [] : parsed.problems)] };
    }
    if (!parsed.ok) return parsed;
    const { personId: id, code, passedOn, certificationRef } = parsed.row;
    return { ok: true, row: { personId: id, code, passedOn, certificationRef, mcid } };
  },
  key: (row) => `${row.personId}|${row.code}|${row.passedOn}`,
  storedKey: (stored) => `${stored.personId}|${stored.examCode}|${stored.passedOn}`,
  differences: (row, stored) => changedColumns({ certification_ref: [row.certificationRef, stored.certificationRef] }),
  write: (stored) => ({
    mcid: stored.mcid ?? "",
    exam_code: stored.examCode,
    passed_on: stored.passedOn,
    certification_ref: escapeTextCell(stored.certificationRef ?? ""),
  }),
};
