import { beforeAll, expect, it } from "vitest";
import { organizations, revenueLines } from "@/db/schema";
import { today } from "@/lib/clock";
import { evidenceOfAll, loadEvidence } from "@/lib/data/evidence";
import type { EvaluationInput } from "@/lib/rules";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

/** The evidence as the batch readers give it: passes without ids, people without names, lines without customers. */
function asBatchReads(input: EvaluationInput): EvaluationInput {
  return {
    ...input,
    people: input.people.map(({ id, leftOn, exams }) => ({
      id,
      leftOn: leftOn ?? null,
      exams: exams.map(({ code, passedOn }) => ({ code, passedOn })),
    })),
    revenue: input.revenue.map(({ id, product, amountCents, bookedOn, dporAssociated }) => ({
      id,
      product,
      amountCents,
      bookedOn,
      dporAssociated,
    })),
  };
}

describeOnEachDatabase("whole-program jobs' reading of the evidence", (database) => {
  let world: DemoWorld;
  const day = today();

  beforeAll(async () => {
    world = await demoWorld(database());
    // Products are free text: a space, a backslash and a line break must come back as written.
    await world.db.insert(revenueLines).values(
      ["Dynamics 365 \\ Sales", "line\nbreak", "ends with \\", "\\n", ""].map((product, index) => ({
        organizationId: world.fabrikamId,
        customerName: `Odd product ${index}`,
        product,
        amountCents: 1_000 + index,
        bookedOn: day,
        dporAssociated: index % 2 === 0,
        reference: `ODD-${index}`,
      })),
    );
  });

  it("reads every organization as the dashboard's own reading does, in batches of any size", async () => {
    const all = await world.db.select({ id: organizations.id, market: organizations.market }).from(organizations);
    const expected = new Map(
      await Promise.all(
        all.map(async (organization) => [organization.id, asBatchReads(await loadEvidence(world.db, organization, day))] as const),
      ),
    );
    for (const batchSize of [1, 2, 100]) {
      const read = new Map<string, EvaluationInput>();
      for await (const organization of evidenceOfAll(world.db, day, batchSize)) read.set(organization.id, organization.input);
      expect(read).toEqual(expected);
    }
    const fabrikam = expected.get(world.fabrikamId)?.revenue.map((line) => line.product);
    expect(fabrikam).toEqual(expect.arrayContaining(["Dynamics 365 \\ Sales", "line\nbreak", "ends with \\", "\\n", ""]));
  });
});
