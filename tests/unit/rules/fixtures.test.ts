import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Evaluation, evaluate, parseEvaluationInput } from "@/lib/rules";
import { planProblems } from "./reference";

// The worked examples of the contract, as copied from beside the repository (../shared).
const folder = join(process.cwd(), "tests/fixtures/rules");
const original = join(process.cwd(), "../shared/fixtures/rules");
const files = readdirSync(folder).filter((file) => file.endsWith(".json"));
const read = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

interface Fixture {
  input: unknown;
  expected: Evaluation & { nextTier: Omit<NonNullable<Evaluation["nextTier"]>, "steps"> | null };
}

describe("the worked examples of the contract", () => {
  it("are there to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!existsSync(original))("are the contract's own, where the contract sits beside the repository", () => {
    const originals = readdirSync(original).filter((file) => file.endsWith(".json"));
    expect(files).toEqual(originals);
    for (const file of files) expect(read(join(folder, file)), file).toEqual(read(join(original, file)));
  });

  it.each(files)("%s", (file) => {
    const { input, expected } = JSON.parse(readFileSync(join(folder, file), "utf8")) as Fixture;
    const parsed = parseEvaluationInput(input);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const actual = evaluate(parsed.value);

    // Assignments admit more than one right answer: compare them by validity.
    const withoutAssignments = (evaluation: Fixture["expected"] | Evaluation) => ({
      ...evaluation,
      tiers: Object.fromEntries(
        Object.entries(evaluation.tiers).map(([tier, status]) => [
          tier,
          {
            ...status,
            // The worked examples predate the contract's resilience fields (critical people and
            // revenue headroom), which the property tests check against removing each person.
            revenue: {
              met: status.revenue.met,
              thresholdUsd: status.revenue.thresholdUsd,
              totalUsd: status.revenue.totalUsd,
              shortfallUsd: status.revenue.shortfallUsd,
            },
            people: {
              met: status.people.met,
              slots: Object.fromEntries(Object.entries(status.people.slots).map(([role, fill]) => [role, { needed: fill.needed }])),
            },
          },
        ]),
      ),
      nextTier: evaluation.nextTier && {
        tier: evaluation.nextTier.tier,
        revenueShortfallUsd: evaluation.nextTier.revenueShortfallUsd,
        minimumAdditionalExams: evaluation.nextTier.minimumAdditionalExams,
      },
    });
    expect(JSON.parse(JSON.stringify(withoutAssignments(actual)))).toEqual(withoutAssignments(expected));

    const people = new Map(actual.people.map((status) => [status.id, status]));
    for (const [tier, status] of Object.entries(actual.tiers)) {
      const standing = Object.entries(status.people.slots);
      const expectedSlots = expected.tiers[tier].people.slots;
      const everybody = standing.flatMap(([, fill]) => fill.personIds);
      expect(new Set(everybody).size, `${tier}: nobody stands in two slots`).toBe(everybody.length);
      expect(everybody.length, `${tier}: as many slots filled`).toBe(
        Object.values(expectedSlots).reduce((sum, fill) => sum + fill.filled, 0),
      );
      for (const [role, fill] of standing) {
        expect(fill.filled).toBe(fill.personIds.length);
        expect(fill.filled).toBeLessThanOrEqual(fill.needed);
        for (const id of fill.personIds) expect(people.get(id)?.qualifiesFor, `${id} qualifies for ${role}`).toContain(role);
      }
    }

    expect(planProblems(actual)).toEqual([]);
  });
});
