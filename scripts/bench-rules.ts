/**
 * `npm run bench:rules`: how validate + evaluate compares with `JSON.parse` of the same input,
 * and how it grows with ten times the input. Targets (issue 4): validate + evaluate at most
 * 1.5 × JSON.parse, growth at most 12× for 10× the input. The last line is the first ratio.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { evaluate, parseEvaluationInput } from "@/lib/rules";

// Each timed run starts from a collected heap, so that it does not pay for the garbage of the
// runs before it: without this the medians wander by ±30%.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const CODES = ["MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877", "MB2-710", "MB2-706", "MB2-715", "MB2-712", "MB2-707", "MB2-716"];

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

/** Median milliseconds of `runs` timed runs, after a few untimed ones. */
function median(run: () => void, runs = 9, warmUps = 3): number {
  for (let index = 0; index < warmUps; index++) run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    collectGarbage();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function measure(people: number, revenueLines: number): { parse: number; rules: number } {
  const text = organization(people, revenueLines);
  const json: unknown = JSON.parse(text);
  const parse = median(() => JSON.parse(text));
  const rules = median(() => {
    const parsed = parseEvaluationInput(json);
    if (!parsed.ok) throw new Error(`the generated input is invalid: ${parsed.errors.slice(0, 3).join("; ")}`);
    evaluate(parsed.value);
  });
  console.log(
    `${people} people, ${revenueLines} revenue lines (${(text.length / 1e6).toFixed(1)} MB): ` +
      `JSON.parse ${parse.toFixed(1)} ms, validate+evaluate ${rules.toFixed(1)} ms, ratio ${(rules / parse).toFixed(2)}`,
  );
  return { parse, rules };
}

const small = measure(10_000, 20_000);
const large = measure(100_000, 200_000);
console.log(`growth of validate+evaluate for 10x the input: ${(large.rules / small.rules).toFixed(2)}`);
console.log(`ratio validate+evaluate / JSON.parse: ${(small.rules / small.parse).toFixed(2)}`);
