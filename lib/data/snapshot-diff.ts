import type { SubmissionSnapshot } from "./snapshot-types";

export type EvidenceChange = "added" | "removed" | "changed";

export interface SnapshotChange {
  kind: "person" | "exam_pass" | "revenue_line";
  id: string;
  change: EvidenceChange;
  /** Who or what, in the partner's words: a name, "MB2-717 (Alice Martin)", a reference. */
  label: string;
  /** The fields that differ, for "changed". */
  fields: string[];
}

/** The fields whose change matters to a reviewer; versions move with verification too. */
const compared = {
  person: ["name", "leftOn"],
  exam_pass: ["personId", "code", "passedOn", "certificationRef", "transcriptId", "transcriptCode"],
  revenue_line: ["reference", "customer", "product", "amountCents", "bookedOn", "dporAssociated"],
} as const;

function diffList<T extends { id: string }>(
  kind: SnapshotChange["kind"],
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  label: (item: T) => string,
): SnapshotChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const changes: SnapshotChange[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    old.delete(item.id);
    if (!previous) changes.push({ kind, id: item.id, change: "added", label: label(item), fields: [] });
    else {
      // A field an older snapshot did not record is the same as an empty one.
      const differing = fields.filter((field) => (previous[field] ?? null) !== (item[field] ?? null));
      if (differing.length > 0) changes.push({ kind, id: item.id, change: "changed", label: label(item), fields: differing });
    }
  }
  for (const item of old.values()) changes.push({ kind, id: item.id, change: "removed", label: label(item), fields: [] });
  return changes;
}

/** What a resubmission changed in the evidence since the submission it answers. */
export function diffSnapshots(before: SubmissionSnapshot, after: SubmissionSnapshot): SnapshotChange[] {
  const names = new Map([...before.people, ...after.people].map((person) => [person.id, person.name]));
  return [
    ...diffList("person", before.people, after.people, compared.person, (person) => person.name),
    ...diffList(
      "exam_pass",
      before.examPasses,
      after.examPasses,
      compared.exam_pass,
      (pass) => `${pass.code} (${names.get(pass.personId) ?? "?"})`,
    ),
    ...diffList(
      "revenue_line",
      before.revenueLines,
      after.revenueLines,
      compared.revenue_line,
      (line) => `${line.reference} · ${line.customer}`,
    ),
  ];
}
