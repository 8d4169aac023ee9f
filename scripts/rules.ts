/**
 * The rules' command line (shared/contracts/rules-cli.md):
 *
 *   npm run --silent rules -- evaluate FILE|- [--program PROGRAM.json]
 *   npm run --silent rules -- forecast FILE|- [--until YYYY-MM-DD] [--program PROGRAM.json]
 *
 * With --program, the program's versions (shared/contracts/program-definition.md) replace the
 * built-in Cloud CRM definition: each evaluation uses the version in force on its date.
 *
 * Exit 0 with one JSON object on standard output; exit 2 with `path: message` lines on
 * standard error, and nothing on standard output, when the input or the command is wrong.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  builtInProgram,
  evaluateOn,
  type EvaluationInput,
  forecastAcross,
  forecastUntilSchema,
  parseEvaluationInput,
  parseProgramFile,
  parseWith,
  type VersionedProgram,
  versionInForce,
} from "@/lib/rules";

export interface RulesRun {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const USAGE = "usage: rules evaluate FILE|- [--program FILE]   or   rules forecast FILE|- [--until YYYY-MM-DD] [--program FILE]";

const refused = (...lines: string[]): RulesRun => ({ code: 2, stdout: "", stderr: lines.map((line) => `${line}\n`).join("") });

/** Runs one command; `readText` reads a path, or standard input for "-". */
export function runRules(args: readonly string[], readText: (file: string) => string): RulesRun {
  const [command, file, ...options] = args;
  if (command !== "evaluate" && command !== "forecast") {
    return refused(command === undefined ? USAGE : `unknown command "${command}"; ${USAGE}`);
  }
  if (file === undefined) return refused(`${command}: which file? ${USAGE}`);

  let until: string | undefined;
  let programFile: string | undefined;
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    if (command === "forecast" && option === "--until" && index + 1 < options.length) until = options[++index];
    else if (command === "forecast" && option.startsWith("--until=")) until = option.slice("--until=".length);
    else if (option === "--program" && index + 1 < options.length) programFile = options[++index];
    else if (option.startsWith("--program=")) programFile = option.slice("--program=".length);
    else return refused(`unexpected argument "${option}"; ${USAGE}`);
  }

  let program: VersionedProgram = builtInProgram;
  if (programFile !== undefined) {
    const json = readJson(programFile, readText);
    if (!json.ok) return refused(json.error);
    const parsed = parseProgramFile(json.value);
    if (!parsed.ok) return refused(...parsed.errors.map((line) => `program: ${line}`));
    program = parsed.value;
  }

  const json = readJson(file, readText);
  if (!json.ok) return refused(json.error);
  const input = parseInput(json.value, program);
  if (!input.ok) return refused(...input.errors);
  if (command === "evaluate") return printed(evaluateOn(input.value, program));
  return runForecast(input.value, program, until);
}

function readJson(file: string, readText: (file: string) => string): { ok: true; value: unknown } | { ok: false; error: string } {
  const source = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { ok: false, error: `cannot read ${source}: ${describeReadError(error)}` };
  }
  try {
    // A byte order mark is how some editors on Windows start a UTF-8 file.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    return { ok: false, error: `${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The input under the version in force on its `asOf` (its markets decide what is valid, and
 * its `competency` must be the program's id); an input without a valid date is checked by the first version.
 */
function parseInput(json: unknown, program: VersionedProgram) {
  const asOf = typeof json === "object" && json !== null && "asOf" in json ? json.asOf : undefined;
  const first = program.versions[0];
  const inForce =
    typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && (first.effectiveFrom === null || first.effectiveFrom <= asOf)
      ? versionInForce(program, asOf)
      : first;
  return parseEvaluationInput(json, inForce.definition);
}

function runForecast(input: EvaluationInput, program: VersionedProgram, until: string | undefined): RulesRun {
  if (until === undefined) return printed(forecastAcross(input, program));
  const checked = parseWith(forecastUntilSchema(input.asOf), until, ["until"]);
  return checked.ok ? printed(forecastAcross(input, program, { until: checked.value })) : refused(...checked.errors);
}

function printed(result: unknown): RulesRun {
  return { code: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
}

function describeReadError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

function main(): void {
  let run: RulesRun;
  try {
    run = runRules(process.argv.slice(2), (file) => readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (error) {
    // A bug, not a bad input: say so in one line rather than with a stack trace.
    run = { code: 1, stdout: "", stderr: `rules: internal error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.code;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
