import { describe, expect, it } from "vitest";
import { evaluate, examByCode, parseEvaluationInput } from "@/lib/rules";
import { line, organization, pass, person, silverPeople, THRESHOLD } from "./build";
import { planProblems } from "./reference";

const APPLICATION_2018 = ["MB2-713", "MB2-714", "MB2-717", "MB2-718", "MB2-877"];
const DEPLOYMENT = ["MB2-706", "MB2-710", "MB2-715"];
const CUSTOMIZATION = ["MB2-707", "MB2-712", "MB2-716"];

describe("the exams of Cloud CRM", () => {
  it("a person who passed MB2-717 and MB2-710 fills the application-deployment slot", () => {
    const result = evaluate(organization({ people: [person("alice", [pass("MB2-717"), pass("MB2-710")])] }));
    expect(result.people[0].qualifiesFor).toEqual(["application-deployment"]);
    expect(result.tiers.silver.people.slots["application-deployment"]).toEqual({ needed: 1, filled: 1, personIds: ["alice"] });
  });

  it("the same person must hold both: MB2-718 alone leaves the deployment group missing", () => {
    const result = evaluate(organization({ people: [person("chloe", [pass("MB2-718")])] }));
    expect(result.people[0]).toEqual({
      id: "chloe",
      counts: true,
      qualifiesFor: [],
      missing: { "application-deployment": [DEPLOYMENT], customization: [CUSTOMIZATION] },
    });
  });

  it("application and deployment passed by two different people fill no application-deployment slot", () => {
    const result = evaluate(organization({ people: [person("a", [pass("MB2-714")]), person("b", [pass("MB2-706")])] }));
    expect(result.tiers.silver.people.slots["application-deployment"].filled).toBe(0);
  });

  it("a person who passed MB2-712, MB2-707 or MB2-716 fills the customization slot", () => {
    for (const code of CUSTOMIZATION) {
      const result = evaluate(organization({ people: [person("bruno", [pass(code)])] }));
      expect(result.tiers.silver.people.slots.customization.personIds).toEqual(["bruno"]);
    }
  });

  it("every deployment exam (MB2-710, MB2-706, MB2-715) pairs with every application exam", () => {
    for (const application of ["MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877"]) {
      for (const deployment of DEPLOYMENT) {
        const passes = [pass(application, "2017-12-31"), pass(deployment)];
        if (application === "MB2-877") passes[0] = pass(application, "2018-01-01");
        const result = evaluate(organization({ people: [person("p", passes)] }));
        expect(result.people[0].qualifiesFor, `${application} + ${deployment}`).toEqual(["application-deployment"]);
      }
    }
  });

  it("exam codes are matched ignoring case and surrounding spaces", () => {
    const result = evaluate(organization({ people: [person("alice", [pass(" mb2-717 "), pass("Mb2-710")])] }));
    expect(result.people[0].qualifiesFor).toEqual(["application-deployment"]);
    expect(examByCode("  mb2-709")?.code).toBe("MB2-709");
  });

  it("an unknown exam is rejected as unknown-exam, reported upper case", () => {
    const result = evaluate(organization({ people: [person("a", [pass(" az-900 ", "2018-02-02")])] }));
    expect(result.rejected).toEqual([{ personId: "a", code: "AZ-900", passedOn: "2018-02-02", reason: "unknown-exam" }]);
  });

  it("MB2-877 passed on 2017-12-31 is rejected as not-yet-available; passed on 2018-01-01 it counts", () => {
    const early = evaluate(organization({ people: [person("g", [pass("MB2-877", "2017-12-31"), pass("MB2-710")])] }));
    expect(early.rejected).toEqual([{ personId: "g", code: "MB2-877", passedOn: "2017-12-31", reason: "not-yet-available" }]);
    expect(early.people[0].qualifiesFor).toEqual([]);
    const onTime = evaluate(organization({ people: [person("g", [pass("MB2-877", "2018-01-01"), pass("MB2-710")])] }));
    expect(onTime.rejected).toEqual([]);
    expect(onTime.people[0].qualifiesFor).toEqual(["application-deployment"]);
  });

  it("MB2-709 passed on 2017-12-31 counts; passed on 2018-01-01 it is rejected as retired", () => {
    const last = evaluate(organization({ people: [person("d", [pass("MB2-709", "2017-12-31"), pass("MB2-706")])] }));
    expect(last.people[0].qualifiesFor).toEqual(["application-deployment"]);
    const late = evaluate(organization({ people: [person("d", [pass("MB2-709", "2018-01-01"), pass("MB2-706")])] }));
    expect(late.rejected).toEqual([{ personId: "d", code: "MB2-709", passedOn: "2018-01-01", reason: "retired" }]);
    expect(late.people[0].qualifiesFor).toEqual([]);
  });

  it("MB2-709 counts on 2018-12-31 and no longer on 2019-01-01, without being rejected", () => {
    const people = [person("d", [pass("MB2-709", "2017-08-01"), pass("MB2-706", "2017-08-15")])];
    expect(evaluate(organization({ asOf: "2018-12-31", people })).people[0].qualifiesFor).toEqual(["application-deployment"]);
    const after = evaluate(organization({ asOf: "2019-01-01", people }));
    expect(after.people[0].missing["application-deployment"]).toEqual([APPLICATION_2018]);
    expect(after.rejected).toEqual([]);
  });

  it("a pass dated after asOf does not count yet, and is not rejected", () => {
    const result = evaluate(organization({ asOf: "2018-06-30", people: [person("b", [pass("MB2-712", "2018-07-01")])] }));
    expect(result.people[0].qualifiesFor).toEqual([]);
    expect(result.rejected).toEqual([]);
  });

  it("rejected passes are listed in input order, those of people who left too", () => {
    const result = evaluate(
      organization({
        people: [
          person("a", [pass("XX-1", "2018-01-01"), pass("MB2-709", "2018-02-01")], { leftOn: "2018-03-01" }),
          person("b", [pass("MB2-877", "2017-06-01")]),
        ],
      }),
    );
    expect(result.rejected.map((rejected) => [rejected.personId, rejected.reason])).toEqual([
      ["a", "unknown-exam"],
      ["a", "retired"],
      ["b", "not-yet-available"],
    ]);
  });

  it("missing lists what can still be passed at asOf: MB2-709 before it retires, MB2-877 once available", () => {
    const people = [person("p")];
    expect(evaluate(organization({ asOf: "2017-12-31", people })).people[0].missing["application-deployment"]).toEqual([
      ["MB2-709", "MB2-713", "MB2-714", "MB2-717", "MB2-718"],
      DEPLOYMENT,
    ]);
    expect(evaluate(organization({ asOf: "2018-01-01", people })).people[0].missing["application-deployment"]).toEqual([
      APPLICATION_2018,
      DEPLOYMENT,
    ]);
  });
});

