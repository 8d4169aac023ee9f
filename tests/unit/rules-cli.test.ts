import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInProgram, evaluate, forecast, parseEvaluationInput, programFileOf } from "@/lib/rules";
import { runRules } from "@/scripts/rules";

const fixture = JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/rules/silver-basic.json"), "utf8")) as {
  input: Record<string, unknown>;
};
const text = JSON.stringify(fixture.input);
const parsed = parseEvaluationInput(fixture.input);
if (!parsed.ok) throw new Error(parsed.errors.join("\n"));

/** Runs the command line in-process, with files served from memory. */
function run(args: string[], files: Record<string, string> = { "in.json": text, "-": text }) {
  return runRules(args, (file) => {
    if (file in files) return files[file];
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: "ENOENT" });
  });
}

describe("rules evaluate", () => {
  it("prints the evaluation as one JSON object and exits 0", () => {
    const result = run(["evaluate", "in.json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(evaluate(parsed.value))));
  });

  it("says per tier who alone holds a slot and the revenue headroom, in the contract's shape", () => {
    const { tiers } = JSON.parse(run(["evaluate", "in.json"]).stdout) as {
      tiers: Record<
        string,
        { revenue: { met: boolean; totalUsd: number; thresholdUsd: number; headroomUsd: number }; people: { criticalPersonIds: unknown } }
      >;
    };
    for (const status of Object.values(tiers)) {
      expect(Array.isArray(status.people.criticalPersonIds)).toBe(true);
      expect(status.revenue.headroomUsd).toBe(
        status.revenue.met ? Math.round((status.revenue.totalUsd - status.revenue.thresholdUsd) * 100) / 100 : 0,
      );
    }
    expect(tiers.silver.people.criticalPersonIds).toEqual(evaluate(parsed.value).tiers.silver.people.criticalPersonIds);
  });

  it("reads standard input for -, with or without a byte order mark", () => {
    expect(run(["evaluate", "-"]).code).toBe(0);
    expect(run(["evaluate", "-"], { "-": `\uFEFF${text}` }).code).toBe(0);
  });

  it("says where the input is wrong, one line per problem, and exits 2 with nothing on standard output", () => {
    const broken = { ...fixture.input, asOf: "2018-02-30", revenue: [{ id: "r", amountUsd: 1.001 }] };
    const result = run(["evaluate", "in.json"], { "in.json": JSON.stringify(broken) });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "asOf: not a calendar date",
        "revenue[0].product: required",
        "revenue[0].amountUsd: at most 2 decimals",
        "revenue[0].bookedOn: required",
        "revenue[0].dporAssociated: required",
        "",
      ].join("\n"),
    });
  });

  const refusals: [string, string[], Record<string, string> | undefined, RegExp][] = [
    ["no command", [], undefined, /^usage: rules evaluate FILE/],
    ["an unknown command", ["judge", "in.json"], undefined, /^unknown command "judge"; usage:/],
    ["no file", ["evaluate"], undefined, /^evaluate: which file\? usage:/],
    ["an extra argument", ["evaluate", "in.json", "--until", "2019-01-01"], undefined, /^unexpected argument "--until"/],
    ["a missing file", ["evaluate", "missing.json"], undefined, /^cannot read missing\.json: no such file$/],
    ["a file that is not JSON", ["evaluate", "in.json"], { "in.json": "{ nope" }, /^in\.json: not valid JSON \(.+\)$/],
    ["JSON that is not an object", ["evaluate", "-"], { "-": "[]" }, /^input: must be an object$/],
  ];

  it.each(refusals)("refuses %s with one clear line and exit 2", (_, args, files, message) => {
    const result = run(args, files);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });
});

