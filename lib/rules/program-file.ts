import * as z from "zod";
import type { CatalogueExam, ProgramDefinition } from "./definition";
import { centsFromUsd, hasAtMostTwoDecimals, usdFromCents } from "./money";
import { calendarDateSchema } from "./schema";
import { type Parsed, parseWith } from "./validation";
import type { ProgramVersion, VersionedProgram } from "./versions";

/**
 * The program's JSON (shared/contracts/program-definition.md): what program administrators
 * export and import, what the database stores per version and what `rules --program` reads.
 * Unknown fields are refused, so that a misspelt one is never silently ignored.
 */

export const PROGRAM_LIMITS = {
  versions: 50,
  exams: 200,
  // Groups and roles become bits of a 32-bit mask (program.ts).
  groups: 30,
  roles: 30,
  markets: 10,
  tiers: 10,
  products: 20,
  idLength: 64,
  titleLength: 200,
  noteLength: 500,
  maxSlots: 100,
  maxThresholdUsd: 1_000_000_000,
} as const;

const idShape = /^[a-z0-9][a-z0-9-]*$/;
const examCodeShape = /^[A-Z0-9][A-Z0-9-]*$/;

const id = z
  .string()
  .max(PROGRAM_LIMITS.idLength, `at most ${PROGRAM_LIMITS.idLength} characters`)
  .regex(idShape, "lower-case letters, digits and dashes, starting with a letter or digit");

const title = z.strictObject({
  en: z.string().trim().min(1, "required").max(PROGRAM_LIMITS.titleLength, `at most ${PROGRAM_LIMITS.titleLength} characters`),
  fr: z.string().trim().min(1, "required").max(PROGRAM_LIMITS.titleLength, `at most ${PROGRAM_LIMITS.titleLength} characters`),
});

const optionalDate = calendarDateSchema.nullable();

const examSchema = z.strictObject({
  code: z
    .string()
    .max(20, "at most 20 characters")
    .transform((code) => code.trim().toUpperCase())
    .pipe(z.string().regex(examCodeShape, "letters, digits and dashes")),
  group: id,
  title,
  availableFrom: optionalDate,
  retiredOn: optionalDate,
  acceptedUntil: optionalDate,
});

const slotCount = z
  .number("not a whole number")
  .int("not a whole number")
  .min(0, "at least 0")
  .max(PROGRAM_LIMITS.maxSlots, `at most ${PROGRAM_LIMITS.maxSlots}`);

const thresholdUsd = z
  .number("not an amount")
  .min(0, "at least 0")
  .max(PROGRAM_LIMITS.maxThresholdUsd, `at most ${PROGRAM_LIMITS.maxThresholdUsd}`)
  .refine(hasAtMostTwoDecimals, "at most 2 decimals");

const tierSchema = z.strictObject({
  id,
  title,
  slots: z.record(id, slotCount),
  revenueThresholdUsd: z.record(id, thresholdUsd),
});

