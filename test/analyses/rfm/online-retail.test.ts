/**
 * RFM on the real UCI Online Retail data, checked against an independent computation: the raw CSV
 * rows are read with DuckDB's read_csv (no loader, no RFM SQL), then cleaned, aggregated, scored
 * and named in plain JS loops, with the tie rule written as its sequential definition and the
 * segment grid written out by hand.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { rfm, rfmCustomers, type RfmResult } from '../../../src/analyses/rfm/index.js';
import { STANDARD_GRID } from '../../helpers/rfm-grid.js';

const path = fileURLToPath(new URL('../../../../shared/data/online_retail.csv.gz', import.meta.url));
const present = existsSync(path);
if (!present) console.warn(`skipping Online Retail RFM tests: ${path} not found`);

interface Ref {
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

const GRID = STANDARD_GRID;

/** Scores by the documented rule, written sequentially: base ceil(5·share ≤ value), then gaps closed. */
function scores(values: number[], bins = 5): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  const n = values.length;
  const d = distinct.length;
  const out = new Map<number, number>();
  let cum = 0;
  let prev = 0;
  distinct.forEach((v, i) => {
    cum += counts.get(v)!;
    const base = Math.ceil((bins * cum) / n - 1e-12);
    if (d < bins) return out.set(v, base);
    const a = Math.max(base, bins - (d - 1 - i));
    prev = i === 0 ? 1 : Math.min(prev + 1, a);
    out.set(v, prev);
  });
  return out;
}

async function reference(wb: Workbench): Promise<Map<string, Ref>> {
  const raw = await wb.query<{
    inv: string;
    stock: string;
    descr: string | null;
    qty: string;
    date: string;
    price: string;
    cust: string;
    country: string;
  }>(
    `select InvoiceNo as inv, StockCode as stock, Description as descr, Quantity as qty, InvoiceDate as date,
       UnitPrice as price, CustomerID as cust, Country as country
     from read_csv($path, all_varchar = true) where CustomerID is not null`,
    { path },
  );
  const seen = new Set<string>();
  const acc = new Map<string, { orders: Set<string>; money: number; last: string }>();
  for (const x of raw) {
    const key = JSON.stringify(x);
    if (seen.has(key)) continue; // exact duplicate row
    seen.add(key);
    const amount = Math.round(Number(x.qty) * Number(x.price) * 1e6) / 1e6;
    if (amount === 0) continue;
    const isReturn = x.inv.startsWith('C') || amount < 0;
    const a = acc.get(x.cust) ?? { orders: new Set<string>(), money: 0, last: '' };
    a.money += amount;
    if (!isReturn) {
      a.orders.add(x.inv);
      if (x.date > a.last) a.last = x.date;
    }
    acc.set(x.cust, a);
  }
  const asOfDay = Date.UTC(2011, 11, 10);
  const base = [...acc]
    .filter(([, a]) => a.orders.size > 0)
    .map(([id, a]) => ({
      id,
      recency: Math.round((asOfDay - Date.parse(`${a.last.slice(0, 10)}T00:00:00Z`)) / 86_400_000),
      frequency: a.orders.size,
      monetary: a.money,
    }));
  // money summed in a different order than DuckDB: round to the cent before ranking so float noise cannot split ties
  const cents = (x: number) => Math.round(x * 100);
  const rs = scores(base.map((c) => -c.recency));
  const fs = scores(base.map((c) => c.frequency));
  const ms = scores(base.map((c) => cents(c.monetary)));
  return new Map(
    base.map((c) => {
      const r = rs.get(-c.recency)!;
      const f = fs.get(c.frequency)!;
      return [c.id, { ...c, r, f, m: ms.get(cents(c.monetary))!, segment: GRID[5 - r]![f - 1]! }];
    }),
  );
}

describe.skipIf(!present)('rfm on Online Retail (asOf 2011-12-10)', () => {
  let wb: Workbench;
  let result: RfmResult;
  let ref: Map<string, Ref>;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, path, { preset: 'online-retail' });
    result = await rfm(wb, { asOf: new Date('2011-12-10T00:00:00Z') });
    ref = await reference(wb);
  });
  afterAll(() => wb?.close());

  it('scores the same customers as the independent computation', () => {
    expect(result.customerCount).toBe(ref.size);
    expect(result.customerCount).toBe(4338);
  });

  it('has enough data for RFM: 4,338 customers (≥ 50) and 374 days of history (≥ 180)', () => {
    expect(result.sufficiency).toEqual({
      ok: true,
      checks: [
        { name: 'customers', value: 4338, minimum: 50 },
        { name: 'historyDays', value: 374, minimum: 180 },
      ],
    });
  });

  it('gives named customers the independently computed R, F, M values and scores', async () => {
    // 14646: largest spender; 12346: one order fully returned; 17850: many returns; 12350: one order
    const ids = ['12346', '12350', '14646', '17850'];
    const rows = await rfmCustomers(wb, { customerIds: ids });
    for (const row of rows) {
      const want = ref.get(row.customer_id)!;
      expect([row.recency_days, row.frequency, row.r, row.f, row.m, row.segment]).toEqual([
        want.recency,
        want.frequency,
        want.r,
        want.f,
        want.m,
        want.segment,
      ]);
      expect(row.monetary).toBeCloseTo(want.monetary, 6);
    }
    const [top] = await rfmCustomers(wb, { orderBy: 'monetary', limit: 1 });
    expect(top?.customer_id).toBe('14646');
    expect(
      rows.map((x) => [x.customer_id, x.recency_days, x.frequency, Math.round(x.monetary * 100) / 100, x.rfm_code]),
    ).toEqual([
      ['12346', 326, 1, 0, '111'],
      ['12350', 311, 1, 334.4, '112'],
      ['14646', 2, 73, 279489.02, '555'],
      ['17850', 373, 34, 5303.48, '155'],
    ]);
  });

  it('puts as many customers in each segment as the independent computation', () => {
    console.info(
      `Online Retail RFM: ${result.customerCount} customers; ${result.segments.map((s) => `${s.key} ${s.customers}`).join(', ')}`,
    );
    const counts = new Map<string, number>();
    for (const c of ref.values()) counts.set(c.segment, (counts.get(c.segment) ?? 0) + 1);
    expect(result.segments.map((s) => [s.key, s.customers])).toEqual(
      result.segments.map((s) => [s.key, counts.get(s.key) ?? 0]),
    );
    expect(Object.fromEntries(result.segments.map((s) => [s.key, s.customers]))).toEqual({
      champions: 604,
      loyal: 688,
      'potential-loyalists': 484,
      new: 67,
      promising: 169,
      'need-attention': 121,
      'about-to-sleep': 478,
      'at-risk': 328,
      'cant-lose': 64,
      hibernating: 1335,
    });
  });
});
