import { minimumCostAssignment } from "./assignment";
import type { IndexedTier, Program } from "./program";

export interface PlanStep {
  /** The person's index in the input, or null for somebody the partner does not have yet. */
  readonly person: number | null;
  readonly role: number;
  /** Bit set of the groups this person still has to pass for the role. */
  readonly missingGroups: number;
}

export interface ExamPlan {
  readonly exams: number;
  /** Existing people in input order, then new hires; nobody who needs no exam. */
  readonly steps: readonly PlanStep[];
}

/**
 * The fewest exam passes that fill every slot of `tier`: an exact minimum-cost assignment of
 * slots to the partner's people and to new hires (one per slot is always enough), where a
 * person costs, for a role, the number of its groups they do not hold yet.
 *
 * Ties go to existing people before new hires, then to input order: each candidate's rank is
 * added to the cost at a scale too small to outweigh one exam.
 *
 * @param people indexes of the people who count, in input order
 * @param held the bit set of groups each person holds, by person index
 * @param blockedGroups groups with no exam left to pass: nobody can acquire them any more
 * @returns null when some slot cannot be filled whatever anyone passes
 */
export function minimumExamPlan(
  program: Program,
  tier: IndexedTier,
  people: readonly number[],
  held: ArrayLike<number>,
  blockedGroups: number,
): ExamPlan | null {
  const slots = tier.totalSlots;
  const workers = interchangeableAtMost(program, people, held, slots);
  const hires = new Array<null>(slots).fill(null);
  const candidates = [...workers, ...hires];
  const groupsHeld = (candidate: number | null) => (candidate === null ? 0 : held[candidate]);

  const scale = slots * candidates.length + 1;
  const mostGroups = Math.max(0, ...program.roleGroups.map(bitCount));
  const impossible = (slots * mostGroups + 1) * scale;
  const slotRoles = tier.needed.flatMap((count, role) => new Array<number>(count).fill(role));
  const cost = slotRoles.map((role) =>
    candidates.map((candidate, rank) => {
      const missing = program.roleGroups[role] & ~groupsHeld(candidate);
      return (missing & blockedGroups) !== 0 ? impossible : bitCount(missing) * scale + rank;
    }),
  );

  const chosen = minimumCostAssignment(cost);
  if (chosen.some((column, slot) => cost[slot][column] >= impossible)) return null;
  const steps = chosen
    .map((column, slot) => ({ column, role: slotRoles[slot] }))
    .sort((a, b) => a.column - b.column)
    .map(({ column, role }) => ({
      person: candidates[column],
      role,
      missingGroups: program.roleGroups[role] & ~groupsHeld(candidates[column]),
    }))
    .filter((step) => step.missingGroups !== 0);
  return { exams: steps.reduce((sum, step) => sum + bitCount(step.missingGroups), 0), steps };
}

/**
 * People who hold the same groups are interchangeable, and a plan uses at most `slots` of them:
 * keeping the first `slots` of each kind (in input order, which the tie-break prefers) keeps
 * the assignment exact and its size independent of the number of people.
 */
function interchangeableAtMost(program: Program, people: readonly number[], held: ArrayLike<number>, slots: number): number[] {
  const relevantGroups = program.roleGroups.reduce((mask, groups) => mask | groups, 0);
  const kept = new Map<number, number>();
  const workers: number[] = [];
  for (const person of people) {
    const kind = held[person] & relevantGroups;
    const count = kept.get(kind) ?? 0;
    if (count < slots) {
      kept.set(kind, count + 1);
      workers.push(person);
    }
  }
  return workers;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}
