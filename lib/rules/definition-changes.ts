import type { ProgramDefinition } from "./definition";
import type { DefinitionFileJson } from "./program-file";

/** One field that differs between two definitions, at its path (`catalogue[MB2-712].acceptedUntil`). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Lists are compared by their items' keys (exam code, id), so that a change reads as what it is, not as a shift. */
const keys: Record<string, string> = { catalogue: "code", groups: "id", roles: "id", tiers: "id" };

/**
 * Every field that differs between two definitions (as files or as the rules take them), for
 * the audit trail of a draft and a publication and for the impact of a draft.
 */
export function definitionChanges<D extends DefinitionFileJson | ProgramDefinition>(before: D, after: D): FieldChange[] {
  const changes: FieldChange[] = [];
  compare(before, after, "", changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const key = keys[path];
  if (key && Array.isArray(before) && Array.isArray(after)) {
    const byKey = (items: unknown[]) => new Map(items.map((item) => [String((item as Record<string, unknown>)[key]), item]));
    const [was, is] = [byKey(before), byKey(after)];
    for (const [name, item] of was) compare(item, is.get(name), `${path}[${name}]`, changes);
    for (const [name, item] of is) if (!was.has(name)) compare(undefined, item, `${path}[${name}]`, changes);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      compare(before[field], after[field], path ? `${path}.${field}` : field, changes);
    }
    return;
  }
  changes.push({ path, before: before ?? null, after: after ?? null });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
