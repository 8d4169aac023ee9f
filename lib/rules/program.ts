import { dayNumber, isCalendarDate } from "./dates";
import type { CatalogueExam, ProgramDefinition, Tier } from "./definition";

/**
 * A program definition indexed for the engine: groups and roles become bits, so that "holds
 * every group of the role" is one mask comparison per person.
 */
export interface Program {
  readonly definition: ProgramDefinition;
  readonly examByCode: ReadonlyMap<string, IndexedExam>;
  /** Role index to the bit mask of the groups it needs. */
  readonly roleGroups: readonly number[];
  /** Role index to the indexes of the groups it needs, in the definition's order. */
  readonly roleGroupIndexes: readonly (readonly number[])[];
  readonly tiers: readonly IndexedTier[];
  readonly countingProducts: ReadonlySet<string>;
  /** The most slots any tier has: no matching ever needs more people of one kind. */
  readonly maxTotalSlots: number;
}

export interface IndexedExam {
  readonly exam: CatalogueExam;
  readonly groupIndex: number;
  readonly groupBit: number;
  /** The day number after the exam's last accepted day; Infinity when it has none. */
  readonly endDay: number;
}

export interface IndexedTier {
  readonly tier: Tier;
  /** Slots per role index. */
  readonly needed: readonly number[];
  readonly totalSlots: number;
}

/** Bits of a 32-bit integer that `1 << i` can use without reaching the sign bit. */
const MAX_BITS = 30;

const indexed = new WeakMap<ProgramDefinition, Program>();

/** The indexed form of a definition, built once per definition object. */
export function programOf(definition: ProgramDefinition): Program {
  let program = indexed.get(definition);
  if (!program) {
    program = indexProgram(definition);
    indexed.set(definition, program);
  }
  return program;
}

function indexProgram(definition: ProgramDefinition): Program {
  const fail = (message: string): never => {
    throw new Error(`program definition "${definition.id}": ${message}`);
  };
  const groupIndex = indexById(definition.groups, "group", fail);
  const roleIndex = indexById(definition.roles, "role", fail);
  const indexOfGroup = (group: string, owner: string) => groupIndex.get(group) ?? fail(`${owner} names unknown group "${group}"`);

  const examByCode = new Map<string, IndexedExam>();
  for (const exam of definition.catalogue) {
    if (exam.code !== exam.code.trim().toUpperCase()) fail(`exam code "${exam.code}" must be trimmed upper case`);
    if (examByCode.has(exam.code)) fail(`exam "${exam.code}" is listed twice`);
    const group = indexOfGroup(exam.group, `exam "${exam.code}"`);
    for (const date of [exam.availableFrom, exam.retiredOn, exam.acceptedUntil]) {
      if (date !== null && !isCalendarDate(date)) fail(`exam "${exam.code}" has an invalid date "${date}"`);
    }
    if (exam.retiredOn !== null && exam.acceptedUntil !== null && exam.acceptedUntil < exam.retiredOn) {
      fail(`exam "${exam.code}" stops being accepted before it retires`);
    }
    const endDay = exam.acceptedUntil === null ? Infinity : dayNumber(exam.acceptedUntil) + 1;
    examByCode.set(exam.code, { exam, groupIndex: group, groupBit: 1 << group, endDay });
  }

  const roleGroupIndexes = definition.roles.map((role) => {
    if (role.groups.length === 0) fail(`role "${role.id}" needs no group`);
    return role.groups.map((group) => indexOfGroup(group, `role "${role.id}"`));
  });
  const roleGroups = roleGroupIndexes.map((groups) => groups.reduce((mask, group) => mask | (1 << group), 0));

  const tiers = definition.tiers.map((tier) => {
    for (const roleId of Object.keys(tier.slots)) {
      if (!roleIndex.has(roleId)) fail(`tier "${tier.id}" has slots for unknown role "${roleId}"`);
    }
    for (const market of definition.markets) {
      if (!Number.isSafeInteger(tier.revenueThresholdCents[market])) {
        fail(`tier "${tier.id}" has no revenue threshold for market "${market}"`);
      }
    }
    const needed = definition.roles.map((role) => tier.slots[role.id] ?? 0);
    if (needed.some((count) => !Number.isSafeInteger(count) || count < 0)) {
      fail(`tier "${tier.id}" has a slot count that is not a whole number`);
    }
    return { tier, needed, totalSlots: needed.reduce((sum, count) => sum + count, 0) };
  });
  if (tiers.length === 0) fail("no tier");
  if (definition.markets.length === 0) fail("no market");
  if (!Number.isInteger(definition.revenueWindowYears) || definition.revenueWindowYears < 1) {
    fail("the revenue window must be a whole number of years");
  }

  return {
    definition,
    examByCode,
    roleGroups,
    roleGroupIndexes,
    tiers,
    countingProducts: new Set(definition.countingProducts),
    maxTotalSlots: Math.max(...tiers.map((tier) => tier.totalSlots)),
  };
}

function indexById(items: readonly { readonly id: string }[], kind: string, fail: (message: string) => never): Map<string, number> {
  if (items.length > MAX_BITS) fail(`more than ${MAX_BITS} ${kind}s`);
  const indexes = new Map<string, number>();
  items.forEach((item, index) => {
    if (indexes.has(item.id)) fail(`${kind} "${item.id}" is listed twice`);
    indexes.set(item.id, index);
  });
  return indexes;
}
