/**
 * `npm run bench:rules`: how validate + evaluate compares with `JSON.parse` of the same input,
 * and how it grows with ten times the input. Targets (issue 4): validate + evaluate at most
 * 1.5 × JSON.parse, growth at most 12× for 10× the input. The last line is the first ratio.
 */
import { evaluate, parseEvaluationInput } from "@/lib/rules";

const CODES = [
  "MB2-714",
  "MB2-713",
  "MB2-709",
  "MB2-717",
  "MB2-718",
  "MB2-877",
  "MB2-710",
  "MB2-706",
  "MB2-715",
  "MB2-712",
  "MB2-707",
  "MB2-716",
];

/** A deterministic organization: about 3 passes a person, some departures, credits and unknown codes. */
function organization(people: number, revenueLines: number): string {
  let seed = 42;
  const random = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const day = (year: number) => `${year}-${String(1 + random(12)).padStart(2, "0")}-${String(1 + random(28)).padStart(2, "0")}`;
  return JSON.stringify({
    competency: "cloud-crm",
    asOf: "2018-06-30",
    market: "developed",
    people: Array.from({ length: people }, (_, index) => ({
      id: `person-${index}`,
      name: `Person ${index}`,
      leftOn: random(10) === 0 ? day(2018) : null,
      exams: Array.from({ length: 1 + random(5) }, (_, pass) => ({
        id: `pass-${index}-${pass}`,
        code: random(50) === 0 ? "XX-000" : CODES[random(CODES.length)],
        passedOn: day(2016 + random(3)),
      })),
    })),
    revenue: Array.from({ length: revenueLines }, (_, index) => ({
      id: `line-${index}`,
      customer: `Customer ${random(1000)}`,
      product: random(5) === 0 ? "office-365" : "crm-online",
      amountUsd: (random(2_000_000) - 200_000) / 100,
      bookedOn: day(2017 + random(2)),
      dporAssociated: random(8) !== 0,
    })),
  });
}

function median(times: readonly number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

interface Timings {
  readonly parse: number[];
  readonly rules: number[];
}

/**
 * One run of the command line's own pipeline: `JSON.parse` of the text, then validate +
 * evaluate of the object it just produced, as `rules evaluate` does. Each run works on a
 * freshly parsed object, as the command line does, rather than validating one object over and
 * over: a small one would then be measured warm in the processor's caches, which a large one
 * never is. Each step pays for the garbage collection its own allocations set off.
 */
function runOnce(text: string, timings: Timings | null): void {
  const start = performance.now();
  const json: unknown = JSON.parse(text);
  const parsedAt = performance.now();
  const parsed = parseEvaluationInput(json);
  if (!parsed.ok) throw new Error(`the generated input is invalid: ${parsed.errors.slice(0, 3).join("; ")}`);
  evaluate(parsed.value);
  const end = performance.now();
  timings?.parse.push(parsedAt - start);
  timings?.rules.push(end - parsedAt);
}

function report(people: number, revenueLines: number, text: string, timings: Timings): { parse: number; rules: number } {
  const parse = median(timings.parse);
  const rules = median(timings.rules);
  console.log(
    `${people} people, ${revenueLines} revenue lines (${(text.length / 1e6).toFixed(1)} MB): ` +
      `JSON.parse ${parse.toFixed(1)} ms, validate+evaluate ${rules.toFixed(1)} ms, ratio ${(rules / parse).toFixed(2)}`,
  );
  return { parse, rules };
}

/** Medians of `runs` runs, after `warmUps` that let the JIT settle. */
function measure(people: number, revenueLines: number, runs = 15, warmUps = 5): { parse: number; rules: number } {
  const text = organization(people, revenueLines);
  const timings: Timings = { parse: [], rules: [] };
  for (let run = 0; run < warmUps + runs; run++) runOnce(text, run < warmUps ? null : timings);
  return report(people, revenueLines, text, timings);
}

const small = measure(10_000, 20_000);
const large = measure(100_000, 200_000);
console.log(`growth of validate+evaluate for 10x the input: ${(large.rules / small.rules).toFixed(2)}`);
console.log(`ratio validate+evaluate / JSON.parse: ${(small.rules / small.parse).toFixed(2)}`);
