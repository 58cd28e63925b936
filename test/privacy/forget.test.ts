import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { generateSample } from '../../src/sample/index.js';
import { forgetCustomers } from '../../src/privacy/forget.js';
import { isWorkbenchError } from '../../src/errors.js';

const GONE = ['C0000007', 'C0000123'];

async function rowsOf(wb: Workbench, ids: readonly string[]): Promise<Record<string, number>> {
  const tables = await wb.query<{ table_name: string }>(
    `select table_name from information_schema.columns where column_name = 'customer_id' and table_schema = 'main' order by 1`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [r] = await wb.query<{ n: number }>(
      `select count(*) as n from "${table_name}" where customer_id in ($a, $b)`,
      { a: ids[0]!, b: ids[1]! },
    );
    out[table_name] = Number(r?.n);
  }
  return out;
}

describe('forgetCustomers', () => {
  it('removes two customers from every table of a persisted workbench and says how many rows per table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-forget-'));
    const s = await generateSample({ customers: 300, seed: 3, out: join(dir, 's.csv') });
    const path = join(dir, 'work.duckdb');
    let wb = await Workbench.open({ path });
    let before: Record<string, number>;
    try {
      await runPipeline(wb, { file: s.transactionsFile, customers: s.customersFile });
      before = await rowsOf(wb, GONE);
      // the pipeline's per-customer tables hold both customers: one row each, several order lines in transactions
      expect(before).toMatchObject({ customers: 2, rfm: 2, clusters: 2 });
      expect(before['transactions']).toBeGreaterThan(2);
      const r = await forgetCustomers(wb, [...GONE, 'C0000123', 'nobody']);
      expect(r.customers).toBe(3);
      expect(r.found).toBe(2);
      // every table with the customers, temp tables of the session (the analyses' _swb_*_base, the shared per-customer aggregates) included
      expect(r.removed).toEqual(before);
      expect(Object.keys(r.removed)).toEqual(
        expect.arrayContaining(['clusters', 'customers', 'migration', 'rfm', 'transactions']),
      );
    } finally {
      wb.close();
    }
    wb = await Workbench.open({ path });
    try {
      const after = await rowsOf(wb, GONE);
      // the temp tables ended with the session (loyalty and journey are temp tables too); every persisted table is still there, without the two
      expect(Object.keys(after)).toEqual(
        Object.keys(before).filter(
          (t) =>
            !/^(_swb_(kpi_base|seg_base|customer_aggregate_\d+|order_aggregate_\d+|order_day_gaps_\d+)|loyalty|journey)$/.test(
              t,
            ),
        ),
      );
      expect(Object.values(after).every((n) => n === 0)).toBe(true);
      const [other] = await wb.query<{ n: number }>(`select count(*) as n from customers`);
      expect(Number(other?.n)).toBe(298);
    } finally {
      wb.close();
    }
  }, 120_000);

  it('rejects ids that are not a list of strings or numbers', async () => {
    const wb = await Workbench.open();
    try {
      await expect(forgetCustomers(wb, 'C0000007' as unknown as string[])).rejects.toSatisfy((e: unknown) =>
        isWorkbenchError(e, 'BAD_OPTION'),
      );
    } finally {
      wb.close();
    }
  });
});
