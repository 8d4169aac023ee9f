import { describe, expect, it } from "vitest";
import { forecast } from "@/lib/rules";
import { line, organization, pass, person, silverPeople, THRESHOLD } from "./build";

const silver = (more: Parameters<typeof organization>[0] = {}) =>
  organization({ asOf: "2018-06-30", people: silverPeople(), revenue: [line("r1", THRESHOLD, { bookedOn: "2017-09-15" })], ...more });

describe("the forecast", () => {
  it("looks one year ahead by default, and lists nothing when nothing changes", () => {
    expect(forecast(silver({ revenue: [] }))).toEqual({ asOf: "2018-06-30", until: "2019-06-30", changes: [] });
  });

  it("a line booked on asOf is still counted a year later, on the last day of the forecast", () => {
    const input = silver({ revenue: [line("r1", THRESHOLD, { bookedOn: "2018-06-30" })] });
    expect(forecast(input).changes).toEqual([
      { on: "2019-06-30", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["r1"] }] },
    ]);
  });

  it("a year after asOf 29 February 2020 is 28 February 2021", () => {
    expect(forecast(organization({ asOf: "2020-02-29" })).until).toBe("2021-02-28");
  });

  it("sees revenue age out of the window the day after its anniversary", () => {
    expect(forecast(silver()).changes).toEqual([
      { on: "2018-09-15", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["r1"] }] },
    ]);
  });

  it("a line of 29 February 2020 leaves the window on 1 March 2021", () => {
    const input = silver({ asOf: "2020-06-30", revenue: [line("leap", THRESHOLD, { bookedOn: "2020-02-29" })] });
    expect(forecast(input).changes).toEqual([
      { on: "2021-03-01", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["leap"] }] },
    ]);
  });

  it("sees a line dated in the future enter the window", () => {
    const input = silver({ revenue: [line("future", THRESHOLD, { bookedOn: "2018-08-01" })] });
    expect(forecast(input).changes).toEqual([
      { on: "2018-08-01", from: "none", to: "silver", causes: [{ kind: "revenue-entered", ids: ["future"] }] },
    ]);
  });

  it("sees MB2-709 stop being accepted on 2019-01-01", () => {
    const people = [person("d", [pass("MB2-709", "2017-08-01", "pass-709"), pass("MB2-706")]), silverPeople()[1]];
    const input = silver({ people, revenue: [line("r1", THRESHOLD, { bookedOn: "2018-06-30" })] });
    expect(forecast(input).changes).toEqual([
      { on: "2019-01-01", from: "silver", to: "none", causes: [{ kind: "exam-no-longer-accepted", ids: ["pass-709"] }] },
    ]);
  });

  it("sees a recorded departure, and a pass dated in the future", () => {
    const people = [
      person("alice", [pass("MB2-717"), pass("MB2-710")], { leftOn: "2018-10-01" }),
      person("bruno", [pass("MB2-712")]),
      person("chloe", [pass("MB2-718"), pass("MB2-715", "2018-12-01")]),
    ];
    const input = silver({ people, revenue: [line("r1", THRESHOLD, { bookedOn: "2018-06-30" })] });
    expect(forecast(input).changes).toEqual([
      { on: "2018-10-01", from: "silver", to: "none", causes: [{ kind: "person-left", ids: ["alice"] }] },
      { on: "2018-12-01", from: "none", to: "silver", causes: [{ kind: "exam-passed", ids: ["chloe#1"] }] },
      { on: "2019-06-30", from: "silver", to: "none", causes: [{ kind: "revenue-expired", ids: ["r1"] }] },
    ]);
  });

  it("stops at until, and names only the causes that changed something", () => {
    const people = [...silverPeople(), person("zoe", [pass("MB2-716")], { leftOn: "2018-09-15" })];
    const input = silver({ people });
    expect(forecast(input, { until: "2018-09-14" }).changes).toEqual([]);
    // Zoe leaves the same day, but she stood in no slot that matters: revenue decides.
    expect(forecast(input, { until: "2018-09-15" }).changes).toEqual([
      {
        on: "2018-09-15",
        from: "silver",
        to: "none",
        causes: [
          { kind: "revenue-expired", ids: ["r1"] },
          { kind: "person-left", ids: ["zoe"] },
        ],
      },
    ]);
  });

  it("refuses to look more than a year ahead, or backwards", () => {
    expect(() => forecast(silver(), { until: "2019-07-01" })).toThrow("at most one year after asOf (2019-06-30)");
    expect(() => forecast(silver(), { until: "2018-06-30" })).toThrow("must be after asOf");
  });
});
