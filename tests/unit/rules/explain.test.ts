import { describe, expect, it } from "vitest";
import { evaluate, explain } from "@/lib/rules";
import { line, organization, pass, person, THRESHOLD } from "./build";

const input = organization({
  asOf: "2018-06-30",
  people: [
    person("alice", [pass("MB2-717", "2018-01-10", "db-1"), pass("MB2-710", "2018-02-10", "db-2"), pass("MB2-712", "2016-01-01", "db-3")]),
    person("gao", [pass("MB2-877", "2017-12-01", "db-4"), pass("MB2-707", "2018-07-02", "db-5")]),
    person("hugo", [pass("MB2-712")], { leftOn: "2018-05-31" }),
    person("ines", [pass("XX-1", "2018-03-03")]),
  ],
  revenue: [
    line("inv-1", 8_250_050),
    line("old", 500_000, { bookedOn: "2017-06-30" }),
    line("later", 500_000, { bookedOn: "2018-07-01" }),
    line("not-ours", 100, { dporAssociated: false }),
    line("office", 100, { product: "office-365" }),
  ],
});

describe("explanations", () => {
  it("carry the contract's evaluation unchanged", () => {
    expect(explain(input).evaluation).toEqual(evaluate(input));
  });

  it("say why the revenue falls short, in English, pointing at the lines counted", () => {
    const [silver] = explain(input, { locale: "en" }).tiers;
    expect(silver).toMatchObject({ tier: "silver", met: false, summary: "The Silver tier is not met." });
    expect(silver.reasons[0]).toEqual({
      kind: "revenue",
      status: "not-met",
      text: "Revenue in the window (from July 1, 2017 to June 30, 2018) is $82,500.50, $17,499.50 short of the $100,000.00 threshold.",
      evidence: { revenueIds: ["inv-1"], examPassIds: [], personIds: [] },
    });
  });

  it("and in French", () => {
    const [silver] = explain(input, { locale: "fr" }).tiers;
    expect(silver.summary).toBe("Le niveau Argent n’est pas atteint.");
    expect(silver.reasons[0].text).toBe(
      "Les recettes de la période (du 1er juillet 2017 au 30 juin 2018) s’élèvent à 82\u202f500,50\u00a0$US, soit 17\u202f499,50\u00a0$US de moins que le seuil de 100\u202f000,00\u00a0$US.",
    );
  });

  it("name the revenue lines left out, and why", () => {
    const reasons = explain(input).tiers[0].reasons.filter((reason) => reason.kind === "revenue-not-counted");
    expect(reasons.map((reason) => [reason.text, reason.evidence.revenueIds])).toEqual([
      ["1 revenue line is not counted: booked before the window starts on July 1, 2017.", ["old"]],
      ["1 revenue line is not counted yet: booked after June 30, 2018.", ["later"]],
      ["1 revenue line is not counted: the partner is not associated with the customer as Digital Partner of Record.", ["not-ours"]],
      ["1 revenue line is not counted: the product does not count for Cloud Customer Relationship Management.", ["office"]],
    ]);
  });

  it("say who fills each role's slots, pointing at the people and their passes", () => {
    const [silver, gold] = explain(input).tiers;
    const slots = silver.reasons.filter((reason) => reason.kind === "slots");
    expect(slots.map((reason) => reason.role)).toEqual(["application-deployment", "customization"]);
    expect(slots[0]).toEqual({
      kind: "slots",
      role: "application-deployment",
      status: "met",
      text: "Application + deployment: 1 of 1 slot filled (Alice).",
      evidence: { revenueIds: [], examPassIds: ["db-1", "db-2"], personIds: ["alice"] },
    });
    expect(slots[1]).toMatchObject({ status: "not-met", text: "Customization: 0 of 1 slot filled." });
    expect(gold.reasons.find((reason) => reason.role === "application-deployment")?.text).toBe(
      "Application + deployment: 1 of 2 slots filled (Alice).",
    );
    const french = explain(input, { locale: "fr" }).tiers[1].reasons.find((reason) => reason.role === "application-deployment");
    expect(french?.text).toBe("Application + déploiement\u00a0: 1 place sur 2 pourvue (Alice).");
  });

  it("when people are missing, name the passes and departures that do not count", () => {
    const notes = explain(input).tiers[0].reasons.filter((reason) => reason.status === "note" && reason.kind !== "revenue-not-counted");
    expect(notes.map((reason) => [reason.kind, reason.text, reason.evidence.examPassIds])).toEqual([
      [
        "exam-not-counted",
        "MB2-877 passed by Gao on December 1, 2017 does not count: the exam was only available from January 1, 2018.",
        ["db-4"],
      ],
      ["exam-not-counted", "MB2-707 passed by Gao on July 2, 2018 does not count yet: it is dated after June 30, 2018.", ["db-5"]],
      ["person-left", "Hugo left on May 31, 2018; their exams no longer count.", ["hugo#0"]],
      ["exam-not-counted", "XX-1 passed by Ines on March 3, 2018 does not count: it is not an exam of this competency.", ["ines#0"]],
    ]);
  });

  it("a pass no longer accepted, and a retired exam, are explained with their dates", () => {
    const texts = explain(
      organization({ asOf: "2019-01-01", people: [person("dana", [pass("MB2-709", "2017-08-01"), pass("MB2-709", "2018-01-01")])] }),
      { locale: "fr" },
    ).tiers[0].reasons.map((reason) => reason.text);
    expect(texts).toContain("MB2-709, réussi par Dana le 1er août 2017, ne compte plus\u00a0: il était accepté jusqu’au 31 décembre 2018.");
    expect(texts).toContain(
      "MB2-709, réussi par Dana le 1er janvier 2018, ne compte pas\u00a0: l’examen a été retiré le 31 décembre 2017.",
    );
  });

  it("a met tier says so, without notes about people", () => {
    const people = [person("a", [pass("MB2-717"), pass("MB2-710")]), person("b", [pass("MB2-712")]), person("c", [pass("XX")])];
    const [silver] = explain(organization({ people, revenue: [line("r", THRESHOLD)] })).tiers;
    expect(silver.met).toBe(true);
    expect(silver.summary).toBe("The Silver tier is met.");
    expect(silver.reasons.map((reason) => reason.status)).toEqual(["met", "met", "met"]);
    expect(silver.reasons[0].text).toBe(
      "Revenue in the window (from July 1, 2017 to June 30, 2018) is $100,000.00, which meets the $100,000.00 threshold.",
    );
  });
});