const definitionFileSchema = z
  .strictObject({
    title,
    catalogue: z.array(examSchema).max(PROGRAM_LIMITS.exams, `at most ${PROGRAM_LIMITS.exams} exams`),
    groups: z
      .array(z.strictObject({ id, title }))
      .min(1, "at least one group")
      .max(PROGRAM_LIMITS.groups, `at most ${PROGRAM_LIMITS.groups} groups`),
    roles: z
      .array(z.strictObject({ id, title, groups: z.array(id).min(1, "at least one group").max(PROGRAM_LIMITS.groups) }))
      .min(1, "at least one role")
      .max(PROGRAM_LIMITS.roles, `at most ${PROGRAM_LIMITS.roles} roles`),
    markets: z.array(id).min(1, "at least one market").max(PROGRAM_LIMITS.markets, `at most ${PROGRAM_LIMITS.markets} markets`),
    tiers: z.array(tierSchema).min(1, "at least one tier").max(PROGRAM_LIMITS.tiers, `at most ${PROGRAM_LIMITS.tiers} tiers`),
    revenueWindowYears: z.number("not a whole number").int("not a whole number").min(1, "from 1 to 5").max(5, "from 1 to 5"),
    countingProducts: z.array(id).max(PROGRAM_LIMITS.products, `at most ${PROGRAM_LIMITS.products} products`),
  })
  .superRefine((definition, context) => {
    const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
    const unique = (values: readonly string[], path: (index: number) => PropertyKey[]) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) issue(path(index), "listed twice");
        seen.add(value);
      });
    };
    unique(
      definition.catalogue.map((exam) => exam.code),
      (index) => ["catalogue", index, "code"],
    );
    unique(
      definition.groups.map((group) => group.id),
      (index) => ["groups", index, "id"],
    );
    unique(
      definition.roles.map((role) => role.id),
      (index) => ["roles", index, "id"],
    );
    unique(
      definition.tiers.map((tier) => tier.id),
      (index) => ["tiers", index, "id"],
    );
    unique(definition.markets, (index) => ["markets", index]);

    const groups = new Set(definition.groups.map((group) => group.id));
    const roles = new Set(definition.roles.map((role) => role.id));
    definition.catalogue.forEach((exam, index) => {
      if (!groups.has(exam.group)) issue(["catalogue", index, "group"], "names no group of the definition");
      if (exam.availableFrom && exam.retiredOn && exam.retiredOn < exam.availableFrom) {
        issue(["catalogue", index, "retiredOn"], "must be on or after availableFrom");
      }
      const lowest = exam.retiredOn ?? exam.availableFrom;
      if (lowest && exam.acceptedUntil && exam.acceptedUntil < lowest) {
        issue(["catalogue", index, "acceptedUntil"], `must be on or after ${exam.retiredOn ? "retiredOn" : "availableFrom"}`);
      }
    });
    definition.roles.forEach((role, index) => {
      role.groups.forEach((group, groupIndex) => {
        if (!groups.has(group)) issue(["roles", index, "groups", groupIndex], "names no group of the definition");
      });
    });
    definition.tiers.forEach((tier, index) => {
      for (const role of Object.keys(tier.slots)) {
        if (!roles.has(role)) issue(["tiers", index, "slots", role], "names no role of the definition");
      }
      for (const market of definition.markets) {
        if (!(market in tier.revenueThresholdUsd)) issue(["tiers", index, "revenueThresholdUsd", market], "required");
      }
      for (const market of Object.keys(tier.revenueThresholdUsd)) {
        if (!definition.markets.includes(market))
          issue(["tiers", index, "revenueThresholdUsd", market], "names no market of the definition");
      }
      const below = definition.tiers[index - 1];
      if (!below) return;
      for (const role of definition.roles) {
        if ((tier.slots[role.id] ?? 0) < (below.slots[role.id] ?? 0)) {
          issue(["tiers", index, "slots", role.id], `needs at least as much as ${below.id}`);
        }
      }
      for (const market of definition.markets) {
        const [amount, belowAmount] = [tier.revenueThresholdUsd[market], below.revenueThresholdUsd[market]];
        if (amount !== undefined && belowAmount !== undefined && amount < belowAmount) {
          issue(["tiers", index, "revenueThresholdUsd", market], `needs at least as much as ${below.id}`);
        }
      }
    });
  });

type DefinitionFile = z.output<typeof definitionFileSchema>;

function definitionOf(file: DefinitionFile, programId: string): ProgramDefinition {
  return {
    id: programId,
    title: file.title,
    catalogue: file.catalogue,
    groups: file.groups,
    roles: file.roles,
    markets: file.markets,
    tiers: file.tiers.map((tier) => ({
      id: tier.id,
      title: tier.title,
      slots: tier.slots,
      revenueThresholdCents: Object.fromEntries(
        Object.entries(tier.revenueThresholdUsd).map(([market, usd]) => [market, centsFromUsd(usd)]),
      ),
    })),
    revenueWindowYears: file.revenueWindowYears,
    countingProducts: file.countingProducts,
  };
}

