/**
 * Fills the slots of a tier with distinct people by a maximum bipartite matching (Kuhn's
 * augmenting paths): when a slot finds every qualified candidate taken, it tries to move one of
 * them to another slot they qualify for. A greedy pass would stop there and leave the slot
 * empty.
 *
 * Each slot's search visits each candidate at most once, so the cost is
 * O(slots × candidates × slots) — linear in the number of candidates.
 *
 * @param candidateRoles for each candidate, the bit set of the role indexes it qualifies for
 * @param needed the number of slots of each role index
 * @returns for each role index, the candidates standing in its slots, in ascending order
 */
export function fillSlots(candidateRoles: readonly number[], needed: readonly number[]): number[][] {
  const slotRole: number[] = [];
  needed.forEach((count, role) => {
    for (let slot = 0; slot < count; slot++) slotRole.push(role);
  });
  const slotOfCandidate = new Int32Array(candidateRoles.length).fill(-1);
  let visited = new Uint8Array(candidateRoles.length);

  const augment = (slot: number): boolean => {
    const roleBit = 1 << slotRole[slot];
    for (let candidate = 0; candidate < candidateRoles.length; candidate++) {
      if ((candidateRoles[candidate] & roleBit) === 0 || visited[candidate] === 1) continue;
      visited[candidate] = 1;
      const taken = slotOfCandidate[candidate];
      if (taken === -1 || augment(taken)) {
        slotOfCandidate[candidate] = slot;
        return true;
      }
    }
    return false;
  };

  for (let slot = 0; slot < slotRole.length; slot++) {
    if (augment(slot)) visited = new Uint8Array(candidateRoles.length);
  }

  const filled = needed.map((): number[] => []);
  slotOfCandidate.forEach((slot, candidate) => {
    if (slot !== -1) filled[slotRole[slot]].push(candidate);
  });
  return filled;
}
