import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimumCostAssignment } from "@/lib/rules/assignment";
import { fillSlots } from "@/lib/rules/matching";

const runs = process.env.CI ? 1000 : 200;

/** The largest number of slots distinct candidates can fill, by trying everything. */
function bruteForceFilled(roles: number[], needed: number[]): number {
  const left = [...needed];
  const best = (candidate: number): number => {
    if (candidate === roles.length) return 0;
    let most = best(candidate + 1);
    left.forEach((open, role) => {
      if (open === 0 || (roles[candidate] & (1 << role)) === 0) return;
      left[role]--;
      most = Math.max(most, 1 + best(candidate + 1));
      left[role]++;
    });
    return most;
  };
  return best(0);
}

function bruteForceCost(cost: number[][]): number {
  const columns = cost[0]?.length ?? 0;
  const best = (row: number, used: Set<number>): number => {
    if (row === cost.length) return 0;
    let least = Infinity;
    for (let column = 0; column < columns; column++) {
      if (used.has(column)) continue;
      used.add(column);
      least = Math.min(least, cost[row][column] + best(row + 1, used));
      used.delete(column);
    }
    return least;
  };
  return best(0, new Set());
}

describe("filling slots", () => {
  it("moves a candidate to another slot rather than leave one empty", () => {
    // Candidate 0 fits both roles, candidate 1 only role 0: a greedy pass gives role 0 to 0.
    expect(fillSlots([0b11, 0b01], [1, 1])).toEqual([[1], [0]]);
  });

  it("fills as many slots as any assignment could, with distinct qualified candidates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        (roles, needed) => {
          const filled = fillSlots(roles, needed);
          const everybody = filled.flat();
          expect(new Set(everybody).size).toBe(everybody.length);
          filled.forEach((members, role) => {
            expect(members.length).toBeLessThanOrEqual(needed[role]);
            for (const candidate of members) expect(roles[candidate] & (1 << role)).not.toBe(0);
          });
          expect(everybody.length).toBe(bruteForceFilled(roles, needed));
        },
      ),
      { numRuns: runs },
    );
  });
});

describe("the minimum-cost assignment", () => {
  it("finds the least total, each row in its own column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((rows) =>
          fc.integer({ min: rows, max: 6 }).chain((columns) =>
            fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: columns, maxLength: columns }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        (cost) => {
          const chosen = minimumCostAssignment(cost);
          expect(new Set(chosen).size).toBe(chosen.length);
          expect(chosen.reduce((sum, column, row) => sum + cost[row][column], 0)).toBe(bruteForceCost(cost));
        },
      ),
      { numRuns: runs },
    );
  });

  it("refuses more rows than columns", () => {
    expect(() => minimumCostAssignment([[1], [2]])).toThrow(RangeError);
  });
});
