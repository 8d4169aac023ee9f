import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatedIdIndexes } from "@/lib/rules/duplicates";

const runs = process.env.CI ? 1000 : 200;

describe("ids used twice", () => {
  it("are the later items whose id an earlier item has", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3, unit: "binary" }), { maxLength: 300 }), (ids) => {
        const expected = ids.flatMap((id, index) => (ids.indexOf(id) < index ? [index] : []));
        expect(repeatedIdIndexes(ids.map((id) => ({ id })))).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  it("are found among 200,000 distinct ids", () => {
    const items = Array.from({ length: 200_000 }, (_, index) => ({ id: `line-${index}` }));
    items.push({ id: "line-123456" }, { id: "" }, { id: "" });
    expect(repeatedIdIndexes(items)).toEqual([200_000, 200_002]);
  });
});
