/**
 * Adjusted Rand index (Hubert & Arabie 1985): agreement between two partitions of the same items,
 * 1 for identical partitions (whatever the label names), about 0 for chance agreement. Used to
 * check that clustering recovers planted groups and to compare clusters with RFM segments.
 */

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * ARI from a contingency table (`table[i][j]` = items in group i of the first partition and group j
 * of the second). Returns 1 when both partitions are a single group (or every item is alone in both).
 * @example adjustedRandFromTable([[5, 0], [0, 5]]) // 1
 */
export function adjustedRandFromTable(table: readonly (readonly number[])[]): number {
  let sumCells = 0;
  let n = 0;
  const rowSums: number[] = [];
  const colSums: number[] = [];
  table.forEach((row, i) => {
    row.forEach((c, j) => {
      sumCells += pairs(c);
      n += c;
      rowSums[i] = (rowSums[i] ?? 0) + c;
      colSums[j] = (colSums[j] ?? 0) + c;
    });
  });
  const sumRows = rowSums.reduce((s, a) => s + pairs(a ?? 0), 0);
  const sumCols = colSums.reduce((s, b) => s + pairs(b ?? 0), 0);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}

/**
 * ARI of two labelings of the same items (equal length; labels are compared by value).
 * @example adjustedRandIndex([1, 1, 2, 2], ['a', 'a', 'b', 'b']) // 1
 */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new RangeError(`labelings differ in length: ${a.length} and ${b.length}`); // a programming error, not a reader's
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  const table: number[][] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (!rows.has(x)) rows.set(x, rows.size);
    if (!cols.has(y)) cols.set(y, cols.size);
    const r = rows.get(x) as number;
    const c = cols.get(y) as number;
    const row = (table[r] ??= []);
    row[c] = (row[c] ?? 0) + 1;
  }
  return adjustedRandFromTable(table.map((row) => Array.from({ length: cols.size }, (_, j) => row[j] ?? 0)));
}
