/**
 * The Hungarian method (Kuhn–Munkres with potentials, O(rows² × columns)): gives each row a
 * distinct column so that the total cost is the least possible. Exact for integer costs.
 *
 * @param cost `cost[row][column]`, finite, with at least as many columns as rows
 * @returns for each row, its column
 */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : cost[0].length;
  if (columns < rows) throw new RangeError(`${rows} rows cannot each get one of ${columns} columns`);

  // 1-based, with row 0 / column 0 as the virtual start of each augmenting path.
  const rowPotential = new Float64Array(rows + 1);
  const columnPotential = new Float64Array(columns + 1);
  const rowOfColumn = new Int32Array(columns + 1);
  const previousColumn = new Int32Array(columns + 1);

  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const slack = new Float64Array(columns + 1).fill(Infinity);
    const used = new Uint8Array(columns + 1);
    do {
      used[column] = 1;
      const current = rowOfColumn[column];
      let delta = Infinity;
      let next = 0;
      for (let candidate = 1; candidate <= columns; candidate++) {
        if (used[candidate] === 1) continue;
        const reduced = cost[current - 1][candidate - 1] - rowPotential[current] - columnPotential[candidate];
        if (reduced < slack[candidate]) {
          slack[candidate] = reduced;
          previousColumn[candidate] = column;
        }
        if (slack[candidate] < delta) {
          delta = slack[candidate];
          next = candidate;
        }
      }
      for (let candidate = 0; candidate <= columns; candidate++) {
        if (used[candidate] === 1) {
          rowPotential[rowOfColumn[candidate]] += delta;
          columnPotential[candidate] -= delta;
        } else {
          slack[candidate] -= delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = previousColumn[column];
      rowOfColumn[column] = rowOfColumn[previous];
      column = previous;
    } while (column !== 0);
  }

  const columnOfRow = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) {
    if (rowOfColumn[column] !== 0) columnOfRow[rowOfColumn[column] - 1] = column - 1;
  }
  return columnOfRow;
}