describe("the people of the partner", () => {
  it("a person whose leftOn is asOf does not count", () => {
    const result = evaluate(organization({ asOf: "2018-06-30", people: [person("b", [pass("MB2-712")], { leftOn: "2018-06-30" })] }));
    expect(result.people[0]).toEqual({ id: "b", counts: false, qualifiesFor: [], missing: {} });
    expect(result.tiers.silver.people.slots.customization.filled).toBe(0);
  });

  it("a person who leaves after asOf still counts", () => {
    const result = evaluate(organization({ asOf: "2018-06-30", people: [person("b", [pass("MB2-712")], { leftOn: "2018-07-01" })] }));
    expect(result.people[0].counts).toBe(true);
    expect(result.tiers.silver.people.slots.customization.personIds).toEqual(["b"]);
  });

  it("leftOn null or absent means the person is still there", () => {
    const result = evaluate(organization({ people: [person("a", [], { leftOn: null }), person("b")] }));
    expect(result.people.map((status) => status.counts)).toEqual([true, true]);
  });

  it("every person is listed, in input order", () => {
    const result = evaluate(organization({ people: [person("z"), person("a"), person("m")] }));
    expect(result.people.map((status) => status.id)).toEqual(["z", "a", "m"]);
  });
});

describe("the revenue of the last twelve months", () => {
  const withLine = (bookedOn: string, asOf = "2018-06-30") =>
    evaluate(organization({ asOf, revenue: [line("r", THRESHOLD, { bookedOn })] })).revenue;

  it("the window of asOf 2018-06-30 runs from 2017-07-01 to 2018-06-30", () => {
    expect(withLine("2018-01-01")).toMatchObject({ windowStart: "2017-07-01", windowEnd: "2018-06-30" });
  });

  it("a line booked on the window's first day counts; the day before does not", () => {
    expect(withLine("2017-07-01").countedIds).toEqual(["r"]);
    expect(withLine("2017-06-30").countedIds).toEqual([]);
  });

  it("a line booked on asOf counts; the day after does not", () => {
    expect(withLine("2018-06-30").countedIds).toEqual(["r"]);
    expect(withLine("2018-07-01").countedIds).toEqual([]);
  });

  it("asOf 29 February 2020: the window starts on 1 March 2019", () => {
    expect(withLine("2019-03-01", "2020-02-29")).toMatchObject({ windowStart: "2019-03-01", countedIds: ["r"] });
    expect(withLine("2019-02-28", "2020-02-29").countedIds).toEqual([]);
  });

  it("asOf 28 February 2021: a line of 29 February 2020 is on the window's first day", () => {
    expect(withLine("2020-02-29", "2021-02-28")).toMatchObject({ windowStart: "2020-02-29", countedIds: ["r"] });
    expect(withLine("2020-02-29", "2021-03-01").countedIds).toEqual([]);
  });

  it("cents that do not add up in binary floating point add up exactly: 0.10 + 0.20 is 0.30", () => {
    const parsed = parseEvaluationInput({
      asOf: "2018-06-30",
      market: "developed",
      people: [],
      revenue: [0.1, 0.2].map((amountUsd, index) => ({
        id: `r${index}`,
        product: "crm-online",
        amountUsd,
        bookedOn: "2018-01-01",
        dporAssociated: true,
      })),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(evaluate(parsed.value).revenue.totalUsd).toBe(0.3);
  });

  it("three lines of USD 33,333.33 and one of USD 0.01 meet the USD 100,000.00 threshold exactly", () => {
    const revenue = [3_333_333, 3_333_333, 3_333_333, 1].map((cents, index) => line(`r${index}`, cents));
    const result = evaluate(organization({ people: silverPeople(), revenue }));
    expect(result.revenue.totalUsd).toBe(100000);
    expect(result.tier).toBe("silver");
  });

  it("a credit or refund (a negative line) lowers the total", () => {
    const result = evaluate(organization({ revenue: [line("sale", THRESHOLD), line("refund", -2_500_050)] }));
    expect(result.revenue.totalUsd).toBe(74999.5);
    expect(result.tiers.silver.revenue).toEqual({
      met: false,
      thresholdUsd: 100000,
      totalUsd: 74999.5,
      shortfallUsd: 25000.5,
      headroomUsd: 0,
    });
  });

  it("only CRM Online and Dynamics 365 Customer Engagement (Plan 1) count", () => {
    const revenue = [
      line("crm", 100, { product: "crm-online" }),
      line("plan1", 200, { product: "d365-ce-plan-1" }),
      line("office", 400, { product: "office-365" }),
    ];
    expect(evaluate(organization({ revenue })).revenue).toMatchObject({ totalUsd: 3, countedIds: ["crm", "plan1"] });
  });

  it("only lines where the partner is Digital Partner of Record count", () => {
    const revenue = [line("dpor", 100), line("other", 200, { dporAssociated: false })];
    expect(evaluate(organization({ revenue })).revenue).toMatchObject({ totalUsd: 1, countedIds: ["dpor"] });
  });

  it("the shortfall is never negative, and the developing market has the same threshold", () => {
    for (const market of ["developed", "developing"]) {
      const result = evaluate(organization({ market, revenue: [line("r", THRESHOLD + 1)] }));
      expect(result.tiers.gold.revenue).toEqual({
        met: true,
        thresholdUsd: 100000,
        totalUsd: 100000.01,
        shortfallUsd: 0,
        headroomUsd: 0.01,
      });
    }
  });
});

describe("Silver and Gold", () => {
  const enough = [line("r", THRESHOLD)];
  const gold = () => [...silverPeople(), person("dana", [pass("MB2-714"), pass("MB2-715")]), person("emil", [pass("MB2-716")])];

  it("Silver takes USD 100,000 and 1 + 1 people", () => {
    const result = evaluate(organization({ people: silverPeople(), revenue: enough }));
    expect(result.tier).toBe("silver");
    expect(result.tiers.gold.met).toBe(false);
  });

  it("Gold takes USD 100,000 and 2 + 2 people", () => {
    const result = evaluate(organization({ people: gold(), revenue: enough }));
    expect(result.tier).toBe("gold");
    expect(result.nextTier).toBeNull();
  });

  it("the people are not enough without the revenue", () => {
    const result = evaluate(organization({ people: gold(), revenue: [line("r", THRESHOLD - 1)] }));
    expect(result.tier).toBe("none");
    expect(result.tiers.gold.people.met).toBe(true);
  });

  it("the revenue is not enough without the people", () => {
    const result = evaluate(organization({ people: [silverPeople()[0]], revenue: enough }));
    expect(result.tier).toBe("none");
    expect(result.tiers.silver.revenue.met).toBe(true);
  });

  it("one person holding every group fills one slot, not two", () => {
    const result = evaluate(
      organization({ people: [person("all", [pass("MB2-717"), pass("MB2-710"), pass("MB2-712")])], revenue: enough }),
    );
    expect(result.people[0].qualifiesFor).toEqual(["application-deployment", "customization"]);
    const silver = result.tiers.silver.people.slots;
    expect(silver["application-deployment"].filled + silver.customization.filled).toBe(1);
    expect(result.tier).toBe("none");
  });

  it("where a greedy pass would leave the customization slot empty, the maximum assignment fills it", () => {
    // Input order invites a greedy pass to put the versatile first person in the first slot.
    const people = [
      person("versatile", [pass("MB2-717"), pass("MB2-710"), pass("MB2-712")]),
      person("specialist", [pass("MB2-713"), pass("MB2-706")]),
    ];
    const result = evaluate(organization({ people, revenue: enough }));
    expect(result.tiers.silver.people.slots).toEqual({
      "application-deployment": { needed: 1, filled: 1, personIds: ["specialist"] },
      customization: { needed: 1, filled: 1, personIds: ["versatile"] },
    });
    expect(result.tier).toBe("silver");
  });

  it("when not every slot can be filled, as many as possible are", () => {
    const people = [person("a", [pass("MB2-712")]), person("b", [pass("MB2-716")]), person("c", [pass("MB2-707")])];
    const slots = evaluate(organization({ people })).tiers.gold.people.slots;
    expect(slots.customization).toMatchObject({ needed: 2, filled: 2 });
    expect(slots["application-deployment"]).toEqual({ needed: 2, filled: 0, personIds: [] });
  });
});

describe("the next tier and the fewest exams to reach it", () => {
  it("is null at Gold", () => {
    const people = [
      person("a", [pass("MB2-717"), pass("MB2-710")]),
      person("b", [pass("MB2-717"), pass("MB2-710")]),
      person("c", [pass("MB2-712")]),
      person("d", [pass("MB2-712")]),
    ];
    expect(evaluate(organization({ people, revenue: [line("r", THRESHOLD)] })).nextTier).toBeNull();
  });

  it("from no tier, it is Silver with its revenue shortfall", () => {
    const result = evaluate(organization({ people: silverPeople(), revenue: [line("r", 6_000_050)] }));
    expect(result.nextTier).toEqual({ tier: "silver", revenueShortfallUsd: 39999.5, minimumAdditionalExams: 0, steps: [] });
  });

  it("with nobody, new hires (personId null) pass every group of their role", () => {
    const result = evaluate(organization());
    expect(result.nextTier).toEqual({
      tier: "silver",
      revenueShortfallUsd: 100000,
      minimumAdditionalExams: 3,
      steps: [
        { personId: null, role: "application-deployment", groups: [APPLICATION_2018, DEPLOYMENT] },
        { personId: null, role: "customization", groups: [CUSTOMIZATION] },
      ],
    });
  });

  it("someone who holds an application exam only needs a deployment exam", () => {
    const result = evaluate(organization({ people: [person("chloe", [pass("MB2-718")]), silverPeople()[1]] }));
    expect(result.nextTier?.steps).toEqual([{ personId: "chloe", role: "application-deployment", groups: [DEPLOYMENT] }]);
    expect(result.nextTier?.minimumAdditionalExams).toBe(1);
  });

  it("people who already fill a slot take no step, and the fewest exams may move nobody", () => {
    const people = [...silverPeople(), person("chloe", [pass("MB2-718")])];
    const result = evaluate(organization({ people, revenue: [line("r", THRESHOLD)] }));
    expect(result.nextTier?.tier).toBe("gold");
    expect(result.nextTier?.minimumAdditionalExams).toBe(2);
    expect(result.nextTier?.steps.map((step) => step.personId)).toEqual(["chloe", null]);
    expect(planProblems(result)).toEqual([]);
  });

  it("ties go to the partner's people before new hires, then to input order", () => {
    const people = [silverPeople()[0], person("first"), person("second")];
    const result = evaluate(organization({ people }));
    expect(result.nextTier?.steps).toEqual([{ personId: "first", role: "customization", groups: [CUSTOMIZATION] }]);
  });

  it("people who left are not part of the plan", () => {
    const people = [person("gone", [pass("MB2-718")], { leftOn: "2018-01-01" }), silverPeople()[1]];
    const result = evaluate(organization({ people }));
    expect(result.nextTier?.steps).toEqual([{ personId: null, role: "application-deployment", groups: [APPLICATION_2018, DEPLOYMENT] }]);
  });

  it("the plan counts on someone who holds every group for whichever slot is cheaper to fill around them", () => {
    const people = [person("both", [pass("MB2-717"), pass("MB2-710"), pass("MB2-712")]), person("app", [pass("MB2-717")])];
    const result = evaluate(organization({ people }));
    // "app" takes one exam, for either role, and "both" takes the other slot.
    expect(result.nextTier?.minimumAdditionalExams).toBe(1);
    expect(result.nextTier?.steps.map((step) => step.personId)).toEqual(["app"]);
    expect(planProblems(result)).toEqual([]);
  });
});
