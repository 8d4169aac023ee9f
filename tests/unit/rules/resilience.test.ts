import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/rules";
import { line, organization, pass, person, THRESHOLD } from "./build";

/** Someone qualifying for every role of the seed: application + deployment, and customization. */
const everything = (id: string) => person(id, [pass("MB2-717"), pass("MB2-710"), pass("MB2-712")]);

describe("criticalPersonIds", () => {
  it("names each of four people who alone hold a Gold slot, in input order", () => {
    const result = evaluate(
      organization({
        people: [
          person("chloe", [pass("MB2-712")]),
          person("alice", [pass("MB2-717"), pass("MB2-710")]),
          person("david", [pass("MB2-712")]),
          person("bruno", [pass("MB2-717"), pass("MB2-710")]),
        ],
        revenue: [line("r1", THRESHOLD)],
      }),
    );
    expect(result.tiers.gold.people.criticalPersonIds).toEqual(["chloe", "alice", "david", "bruno"]);
    // Silver takes one of each: any second person of a role is a spare.
    expect(result.tiers.silver.people.criticalPersonIds).toEqual([]);
  });

  it("sees the spare among many people alike, beyond those a matching looks at", () => {
    const four = ["a", "b", "c", "d"].map(everything);
    expect(evaluate(organization({ people: four })).tiers.gold.people.criticalPersonIds).toEqual(["a", "b", "c", "d"]);
    expect(evaluate(organization({ people: [...four, everything("e")] })).tiers.gold.people.criticalPersonIds).toEqual([]);
  });

  it("is empty when the slots are not all filled", () => {
    const result = evaluate(organization({ people: [person("alice", [pass("MB2-717"), pass("MB2-710")])] }));
    expect(result.tiers.silver.people).toMatchObject({ met: false, criticalPersonIds: [] });
  });
});

describe("headroomUsd", () => {
  it("is what counted revenue can lose before the threshold fails, exactly, and 0 when it is not met", () => {
    const met = evaluate(organization({ revenue: [line("r1", 7_000_001), line("r2", 3_333_333)] }));
    expect(met.tiers.silver.revenue).toMatchObject({ met: true, totalUsd: 103333.34, headroomUsd: 3333.34 });
    const short = evaluate(organization({ revenue: [line("r1", 9_999_999)] }));
    expect(short.tiers.gold.revenue).toMatchObject({ met: false, headroomUsd: 0 });
  });
});