describe("rules forecast", () => {
  it("prints asOf, until and the changes", () => {
    const result = run(["forecast", "in.json"]);
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(["asOf", "until", "changes"]);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(forecast(parsed.value))));
  });

  it("takes --until DATE or --until=DATE", () => {
    expect(JSON.parse(run(["forecast", "in.json", "--until", "2018-09-14"]).stdout)).toEqual({
      asOf: "2018-04-30",
      until: "2018-09-14",
      changes: [],
    });
    expect(JSON.parse(run(["forecast", "in.json", "--until=2018-09-15"]).stdout).changes).toHaveLength(1);
  });

  it("refuses an until beyond one year, or not a date, at the path until", () => {
    expect(run(["forecast", "in.json", "--until", "2019-05-01"])).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "until: at most one year after asOf (2019-04-30)\n",
    });
    expect(run(["forecast", "in.json", "--until", "2019-02-30"]).stderr).toBe("until: not a calendar date\n");
    expect(run(["forecast", "in.json", "--until"]).stderr).toMatch(/^unexpected argument "--until"/);
  });
});

describe("the real command line", () => {
  const tsx = join(process.cwd(), "node_modules/.bin/tsx");
  const folder = mkdtempSync(join(tmpdir(), "rules-cli-"));

  it("evaluates a file: exit 0 and the JSON on standard output", () => {
    const file = join(folder, "input.json");
    writeFileSync(file, text);
    const result = spawnSync(tsx, ["scripts/rules.ts", "evaluate", file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).tier).toBe("silver");
  });

  it("refuses a bad input on standard input: exit 2, JSON paths, no stack trace", () => {
    const broken = { ...fixture.input, people: [{ id: "p", exams: [{ code: "MB2-717", passedOn: "2018-02-30" }] }] };
    const result = spawnSync(tsx, ["scripts/rules.ts", "evaluate", "-"], { encoding: "utf8", input: JSON.stringify(broken) });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("people[0].exams[0].passedOn: not a calendar date\n");
  });

  it("refuses a file it cannot read: exit 2, one line, no stack trace", () => {
    const missing = join(folder, "missing.json");
    const result = spawnSync(tsx, ["scripts/rules.ts", "forecast", missing], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`cannot read ${missing}: no such file\n`);
  });
});

describe("rules --program", () => {
  const program = programFileOf(builtInProgram);
  const raised = structuredClone(program);
  raised.versions.push({
    ...structuredClone(program.versions[0]),
    id: "v2",
    effectiveFrom: "2000-01-01",
    note: "Thresholds raised",
  });
  for (const tier of raised.versions[1].definition.tiers) tier.revenueThresholdUsd = { developed: 10_000_000, developing: 10_000_000 };

  it("evaluates under the version in force on asOf", () => {
    const builtIn = JSON.parse(run(["evaluate", "in.json"]).stdout) as { tier: string };
    const result = run(["evaluate", "in.json", "--program", "program.json"], { "in.json": text, "program.json": JSON.stringify(raised) });
    expect(result.code).toBe(0);
    expect(builtIn.tier).not.toBe("none");
    expect((JSON.parse(result.stdout) as { tier: string }).tier).toBe("none");
  });

  it("with the built-in program's own export, answers as without it", () => {
    const files = { "in.json": text, "program.json": JSON.stringify(program) };
    expect(run(["forecast", "in.json", "--program=program.json"], files)).toEqual(run(["forecast", "in.json"]));
  });

  it("refuses an invalid program file with exit 2 and a JSON path prefixed program:", () => {
    const broken = structuredClone(program);
    Object.assign(broken.versions[0].definition.tiers[0].slots, { customization: 1.5 });
    const result = run(["evaluate", "in.json", "--program", "program.json"], { "in.json": text, "program.json": JSON.stringify(broken) });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "program: versions[0].definition.tiers[0].slots.customization: not a whole number\n",
    });
  });

  it("refuses an input of another competency than the program's", () => {
    const other = { ...structuredClone(program), id: "other" };
    const input = JSON.stringify({ ...fixture.input, competency: "cloud-crm" });
    const result = run(["evaluate", "in.json", "--program", "program.json"], { "in.json": input, "program.json": JSON.stringify(other) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^competency: /);
  });
});
