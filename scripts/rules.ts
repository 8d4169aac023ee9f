/**
 * The rules' command line (shared/contracts/rules-cli.md):
 *
 *   npm run --silent rules -- evaluate FILE|-
 *   npm run --silent rules -- forecast FILE|- [--until YYYY-MM-DD]
 *
 * Exit 0 with one JSON object on standard output; exit 2 with `path: message` lines on
 * standard error, and nothing on standard output, when the input or the command is wrong.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { evaluate, type EvaluationInput, forecast, forecastUntilSchema, parseEvaluationInput, parseWith } from "@/lib/rules";

export interface RulesRun {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const USAGE = "usage: rules evaluate FILE|-   or   rules forecast FILE|- [--until YYYY-MM-DD]";

const refused = (...lines: string[]): RulesRun => ({ code: 2, stdout: "", stderr: lines.map((line) => `${line}\n`).join("") });

/** Runs one command; `readText` reads a path, or standard input for "-". */
export function runRules(args: readonly string[], readText: (file: string) => string): RulesRun {
  const [command, file, ...options] = args;
  if (command !== "evaluate" && command !== "forecast") {
    return refused(command === undefined ? USAGE : `unknown command "${command}"; ${USAGE}`);
  }
  if (file === undefined) return refused(`${command}: which file? ${USAGE}`);

  let until: string | undefined;
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    if (command === "forecast" && option === "--until" && index + 1 < options.length) until = options[++index];
    else if (command === "forecast" && option.startsWith("--until=")) until = option.slice("--until=".length);
    else return refused(`unexpected argument "${option}"; ${USAGE}`);
  }

  const source = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return refused(`cannot read ${source}: ${describeReadError(error)}`);
  }
  let json: unknown;
  try {
    // A byte order mark is how some editors on Windows start a UTF-8 file.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return refused(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }

  const input = parseEvaluationInput(json);
  if (!input.ok) return refused(...input.errors);
  if (command === "evaluate") return printed(evaluate(input.value));
  return runForecast(input.value, until);
}

function runForecast(input: EvaluationInput, until: string | undefined): RulesRun {
  if (until === undefined) return printed(forecast(input));
  const checked = parseWith(forecastUntilSchema(input.asOf), until, ["until"]);
  return checked.ok ? printed(forecast(input, { until: checked.value })) : refused(...checked.errors);
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
