import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample, plantedRetention, PLANTED_CLUSTERS } from '../../src/sample/index.js';
import { Workbench } from '../../src/workbench.js';
import { loadCustomers } from '../../src/data/customers.js';
import { loadTransactions } from '../../src/data/load.js';

describe('generateSample', () => {
  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-sample-'));
    const a = await generateSample({ customers: 500, seed: 7, out: join(dir, 'a.csv') });
    const b = await generateSample({ customers: 500, seed: 7, out: join(dir, 'b.csv') });
    const c = await generateSample({ customers: 500, seed: 8, out: join(dir, 'c.csv') });
    expect(readFileSync(a.transactionsFile, 'utf8')).toBe(readFileSync(b.transactionsFile, 'utf8'));
    expect(readFileSync(a.customersFile, 'utf8')).toBe(readFileSync(b.customersFile, 'utf8'));
    expect(readFileSync(c.transactionsFile, 'utf8')).not.toBe(readFileSync(a.transactionsFile, 'utf8'));
  });

  it('writes the same bytes as before the behaviour option unless it is passed; with it, the same orders plus columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-sample-'));
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const a = await generateSample({ customers: 500, seed: 7, out: join(dir, 'a.csv') });
    // the digests of the files written before the option existed (same seed and size)
    expect(sha(a.transactionsFile)).toBe('21efe0f4818ac86076e9cf32eec54b627df8e0a3c23e7a6b5bb8ee29a075c1ce');
    expect(sha(a.customersFile)).toBe('087bf0c9842897789f76ad290293c6532437d3c1eb01d0ad2dcbd6efb45d038a');
    const b = await generateSample({ customers: 500, seed: 7, out: join(dir, 'b.csv'), behaviour: true });
    expect(b.orders).toBe(a.orders);
    expect(b.rows).toBe(a.rows);
    const [header, first] = readFileSync(b.transactionsFile, 'utf8').split('\n');
    expect(header).toBe(
      'order_id,customer_id,order_date,product_id,category,channel,quantity,unit_price,amount,payment_method,discount',
    );
    // the same order, customer and product as the default sample (the date moves for planted timing patterns)
    const keep = (l: string | undefined) => l?.split(',').filter((_, i) => i !== 2 && i < 4);
    expect(keep(first)).toEqual(keep(readFileSync(a.transactionsFile, 'utf8').split('\n')[1]));
    expect(readFileSync(b.customersFile, 'utf8').split('\n')[0]).toMatch(
      /,true_mix,true_channel,true_payment,true_price,true_timing$/,
    );
  });

  it('plants the cluster shares and loads cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-sample-'));
    const s = await generateSample({ customers: 5_000, seed: 1, out: join(dir, 's.csv') });
    const wb = await Workbench.open();
    const tx = await loadTransactions(wb, s.transactionsFile);
    expect(tx.rowsRead).toBe(s.rows);
    expect(tx.setAside).toEqual([]);
    expect(tx.customers).toBe(5_000);
    await loadCustomers(wb, s.customersFile);
    const shares = await wb.query<{ c: number; share: number }>(
      'select true_cluster as c, count(*) / 5000 as share from customers group by 1 order by 1',
    );
    for (const cl of PLANTED_CLUSTERS) {
      const measured = shares.find((x) => x.c === cl.id)?.share ?? 0;
      // binomial standard error at n = 5000 is at most 0.7 points; allow 4 SE
      expect(Math.abs(measured - cl.share)).toBeLessThan(0.03);
    }
    wb.close();
  });

  it('has a closed-form retention that is 1 at month 0 and falls with k', () => {
    expect(plantedRetention(0, 0)).toBe(1);
    expect(plantedRetention(0, 1)).toBeGreaterThan(plantedRetention(0, 6));
    // newer cohorts churn less
    expect(plantedRetention(11, 6)).toBeGreaterThan(plantedRetention(0, 6));
  });
});
