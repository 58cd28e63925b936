import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadCustomers } from '../../src/data/customers.js';

let wb: Workbench;
beforeEach(async () => { wb = await Workbench.open(); });
afterEach(() => wb.close());

describe('loadCustomers', () => {
  it('keeps attribute types, sets aside rows without an id and repeated ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-cust-'));
    const file = join(dir, 'klanten.csv');
    writeFileSync(file, 'Klantnummer;leeftijd;nps;regio\n1;34;9;Noord\n2;51;6;Zuid\n;40;7;Oost\n1;35;10;Noord\n3;29;8,5;West\n');
    const r = await loadCustomers(wb, file);
    expect(r.rowsRead).toBe(5);
    expect(r.rowsLoaded).toBe(3);
    expect(r.setAside).toEqual([
      { reason: 'missing_customer_id', count: 1, examples: [4] },
      { reason: 'duplicate', count: 1, examples: [5] },
    ]);
    const rows = await wb.query('select customer_id, leeftijd, nps, regio from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: '1', leeftijd: 34, nps: 9, regio: 'Noord' },
      { customer_id: '2', leeftijd: 51, nps: 6, regio: 'Zuid' },
      { customer_id: '3', leeftijd: 29, nps: 8.5, regio: 'West' },
    ]);
  });
  it('names the columns when no id column is recognised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-cust-'));
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'who,age\na,3\n');
    await expect(loadCustomers(wb, file)).rejects.toThrow('No column maps to customer_id in c.csv (columns: "who", "age")');
    expect((await loadCustomers(wb, file, { idColumn: 'who' })).rowsLoaded).toBe(1);
  });
});
