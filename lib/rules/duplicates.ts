/**
 * Finds ids used twice in a list, for the input's "must be unique in the file" rule.
 *
 * A `Set` of 500,000 strings costs a heap allocation per entry and several rehashes, and at
 * that size its time grew 16× for 10× the ids in the benchmark. This open-addressing table
 * holds item indexes in one typed array sized up front: nothing per id reaches the garbage
 * collector. Its hash is seeded at random per call, so that no file can aim its ids at one
 * slot; should a probe still run long, the `Set` takes over, so the worst case stays linear.
 *
 * @returns the indexes of the items whose id an earlier item already has, ascending
 */
export function repeatedIdIndexes(items: readonly { readonly id: string }[]): number[] {
  const bits = Math.max(4, 32 - Math.clz32(items.length * 2));
  const table = new Int32Array(1 << bits).fill(-1);
  const mask = table.length - 1;
  const seed = (Math.random() * 0x1_0000_0000) | 0;
  const repeated: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const id = items[index].id;
    let slot = hash(id, seed) >>> (32 - bits);
    for (let probe = 0; ; probe++) {
      const other = table[slot];
      if (other === -1) {
        table[slot] = index;
        break;
      }
      if (items[other].id === id) {
        repeated.push(index);
        break;
      }
      if (probe === MAX_PROBES) return repeatedIdIndexesWithSet(items);
      slot = (slot + 1) & mask;
    }
  }
  return repeated;
}

/** Far beyond what a table at most half full meets with a seeded hash. */
const MAX_PROBES = 64;

function repeatedIdIndexesWithSet(items: readonly { readonly id: string }[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id)) repeated.push(index);
    else seen.add(item.id);
  });
  return repeated;
}

/** FNV-1a over UTF-16 code units from a random basis, then a multiplicative mix for the high bits. */
function hash(text: string, seed: number): number {
  let value = seed ^ 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return Math.imul(value ^ (value >>> 15), 0x2c1b3c6d);
}
