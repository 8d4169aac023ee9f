import type { Person } from "@/db/schema";
import { personInput, type PersonInput } from "@/lib/schemas/people";
import { escapeTextCell } from "../cells";
import { messageProblem } from "../problems";
import { changedColumns, rowFrom, type CsvTable } from "../table";

export type StoredPerson = Pick<Person, "id" | "version" | "name" | "email" | "mcid" | "leftOn">;
/** A person as imported: matched on their MCID, so it cannot be left out. */
export type PersonRow = PersonInput & { mcid: string };

const columns = ["name", "email", "mcid", "left_on"] as const;

const columnOf = { name: "name", email: "email", mcid: "mcid", leftOn: "left_on" } as const;

/** People, by MCID: `name,email,mcid,left_on`. */
export const peopleTable: CsvTable<PersonRow, StoredPerson, null> = {
  name: "people",
  columns,
  keyColumn: "mcid",
  parse(cells, line) {
    const parsed = rowFrom(
      personInput.safeParse({ name: cells.name, email: cells.email, mcid: cells.mcid, leftOn: cells.left_on }),
      line,
      columnOf,
    );
    if (!parsed.ok) return parsed;
    const { mcid } = parsed.row;
    if (mcid === null) return { ok: false, problems: [messageProblem(line, "mcid", "imports.errors.mcidRequired")] };
    return { ok: true, row: { ...parsed.row, mcid } };
  },
  key: (row) => row.mcid,
  storedKey: (stored) => stored.mcid,
  differences: (row, stored) =>
    changedColumns({ name: [row.name, stored.name], email: [row.email, stored.email], left_on: [row.leftOn, stored.leftOn] }),
  write: (stored) => ({
    name: escapeTextCell(stored.name),
    email: escapeTextCell(stored.email ?? ""),
    mcid: stored.mcid ?? "",
    left_on: stored.leftOn ?? "",
  }),
};
