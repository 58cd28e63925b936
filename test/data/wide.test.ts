/**
 * Wide files: thousands of columns of which four are mapped. The row hash behind exact duplicates is taken
 * in groups of columns, so a 1.2 MB file with 5,000 columns loads within the default 500MB.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLines } from '../helpers/data.js';
import { Workbench } from '../../src/workbench.js';
import { HASH_GROUP, loadTransactions } from '../../src/data/load.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-wide-')); });
afterEach(() => wb.close());

/** A header of `columns` names (the four mapped first) and rows whose other cells are `cell(row, column)`. */
function wide(name: string, columns: number, rows: number, cell: (r: number, c: number) => string): string {
  const lines = [['customer_id', 'order_id', 'order_date', 'amount', ...Array.from({ length: columns - 4 }, (_, i) => `c${i}`)].join(',')];
  for (let r = 0; r < rows; r++) {
    lines.push([`C${r % 30}`, `O${r}`, `2011-01-${String(1 + (r % 28)).padStart(2, '0')}`, `${(r % 50) + 1}.50`,
      ...Array.from({ length: columns - 4 }, (_, c) => cell(r, c))].join(','));
  }
  return writeLines(dir, name, lines);
}

describe('a file with 5,000 columns', () => {
  it('loads within the default memory limit (1.2 MB, 120 rows)', async () => {
    const path = wide('wide.csv', 5000, 120, (r, c) => String((r + c) % 10));
    expect(statSync(path).size).toBeGreaterThan(1_200_000);
    const r = await loadTransactions(wb, path);
    expect(r.rowsRead).toBe(120);
    expect(r.rowsLoaded).toBe(120);
    expect(r.setAside).toEqual([]);
  }, 60_000);

  it('still finds exact duplicates by every column, also past the first group of columns', async () => {
    expect(HASH_GROUP).toBeLessThan(2500);
    const header = ['customer_id', 'order_id', 'order_date', 'amount', ...Array.from({ length: 2496 }, (_, i) => `c${i}`)].join(',');
    const row = (last: string) => ['C1', 'O1', '2011-01-05', '12.50', ...Array.from({ length: 2495 }, (_, i) => String(i % 10)), last].join(',');
    // lines 2 and 3 are equal in every column; line 4 differs from them only in the last column
    const r = await loadTransactions(wb, writeLines(dir, 'dups.csv', [header, row('a'), row('a'), row('b')]));
    expect(r.setAside).toEqual([{ reason: 'duplicate', count: 1, examples: [3] }]);
    expect(r.rowsLoaded).toBe(2);
  }, 60_000);
});
