import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvaluationInput, evaluate, forecast } from "@/lib/rules";
import {
  counts,
  heldGroups,
  missingCount,
  mostFilled,
  planProblems,
  referenceMinimumExams,
  referenceRevenueCents,
  referenceTier,
  referenceWindowStart,
  ROLES,
  TIERS,
} from "./reference";

const runs = process.env.CI ? 1000 : 200;

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const AS_OF = ["2018-06-30", "2020-02-29", "2019-02-28", "2018-12-31", "2019-01-01", "2017-12-31", "2018-01-01", "2021-02-28"];
// Weighted so that organizations often come near Silver and Gold, with odd codes now and then.
const CODE = fc.oneof(
  { arbitrary: fc.constantFrom("MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877"), weight: 3 },
  { arbitrary: fc.constantFrom("MB2-710", "MB2-706", "MB2-715"), weight: 3 },
  { arbitrary: fc.constantFrom("MB2-712", "MB2-707", "MB2-716"), weight: 3 },
  { arbitrary: fc.constantFrom("MB2-999", " mb2-717 ", "mb2-709", "Mb2-712"), weight: 1 },
);
const CENTS = fc.oneof(
  { arbitrary: fc.constantFrom(5_000_000, 6_000_050, 10_000_000), weight: 4 },
  { arbitrary: fc.constantFrom(-5_000_000, -1, 1, 3_333_333, 9_999_999), weight: 2 },
);

/** Days that matter around `asOf`: the window's edges, the exam lifecycle's edges, and anywhere. */
function dayNear(asOf: string): fc.Arbitrary<string> {
  const start = referenceWindowStart(asOf);
  return fc.oneof(
    { arbitrary: fc.integer({ min: -2, max: 2 }).map((days) => shift(asOf, days)), weight: 1 },
    { arbitrary: fc.integer({ min: -2, max: 2 }).map((days) => shift(start, days)), weight: 1 },
    { arbitrary: fc.constantFrom("2017-12-31", "2018-01-01", "2018-12-31", "2019-01-01"), weight: 1 },
    { arbitrary: fc.integer({ min: -360, max: 0 }).map((days) => shift(asOf, days)), weight: 2 },
    { arbitrary: fc.integer({ min: -800, max: 30 }).map((days) => shift(asOf, days)), weight: 1 },
  );
}

const organizations: fc.Arbitrary<EvaluationInput> = fc.constantFrom(...AS_OF).chain((asOf) =>
  fc.record({
    asOf: fc.constant(asOf),
    market: fc.constantFrom("developed", "developing"),
    people: fc
      .array(
        fc.record({
          exams: fc.array(fc.record({ code: CODE, passedOn: dayNear(asOf) }), { maxLength: 5 }),
          leftOn: fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 5 },
            { arbitrary: fc.constant(null), weight: 1 },
            { arbitrary: dayNear(asOf), weight: 2 },
          ),
        }),
        { maxLength: 6 },
      )
      .map((people) => people.map((person, index) => ({ id: `p${index}`, ...person }))),
    revenue: fc
      .array(
        fc.record({
          product: fc.constantFrom("crm-online", "d365-ce-plan-1", "crm-online", "office-365"),
          amountCents: CENTS,
          bookedOn: dayNear(asOf),
          dporAssociated: fc.constantFrom(true, true, true, false),
        }),
        { maxLength: 6 },
      )
      .map((lines) => lines.map((line, index) => ({ id: `r${index}`, ...line }))),
  }),
);

describe("evaluate agrees with a brute-force reading of the contract", () => {
  it("on revenue, qualifications, slots and tier", () => {
    fc.assert(
      fc.property(organizations, (input) => {
        const result = evaluate(input);
        expect(result.revenue.windowStart).toBe(referenceWindowStart(input.asOf));
        expect(Math.round(result.revenue.totalUsd * 100)).toBe(referenceRevenueCents(input));
        expect(result.tier).toBe(referenceTier(input));

        input.people.forEach((person, index) => {
          const status = result.people[index];
          const held = heldGroups(person, input.asOf);
          const qualifies = Object.keys(ROLES).filter((role) => missingCount(held, role) === 0);
          expect(status.counts).toBe(counts(person, input.asOf));
          expect(status.qualifiesFor).toEqual(status.counts ? qualifies : []);
          if (status.counts) {
            for (const role of Object.keys(ROLES)) {
              expect(status.missing[role]?.length ?? 0).toBe(qualifies.includes(role) ? 0 : missingCount(held, role));
            }
          }
        });

        for (const tier of TIERS) {
          const slots = Object.values(result.tiers[tier.id].people.slots);
          const everybody = slots.flatMap((fill) => fill.personIds);
          expect(new Set(everybody).size).toBe(everybody.length);
          expect(everybody.length).toBe(mostFilled(input, tier));
          for (const [role, fill] of Object.entries(result.tiers[tier.id].people.slots)) {
            for (const id of fill.personIds) expect(result.people.find((status) => status.id === id)?.qualifiesFor).toContain(role);
          }
        }
      }),
      { numRuns: runs },
    );
  });

  it("on the fewest exams to the next tier, with a plan that fills every slot", () => {
    fc.assert(
      fc.property(organizations, (input) => {
        const result = evaluate(input);
        const next = result.nextTier;
        const target = TIERS.find((tier) => !result.tiers[tier.id].met);
        if (result.tier === "gold" || !target) {
          expect(next).toBeNull();
        } else {
          expect(next?.tier).toBe(target.id);
          expect(next?.minimumAdditionalExams).toBe(referenceMinimumExams(input, target));
          expect(planProblems(result)).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  });
});

describe("the forecast agrees with evaluating every day", () => {
  it("lists exactly the days the tier changes, each with a cause", () => {
    fc.assert(
      fc.property(organizations, fc.integer({ min: 1, max: 365 }), (input, days) => {
        const until = shift(input.asOf, days);
        let tier = evaluate(input).tier;
        const expected: { on: string; from: string; to: string }[] = [];
        for (let day = 1; day <= days; day++) {
          const on = shift(input.asOf, day);
          const next = evaluate({ ...input, asOf: on }).tier;
          if (next !== tier) expected.push({ on, from: tier, to: next });
          tier = next;
        }
        const changes = forecast(input, { until }).changes;
        expect(changes.map(({ on, from, to }) => ({ on, from, to }))).toEqual(expected);
        for (const change of changes) expect(change.causes.length).toBeGreaterThan(0);
      }),
      { numRuns: Math.ceil(runs / 4) },
    );
  });
});

describe("the resilience of each tier agrees with removing each person and evaluating again", () => {
  it("lists exactly the people whose departure alone empties a slot, and the revenue headroom", () => {
    fc.assert(
      fc.property(organizations, (input) => {
        const result = evaluate(input);
        for (const [tier, status] of Object.entries(result.tiers)) {
          const expected = status.people.met
            ? input.people
                .filter((person) => {
                  const without = {
                    ...input,
                    people: input.people.map((other) => (other === person ? { ...other, leftOn: input.asOf } : other)),
                  };
                  return !evaluate(without).tiers[tier].people.met;
                })
                .map((person) => person.id)
            : [];
          expect(status.people.criticalPersonIds).toEqual(expected);
          const headroomCents = status.revenue.met
            ? Math.round(status.revenue.totalUsd * 100) - Math.round(status.revenue.thresholdUsd * 100)
            : 0;
          expect(Math.round(status.revenue.headroomUsd * 100)).toBe(headroomCents);
        }
      }),
      { numRuns: runs },
    );
  });
});
