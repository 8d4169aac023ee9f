import type { Translate } from "@/lib/actions/action";

/** The contract's rule messages (lib/rules/program-file.ts, in English for the command line) as message keys. */
const rules: [RegExp, string, (match: RegExpMatchArray) => Record<string, string | number>][] = [
  [/^required$/, "errors.required", () => ({})],
  [/^not a whole number$/, "program.rules.wholeNumber", () => ({})],
  [/^not an amount$/, "program.rules.amount", () => ({})],
  [/^listed twice$/, "program.rules.listedTwice", () => ({})],
  [/^names no (group|role|market) of the definition$/, "program.rules.unknown", (match) => ({ kind: match[1] })],
  [/^must be on or after (\w+)$/, "program.rules.onOrAfter", (match) => ({ field: match[1] })],
  [/^needs at least as much as (.+)$/, "program.rules.atLeastBelow", (match) => ({ tier: match[1] })],
  [/^at most 2 decimals$/, "program.rules.twoDecimals", () => ({})],
  [/^from 1 to 5$/, "program.rules.window", () => ({})],
  [/^at least (\d+)$/, "errors.tooSmall", (match) => ({ minimum: Number(match[1]) })],
  [/^at most (\d+)/, "errors.tooBig", (match) => ({ maximum: Number(match[1]) })],
  [/^at least one/, "errors.required", () => ({})],
  [/^not a calendar date$/, "errors.invalid", () => ({})],
];

function localize(message: string, t: Translate): string {
  if (t.has(message)) return t(message);
  for (const [pattern, key, values] of rules) {
    const match = message.match(pattern);
    if (match) return t(key, values(match));
  }
  return t("program.rules.other", { message });
}

/** A path under the edited element, as the name of the form's field: `title.en` is `titleEn`, `slots.gold` is `slot.gold`. */
function fieldOf(rest: string): string {
  if (rest === "title.en") return "titleEn";
  if (rest === "title.fr") return "titleFr";
  if (rest.startsWith("slots.")) return `slot.${rest.slice("slots.".length)}`;
  if (rest.startsWith("revenueThresholdUsd.")) return `threshold.${rest.slice("revenueThresholdUsd.".length)}`;
  return rest.replace(/\[\d+\].*$/, "").replace(/\..*$/, "");
}

/**
 * The problems of a draft, in the visitor's language: those under `at` (what the form edited)
 * at the form's fields, the others in the message with their JSON path.
 */
export function localizeDraftProblems(problems: readonly { path: string; message: string }[], at: string, t: Translate) {
  const fieldErrors: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const { path, message } of problems) {
    const text = localize(message, t);
    const under =
      path === "effectiveFrom" || path === "versionId" ? path : path.startsWith(`${at}.`) ? fieldOf(path.slice(at.length + 1)) : null;
    if (under) fieldErrors[under] = [...(fieldErrors[under] ?? []), text];
    else elsewhere.push(`${path}: ${text}`);
  }
  const message =
    elsewhere.length > 0 ? t("program.errors.elsewhere", { problems: elsewhere.slice(0, 5).join(" · ") }) : t("errors.checkFields");
  return { message, fieldErrors };
}
