import type { Translate } from "@/lib/actions/action";
import type { DefinitionFileJson } from "@/lib/rules";

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

/** A field of the definition by the label its form gives it (`retiredOn` is "Retired on"), or as named. */
function fieldLabel(field: string, t: Translate): string {
  const key = `program.definition.${field}`;
  return t.has(key) ? t(key) : field;
}

function localize(message: string, t: Translate): string {
  if (t.has(message)) return t(message);
  for (const [pattern, key, values] of rules) {
    const match = message.match(pattern);
    if (!match) continue;
    const params = values(match);
    return t(key, typeof params.field === "string" ? { ...params, field: fieldLabel(params.field, t) } : params);
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

const listsOfDefinition = { catalogue: "exam", tiers: "tier", groups: "group", roles: "role" } as const;

/** A field of an element: a tier's places and thresholds are per role and per market. */
function elementField(field: string, key: string | undefined, t: Translate): string {
  if (field === "slots" && key) return t("program.places.slots", { role: key });
  if (field === "revenueThresholdUsd" && key) return t("program.definition.threshold", { market: key });
  return fieldLabel(field, t);
}

/**
 * Where in the definition a problem is, as its pages name it: `definition.catalogue[3].retiredOn`
 * is "Exam MB2-716, Retired on"; a path the definition does not explain is shown as it is.
 */
function placeOf(path: string, definition: DefinitionFileJson | undefined, t: Translate): string {
  const whole = path.match(/^definition\.(revenueWindowYears|countingProducts|markets)\b/);
  if (whole) return t(`program.places.${whole[1]}`);
  const match = path.match(/^definition\.(catalogue|tiers|groups|roles)\[(\d+)\](?:\.(\w+)(?:\.([\w-]+))?)?/);
  if (!match || !definition) return path;
  const list = match[1] as keyof typeof listsOfDefinition;
  const item = (definition[list] as readonly ({ code: string } | { id: string })[] | undefined)?.[Number(match[2])];
  if (!item) return path;
  const place = t(`program.places.${listsOfDefinition[list]}`, { name: "code" in item ? item.code : item.id });
  return match[3] ? t("program.places.field", { place, field: elementField(match[3], match[4], t) }) : place;
}

/**
 * The problems of a draft, in the visitor's language: those under `at` (what the form edited)
 * at the form's fields, the others in the message with their place in `definition`.
 */
export function localizeDraftProblems(
  problems: readonly { path: string; message: string }[],
  at: string,
  t: Translate,
  definition?: DefinitionFileJson,
) {
  const fieldErrors: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const { path, message } of problems) {
    const text = localize(message, t);
    const under =
      path === "effectiveFrom" || path === "versionId" ? path : path.startsWith(`${at}.`) ? fieldOf(path.slice(at.length + 1)) : null;
    if (under) fieldErrors[under] = [...(fieldErrors[under] ?? []), text];
    else elsewhere.push(t("program.places.problem", { place: placeOf(path, definition, t), problem: text }));
  }
  const message =
    elsewhere.length > 0 ? t("program.errors.elsewhere", { problems: elsewhere.slice(0, 5).join(" · ") }) : t("errors.checkFields");
  return { message, fieldErrors };
}
