import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { rfm, rfmCustomers, rfmSegments } from '../../../src/analyses/rfm/index.js';
import { rfmSql } from '../../../src/analyses/rfm/sql.js';
import { standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import { segmentDescription, segmentName } from '../../../src/analyses/rfm/words.js';
import { STANDARD_GRID } from '../../helpers/rfm-grid.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

type Tx = [customer: string, order: string, date: string, amount: number, isReturn?: boolean];

/** Build `transactions` from a few rows, values bound as parameters. */
async function transactions(rows: Tx[]): Promise<void> {
  await wb.run(
    'create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint)',
  );
  for (const [i, [c, o, d, a, ret]] of rows.entries()) {
    await wb.run('insert into transactions values ($c, $o, $d, $a, $r, $i)', {
      c,
      o,
      d: new Date(`${d}T12:00:00Z`),
      a,
      r: ret ?? a < 0,
      i,
    });
  }
}

const GRID = STANDARD_GRID;

describe('rfm', () => {
  it('puts one customer in every R×F cell and names all 25 cells as the standard grid says', async () => {
    // customer "r<R>f<F>": F orders, the last one 10·(6-R) days before asOf; 5 customers per level ⇒ exact quintiles.
    await wb.run(`create table transactions as
      select 'r' || rr || 'f' || ff as customer_id, 'r' || rr || 'f' || ff || '-' || o as order_id,
        timestamp '2020-06-01 10:00:00' - to_days(((6 - rr) * 10 + (o - 1) * 100)::integer) as order_date,
        (10 * ff + rr)::double as amount, false as is_return, 0::bigint as source_row
      from range(1, 6) t1(rr), range(1, 6) t2(ff), range(1, 6) t3(o) where o <= ff`);
    const result = await rfm(wb, { asOf: new Date('2020-06-02T00:00:00Z') });
    expect(result.customerCount).toBe(25);
    const rows = await rfmCustomers(wb, { limit: 100 });
    for (const row of rows) {
      const [, r, f] = /^r(\d)f(\d)$/.exec(row.customer_id)!.map(Number) as [number, number, number];
      expect([row.r, row.f]).toEqual([r, f]);
      expect(row.segment).toBe(GRID[5 - r]![f - 1]);
    }
    expect(result.grid.map((c) => [c.r, c.f, c.customers, c.segment])).toEqual(
      GRID.flatMap((row, i) => row.map((seg, j) => [5 - i, j + 1, 1, seg])),
    );
    expect(result.segments.map((s) => [s.key, s.customers])).toEqual([
      ['champions', 2],
      ['loyal', 4],
      ['potential-loyalists', 4],
      ['new', 1],
      ['promising', 1],
      ['need-attention', 1],
      ['about-to-sleep', 2],
      ['at-risk', 4],
      ['cant-lose', 2],
      ['hibernating', 4],
    ]);
    expect(result.loyalty.map((l) => [l.key, l.customers])).toEqual([
      ['loyal', 6],
      ['potential', 6],
      ['at-risk', 9],
      ['lost', 4],
    ]);
    expect(result.options.asOf.toISOString()).toBe('2020-06-02T00:00:00.000Z');
    expect(result.options.asOfFromData).toBe(false);
    // Default minSize 30: every group of this 25-customer grid is too small to act on.
    expect(result.options.minSize).toBe(30);
    expect(result.segments.every((s) => s.tooSmall) && result.loyalty.every((l) => l.tooSmall)).toBe(true);
    const small = await rfm(wb, { asOf: new Date('2020-06-02T00:00:00Z'), minSize: 4, table: 'rfm_small' });
    expect(small.segments.filter((s) => !s.tooSmall).map((s) => s.key)).toEqual([
      'loyal',
      'potential-loyalists',
      'at-risk',
      'hibernating',
    ]);
    await expect(rfm(wb, { minSize: 0 })).rejects.toThrow('minSize must be a whole number ≥ 1, got 0.');
  });

  it('gives equal f to customers with equal order counts when 60% have one order', async () => {
    // 100 customers: 60 with one order, then one customer each with 2..41 orders.
    await wb.run(`create table transactions as
      select 'c' || lpad(c::varchar, 3, '0') as customer_id, c || '-' || o as order_id,
        timestamp '2021-01-01' + to_days((c + o)::integer) as order_date, 5.0 as amount, false as is_return, 0::bigint as source_row
      from range(100) t(c), range(41) u(o) where o < case when c < 60 then 1 else c - 58 end`);
    const result = await rfm(wb);
    const f = result.scoreRanges.filter((s) => s.score === 'f').map((s) => [s.value, s.min, s.max, s.customers]);
    // Base score ceil(5·cum/N): f=1 → 3 (cum 60%), 2..21 → 4, 22..41 → 5; closing the gaps gives 1, 2, 3, then 4 and 5.
    expect(f).toEqual([
      [1, 1, 1, 60],
      [2, 2, 2, 1],
      [3, 3, 3, 1],
      [4, 4, 21, 18],
      [5, 22, 41, 20],
    ]);
    const ones = await rfmCustomers(wb, { limit: 1000 });
    expect(new Set(ones.filter((x) => x.frequency === 1).map((x) => x.f))).toEqual(new Set([1]));
    // default asOf: the day after the last order (2021-01-01 + 99 + 40 days = 2021-05-20), truncated
    expect(result.options.asOf.toISOString()).toBe('2021-05-21T00:00:00.000Z');
    expect(result.options.asOfFromData).toBe(true);
  });

  it('uses plain quantiles when values are distinct: 10 customers, 2 per score', async () => {
    await transactions(
      Array.from({ length: 10 }, (_, i): Tx => [
        `c${i}`,
        `o${i}`,
        `2022-01-${String(i + 1).padStart(2, '0')}`,
        (i + 1) * 10,
      ]),
    );
    await rfm(wb, { asOf: new Date('2022-02-01') });
    const rows = await rfmCustomers(wb, { orderBy: 'monetary' });
    expect(rows.map((x) => x.m)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(rows.map((x) => x.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(rows.map((x) => x.recency_days)).toEqual([22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);
  });

  it('scores a single customer 5-5-5 (Champions) and warns that scores are unused', async () => {
    await transactions([
      ['solo', 'o1', '2022-03-01', 20],
      ['solo', 'o2', '2022-03-05', 30],
    ]);
    const result = await rfm(wb);
    const [row] = await rfmCustomers(wb);
    expect(row).toMatchObject({
      customer_id: 'solo',
      recency_days: 1,
      frequency: 2,
      monetary: 50,
      tenure_days: 5,
      r: 5,
      f: 5,
      m: 5,
      rfm_code: '555',
      segment: 'champions',
      loyalty: 'loyal',
    });
    expect(result.warnings).toContain('Only 1 of 5 r scores occur: the data has too few distinct values.');
  });

  it('gives identical customers identical scores', async () => {
    await transactions(['a', 'b', 'c', 'd'].map((c): Tx => [c, `${c}1`, '2022-03-01', 10]));
    await rfm(wb);
    const rows = await rfmCustomers(wb);
    expect(new Set(rows.map((x) => x.rfm_code))).toEqual(new Set(['555']));
  });

  it('keeps a customer whose returns exceed purchases, with negative monetary and the lowest m', async () => {
    const rows: Tx[] = ['a', 'b', 'c', 'd', 'e'].map((c, i) => [c, `${c}1`, '2022-03-01', 100 * (i + 1)]);
    rows.push(['x', 'x1', '2022-03-01', 100], ['x', 'Cx1', '2022-03-02', -150, true]);
    await transactions(rows);
    const result = await rfm(wb, { asOf: new Date('2022-03-10') });
    const [x] = await rfmCustomers(wb, { customerIds: ['x'] });
    expect(x).toMatchObject({ monetary: -50, frequency: 1, recency_days: 9, m: 1 });
    expect(result.revenue).toBe(1450);
    // returns: 'ignore' counts only the purchase
    await rfm(wb, { asOf: new Date('2022-03-10'), returns: 'ignore' });
    const [y] = await rfmCustomers(wb, { customerIds: ['x'] });
    expect(y).toMatchObject({ monetary: 100, frequency: 1 });
  });

  it('leaves out customers with only returns, with a warning', async () => {
    await transactions([
      ['a', 'a1', '2022-03-01', 10],
      ['z', 'Cz', '2022-03-01', -10, true],
    ]);
    const result = await rfm(wb);
    expect(result.customerCount).toBe(1);
    expect(result.returnsOnlyCustomers).toBe(1);
    expect(result.warnings[0]).toBe('1 customer(s) have only returns in the period and are not scored.');
  });

  it('rfmSegments scores the same table, segment sizes and warnings as rfm, without the chart figures', async () => {
    await transactions([
      ['a', 'a1', '2022-03-01', 10],
      ['a', 'a2', '2022-05-01', 30],
      ['b', 'b1', '2022-04-01', 20],
      ['z', 'Cz', '2022-03-01', -10, true],
    ]);
    const full = await rfm(wb, { table: 'rfm_full' });
    const run = await rfmSegments(wb, { table: 'rfm_light' });
    expect(run.segments).toEqual(full.segments);
    expect(run.warnings).toEqual(full.warnings);
    expect(run.warnings[0]).toBe('1 customer(s) have only returns in the period and are not scored.');
    expect([run.customerCount, run.revenue, run.returnsOnlyCustomers]).toEqual([2, 60, 1]);
    expect(Object.keys(run)).not.toContain('distributions');
    const rows = (t: string) => wb.query(`select customer_id, r, f, m, segment from ${t} order by customer_id`);
    expect(await rows('rfm_light')).toEqual(await rows('rfm_full'));
  });

  it('refuses an asOf before some orders, naming the latest order; laterOrders: exclude scores as of then', async () => {
    await transactions([
      ['a', 'a1', '2022-03-01', 10],
      ['a', 'a2', '2022-05-01', 10],
      ['b', 'b1', '2022-04-01', 10],
    ]);
    const asOf = new Date('2022-04-15T00:00:00Z');
    const error = await rfm(wb, { asOf }).catch((e: unknown) => e);
    expect(isWorkbenchError(error, 'BAD_OPTION')).toBe(true);
    expect((error as Error).message).toContain('the latest order is on 2022-05-01T12:00:00.000Z');
    const result = await rfm(wb, { asOf, laterOrders: 'exclude' });
    const rows = await rfmCustomers(wb);
    expect(rows.map((x) => [x.customer_id, x.frequency, x.recency_days])).toEqual([
      ['a', 1, 45],
      ['b', 1, 14],
    ]);
    expect(result.period.last.toISOString()).toBe('2022-04-01T12:00:00.000Z');
    const none = await rfm(wb, { asOf: new Date('2022-01-01'), laterOrders: 'exclude' }).catch((e: unknown) => e);
    expect(isWorkbenchError(none, 'NO_DATA')).toBe(true);
  });

  it('scores by fixed thresholds', async () => {
    await transactions([
      ['a', 'a1', '2022-03-30', 50],
      ['b', 'b1', '2022-01-01', 600],
      ['b', 'b2', '2022-01-02', 600],
      ['c', 'c1', '2021-01-01', 1000],
    ]);
    const result = await rfm(wb, {
      asOf: new Date('2022-04-01'),
      scoring: { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] },
    });
    expect(result.options.bins).toBe(5);
    const rows = await rfmCustomers(wb);
    expect(rows.map((x) => [x.customer_id, x.recency_days, x.rfm_code])).toEqual([
      ['a', 2, '511'],
      ['b', 89, '425'],
      ['c', 455, '115'],
    ]);
    await expect(rfm(wb, { scoring: { recency: [30, 20], frequency: [2], monetary: [1] } })).rejects.toThrow(
      /strictly ascending/,
    );
  });

  it('rejects a segment map for another number of bins', async () => {
    await transactions([['a', 'a1', '2022-03-30', 50]]);
    await expect(rfm(wb, { bins: 4, segmentMap: standardSegmentMap(5) })).rejects.toThrow(/map is for 5 bins/);
  });

  it('summarises segments, distributions and the top-20% share', async () => {
    await transactions(
      Array.from({ length: 10 }, (_, i): Tx => [
        `c${i}`,
        `o${i}`,
        `2022-01-${String(i + 1).padStart(2, '0')}`,
        i === 9 ? 910 : 10,
      ]),
    );
    const result = await rfm(wb, { asOf: new Date('2022-02-01') });
    // c9 (910) is the top 10%; the nine customers at 10 tie, and equal revenues are never split: the top 20% is c9 alone
    expect(result.top20RevenueShare).toBeCloseTo(910 / 1000, 9);
    expect(result.distributions.recency.scale).toBe('linear');
    expect(result.distributions.recency.bins.reduce((s, b) => s + b.customers, 0)).toBe(10);
    expect(result.distributions.frequency.bins).toEqual([{ start: 1, end: 2, customers: 10 }]);
    expect(result.segments.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
    expect(result.segments.reduce((s, x) => s + x.revenueShare, 0)).toBeCloseTo(1, 9);
  });

  it('applies a custom map with monetary rules, taking its bins', async () => {
    await transactions(Array.from({ length: 4 }, (_, i): Tx => [`c${i}`, `o${i}`, '2022-01-01', (i + 1) * 10]));
    const def = (key: string, m: [number, number]) => ({
      key,
      label: key.toUpperCase(),
      loyalty: 'loyal' as const,
      rules: [{ m }],
    });
    const result = await rfm(wb, {
      segmentMap: { name: 'value tiers', bins: 2, segments: [def('big', [2, 2]), def('small', [1, 1])] },
    });
    expect(result.options.bins).toBe(2);
    expect(result.segments.map((s) => [s.key, s.customers, s.revenue])).toEqual([
      ['big', 2, 70],
      ['small', 2, 30],
    ]);
    // a custom map's own label wins over the key, in every locale; unknown keys have no description
    expect(result.options.segmentMap.segments.map((s) => [segmentName(s, 'nl'), segmentDescription(s, 'en')])).toEqual([
      ['BIG', ''],
      ['SMALL', ''],
    ]);
    expect(result.grid.map((c) => c.segment)).toEqual([undefined, undefined, undefined, undefined]);
    const rows = await rfmCustomers(wb);
    expect(rows.map((x) => [x.customer_id, x.rfm_code, x.segment])).toEqual([
      ['c0', '221', 'small'],
      ['c1', '221', 'small'],
      ['c2', '222', 'big'],
      ['c3', '222', 'big'],
    ]);
  });

  it('builds SQL that DuckDB accepts (EXPLAIN) for quantile and threshold scoring', async () => {
    await transactions([['a', 'a1', '2022-03-30', 50]]);
    const segmentMap = standardSegmentMap(5);
    for (const scoring of [
      'quantile',
      { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] },
    ] as const) {
      const sql = rfmSql({
        source: 'transactions',
        table: 'x',
        bins: 5,
        scoring,
        returns: 'net',
        excludeLater: true,
        segmentMap,
      });
      const select = sql.slice(sql.indexOf('with tx'));
      const params: Record<string, string | Date> = { asOf: new Date('2022-04-01') };
      segmentMap.segments.forEach((s, i) => {
        params[`s${i}`] = s.key;
        params[`l${i}`] = s.loyalty;
      });
      await expect(wb.query(`explain ${select}`, params)).resolves.toBeDefined();
    }
  });
});