const versionFileSchema = z.strictObject({
  id,
  effectiveFrom: optionalDate,
  note: z.string().max(PROGRAM_LIMITS.noteLength, `at most ${PROGRAM_LIMITS.noteLength} characters`),
  definition: definitionFileSchema,
});

const programFileSchema = z
  .strictObject({
    id,
    versions: z
      .array(versionFileSchema)
      .min(1, "at least one version")
      .max(PROGRAM_LIMITS.versions, `at most ${PROGRAM_LIMITS.versions} versions`),
  })
  .superRefine((program, context) => {
    const seen = new Set<string>();
    program.versions.forEach((version, index) => {
      const issue = (field: string, message: string) => context.addIssue({ code: "custom", path: ["versions", index, field], message });
      if (seen.has(version.id)) issue("id", "listed twice");
      seen.add(version.id);
      if (index > 0 && version.effectiveFrom === null) issue("effectiveFrom", "only the first version may be in force since always");
      const previous = program.versions[index - 1]?.effectiveFrom;
      if (index > 0 && version.effectiveFrom !== null && previous !== null && previous !== undefined && version.effectiveFrom <= previous) {
        issue("effectiveFrom", "must be after the previous version's effectiveFrom");
      }
    });
  });

/** One version's `definition` as a program file writes it, for the program `programId`. */
export function parseProgramDefinition(json: unknown, programId: string, prefix: readonly PropertyKey[] = []): Parsed<ProgramDefinition> {
  const parsed = parseWith(definitionFileSchema, json, prefix);
  return parsed.ok ? { ok: true, value: definitionOf(parsed.value, programId) } : parsed;
}

/** A whole program file; `prefix` names where it came from in error paths (`program:` on the command line). */
export function parseProgramFile(json: unknown, prefix: readonly PropertyKey[] = []): Parsed<VersionedProgram> {
  const parsed = parseWith(programFileSchema, json, prefix);
  if (!parsed.ok) return parsed;
  const versions: ProgramVersion[] = parsed.value.versions.map((version) => ({
    id: version.id,
    effectiveFrom: version.effectiveFrom,
    note: version.note,
    definition: definitionOf(version.definition, parsed.value.id),
  }));
  return { ok: true, value: { id: parsed.value.id, versions } };
}

function examFileOf(exam: CatalogueExam) {
  const { code, group, title, availableFrom, retiredOn, acceptedUntil } = exam;
  return { code, group, title, availableFrom, retiredOn, acceptedUntil };
}

/** A definition in the file's JSON: amounts back in dollars. */
export function definitionFileOf(definition: ProgramDefinition) {
  return {
    title: definition.title,
    catalogue: definition.catalogue.map(examFileOf),
    groups: definition.groups.map(({ id: groupId, title: groupTitle }) => ({ id: groupId, title: groupTitle })),
    roles: definition.roles.map(({ id: roleId, title: roleTitle, groups }) => ({ id: roleId, title: roleTitle, groups })),
    markets: definition.markets,
    tiers: definition.tiers.map((tier) => ({
      id: tier.id,
      title: tier.title,
      slots: tier.slots,
      revenueThresholdUsd: Object.fromEntries(
        Object.entries(tier.revenueThresholdCents).map(([market, cents]) => [market, usdFromCents(cents)]),
      ),
    })),
    revenueWindowYears: definition.revenueWindowYears,
    countingProducts: definition.countingProducts,
  };
}

export type DefinitionFileJson = ReturnType<typeof definitionFileOf>;

/** The program file of a versioned program. */
export function programFileOf(program: VersionedProgram) {
  return {
    id: program.id,
    versions: program.versions.map((version) => ({
      id: version.id,
      effectiveFrom: version.effectiveFrom,
      note: version.note,
      definition: definitionFileOf(version.definition),
    })),
  };
}
