import type { PersonStatus } from "./evaluate";

/**
 * A person one exam away from a slot: for some role they do not hold yet, a single group is
 * missing and it still has an exam that can be passed.
 */
export function isOneExamAway(person: PersonStatus): boolean {
  return person.counts && Object.values(person.missing).some((groups) => groups.length === 1 && groups[0].length > 0);
}
