import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { averageCurve, cohorts, type CohortCell, type CohortResult } from '../../../src/analyses/cohorts/index.js';
import { cohortPeriodsSql, cohortsSql, cohortStatsSql, type CohortPeriod } from '../../../src/analyses/cohorts/sql.js';
import { loadTransactions } from '../../../src/data/load.js';
import { generateSample, plantedRetention, SAMPLE_MONTHS } from '../../../src/sample/index.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

/** Cells as [cohort, period, observed, active, revenue, partial] for compact exact comparison. */
const brief = (r: CohortResult) => r.rows.map((c) => [c.cohort, c.period, c.observed, c.active, c.revenue, c.partial]);

/*
 * a: Jan, Feb (+ a return), Apr      b: Jan only (only period 0)      c: Feb, Mar (one-customer cohort)
 * d: a return in Jan, then Mar, Apr (first order a return)            e: only a return
 * Last order 10 Apr 2023 ⇒ asOf 11 Apr ⇒ April is partial.
 */
const FIXTURE: Tx[] = [
  ['a', 'o1', '2023-01-10', 100, 'NL'],
  ['a', 'o2', '2023-02-05', 50, 'BE'],
  ['a', 'r1', '2023-02-06', -20, 'BE'],
  ['a', 'o3', '2023-04-01', 30, 'BE'],
  ['b', 'o4', '2023-01-20', 200, 'BE'],
  ['c', 'o5', '2023-02-15', 80, 'NL'],
  ['c', 'o6', '2023-03-15', 40, 'NL'],
  ['d', 'r2', '2023-01-03', -10, 'DE'],
  ['d', 'o7', '2023-03-02', 60, 'NL'],
  ['d', 'o8', '2023-04-10', 60, 'NL'],
  ['e', 'r3', '2023-02-01', -15, 'FR'],
];

describe('cohorts on a small fixture', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
  });
  afterEach(() => wb.close());

  it('counts active customers and net revenue per cohort and month, flagging the partial last month', async () => {
    const r = await cohorts(wb);
    expect(r.options).toEqual({
      period: 'month',
      by: null,
      byTable: null,
      asOf: new Date('2023-04-11T00:00:00Z'),
      asOfFromData: true,
      returns: 'net',
      dropPartial: false,
      source: 'transactions',
      customers: 'customers',
    });
    expect(r.lastPeriod).toEqual({ key: '2023-04', start: new Date('2023-04-01T00:00:00Z'), partial: true });
    expect(brief(r)).toEqual([
      ['2023-01', 0, 2, 2, 300, false],
      ['2023-01', 1, 2, 1, 30, false],
      ['2023-01', 2, 2, 0, 0, false],
      ['2023-01', 3, 2, 1, 30, true],
      ['2023-02', 0, 1, 1, 80, false],
      ['2023-02', 1, 1, 1, 40, false],
      ['2023-02', 2, 1, 0, 0, true],
      ['2023-03', 0, 1, 1, 60, false],
      ['2023-03', 1, 1, 1, 60, true],
    ]);
    const jan = r.rows.filter((c) => c.cohort === '2023-01');
    expect(jan.map((c) => c.retention)).toEqual([1, 0.5, 0, 0.5]);
    expect(jan.map((c) => c.revenueRetention)).toEqual([1, 0.1, 0, 0.1]);
    expect(jan.map((c) => c.cumulativeRevenuePerCustomer)).toEqual([150, 165, 165, 180]);
    expect(jan[0]?.start).toEqual(new Date('2023-01-01T00:00:00Z'));
    expect(r.cohorts.map((c) => [c.cohort, c.size, c.periods, c.revenue])).toEqual([
      ['2023-01', 2, 4, 360],
      ['2023-02', 1, 3, 120],
      ['2023-03', 1, 2, 120],
    ]);
    expect(r.customerCount).toBe(4);
    expect(r.revenue).toBe(600);
  });

  it('puts a customer whose first order is a return in the cohort of the first purchase, leaving the earlier return out', async () => {
    const r = await cohorts(wb);
    const d = r.rows.filter((c) => c.cohort === '2023-03');
    expect(d.map((c) => [c.period, c.revenue])).toEqual([
      [0, 60],
      [1, 60],
    ]);
    expect(r.returnsBeforeFirstPurchase).toBe(1);
    expect(r.returnsOnlyCustomers).toBe(1);
    expect(r.warnings).toEqual([
      '1 customer(s) have only returns before the as-of date and are in no cohort.',
      "1 return row(s) are booked before the customer's first purchase (returns of earlier purchases) and are left out.",
    ]);
    // with returns ignored, a's February revenue is the purchase alone
    const ignored = await cohorts(wb, { returns: 'ignore' });
    expect(ignored.rows.find((c) => c.cohort === '2023-01' && c.period === 1)?.revenue).toBe(50);
    expect(ignored.options.returns).toBe('ignore');
  });

  it('averages retention over fully observed cells, weighted by cohort size', async () => {
    const r = await cohorts(wb);
    const all = averageCurve(r.rows);
    expect(all.map((p) => [p.period, p.cohorts, p.customers, p.active])).toEqual([
      [0, 3, 4, 4],
      [1, 2, 3, 2],
      [2, 1, 2, 0],
    ]);
    expect(all[1]?.retention).toBeCloseTo(2 / 3, 9);
    // (2·165 + 1·120) / 3
    expect(all[1]?.cumulativeRevenuePerCustomer).toBeCloseTo(150, 9);
  });

  it('marks the first cohort left-censored and leaves it out of the average', async () => {
    const r = await cohorts(wb);
    // January also holds whoever bought before the data starts: the average is February's and March's
    expect(r.leftCensored).toBe('2023-01');
    expect(r.average.map((p) => [p.period, p.cohorts, p.customers, p.active])).toEqual([
      [0, 2, 2, 2],
      [1, 1, 1, 1],
    ]);
    // c: 80 in February + 40 in March
    expect(r.average[1]?.cumulativeRevenuePerCustomer).toBe(120);
    // the amounts the cohorts leave out: e's return (only returns) and d's return before its first purchase
    expect(r.returnsOnlyRevenue).toBe(-15);
    expect(r.returnsBeforeFirstPurchaseRevenue).toBe(-10);
    expect((await cohorts(wb, { by: 'country' })).leftCensored).toBeUndefined();
  });

  it('drops partial cells with dropPartial, keeping period 0', async () => {
    const r = await cohorts(wb, { dropPartial: true });
    expect(r.rows.map((c) => [c.cohort, c.period])).toEqual([
      ['2023-01', 0],
      ['2023-01', 1],
      ['2023-01', 2],
      ['2023-02', 0],
      ['2023-02', 1],
      ['2023-03', 0],
    ]);
    expect(r.rows.every((c) => !c.partial)).toBe(true);
    expect(r.options.dropPartial).toBe(true);
  });

  it('ignores orders on or after asOf; a month ending exactly at asOf is complete', async () => {
    const r = await cohorts(wb, { asOf: new Date('2023-03-01T00:00:00Z') });
    expect(r.lastPeriod).toEqual({ key: '2023-02', start: new Date('2023-02-01T00:00:00Z'), partial: false });
    expect(brief(r)).toEqual([
      ['2023-01', 0, 2, 2, 300, false],
      ['2023-01', 1, 2, 1, 30, false],
      ['2023-02', 0, 1, 1, 80, false],
    ]);
    expect(r.returnsOnlyCustomers).toBe(2); // d's purchases are all later: only its January return is seen
    expect(r.options.asOfFromData).toBe(false);
  });

  it('groups by the first purchase’s country, leaving each customer’s partial month out', async () => {
    const r = await cohorts(wb, { by: 'country' });
    expect(r.options.byTable).toBe('transactions');
    expect(r.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['NL', 3],
      ['BE', 1],
    ]);
    expect(brief(r)).toEqual([
      ['NL', 0, 3, 3, 240, false],
      ['NL', 1, 2, 2, 70, false],
      ['NL', 2, 1, 0, 0, false],
      ['BE', 0, 1, 1, 200, false],
      ['BE', 1, 1, 0, 0, false],
      ['BE', 2, 1, 0, 0, false],
    ]);
    // the same customer-periods as the time cohorts' complete cells, so the same average retention
    const byMonth = await cohorts(wb);
    expect(r.average.map((p) => [p.customers, p.active])).toEqual(
      averageCurve(byMonth.rows).map((p) => [p.customers, p.active]),
    );
  });

  it('groups by a customers-table column; customers without a row form the null cohort', async () => {
    await wb.run(
      `create table customers as select * from (values ('a', 'x'), ('b', 'y'), ('c', 'x')) t(customer_id, "plan type")`,
    );
    const r = await cohorts(wb, { by: 'plan type' });
    expect(r.options.byTable).toBe('customers');
    expect(r.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['x', 2],
      ['y', 1],
      [null, 1],
    ]);
    expect(r.warnings).toContain('1 customer(s) have no plan type in customers; they form the cohort without a value.');
  });

  it('rejects an unknown attribute, naming it and listing the available ones', async () => {
    await wb.run(`create table customers as select 'a' as customer_id, 30 as age`);
    const e = await rejection(cohorts(wb, { by: 'colour' }));
    expect(isWorkbenchError(e, 'UNKNOWN_COLUMN')).toBe(true);
    expect(e.message).toBe(
      'unknown cohort attribute: "colour". Attributes available (transactions: country; customers: age). Load customer attributes with loadCustomers() to group by them.',
    );
    expect(
      isWorkbenchError(await rejection(cohorts(wb, { by: 'country', byTable: 'customers' })), 'UNKNOWN_COLUMN'),
    ).toBe(true);
    expect(isWorkbenchError(await rejection(cohorts(wb, { period: 'day' as CohortPeriod })), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(cohorts(wb, { source: 'nope' })), 'NO_DATA')).toBe(true);
  });

  it('builds SQL that DuckDB accepts for every period and grouping', async () => {
    await wb.run(`create table customers as select 'a' as customer_id, 30 as age`);
    const params = {
      asOf: new Date('2023-04-11T00:00:00Z'),
      lastStart: new Date('2023-04-01T00:00:00Z'),
      lastPartial: true,
    };
    for (const period of ['month', 'week', 'quarter'] as const) {
      for (const by of [
        undefined,
        { column: 'country', from: 'transactions' as const, table: 'customers' },
        { column: 'age', from: 'customers' as const, table: 'customers' },
      ]) {
        for (const dropPartial of [false, true]) {
          const o = { source: 'transactions', period, returns: 'net' as const, dropPartial, ...(by ? { by } : {}) };
          await wb.run(cohortPeriodsSql(o), params);
          await expect(wb.query(`explain ${cohortsSql(o)}`, params)).resolves.toBeDefined();
          await expect(wb.query(`explain ${cohortStatsSql(o)}`, params)).resolves.toBeDefined();
        }
      }
    }
  });
});

describe('cohort edge cases', () => {
  it('labels ISO weeks across a year boundary and counts whole weeks between Mondays', async () => {
    const wb = await Workbench.open();
    await transactions(wb, [
      ['w1', 'o1', '2020-12-31', 10],
      ['w1', 'o2', '2021-01-05', 10], // Thu of 2020-W53, then 2021-W01
      ['w2', 'o3', '2021-01-03', 10],
      ['w2', 'o4', '2021-01-12', 10], // Sun of 2020-W53, then 2021-W02
      ['w3', 'o5', '2019-12-31', 10], // Tue of 2020-W01 (ISO year 2020 starts on 30 Dec 2019)
    ]);
    const r = await cohorts(wb, { period: 'week' });
    expect(r.cohorts.map((c) => [c.cohort, c.start, c.size, c.periods])).toEqual([
      ['2020-W01', new Date('2019-12-30T00:00:00Z'), 1, 55], // 54 whole weeks to the Monday of 2021-W02
      ['2020-W53', new Date('2020-12-28T00:00:00Z'), 2, 3],
    ]);
    expect(r.rows.filter((c) => c.cohort === '2020-W53').map((c) => [c.period, c.active, c.partial])).toEqual([
      [0, 2, false],
      [1, 1, false],
      [2, 1, true],
    ]);
    expect(r.lastPeriod).toEqual({ key: '2021-W02', start: new Date('2021-01-11T00:00:00Z'), partial: true });
    const q = await cohorts(wb, { period: 'quarter' });
    expect(q.cohorts.map((c) => [c.cohort, c.size, c.periods])).toEqual([
      ['2019-Q4', 1, 6],
      ['2020-Q4', 1, 2],
      ['2021-Q1', 1, 1],
    ]);
    wb.close();
  });

  it('keeps a one-customer cohort whose customer never returns: retention 0 in every later month', async () => {
    const wb = await Workbench.open();
    await transactions(wb, [
      ['solo', 'o1', '2023-01-15', 40],
      ['other', 'o2', '2023-01-20', 10],
      ['other', 'o3', '2023-05-31', 10],
      ['late', 'o4', '2023-03-03', 5],
    ]);
    const r = await cohorts(wb, { asOf: new Date('2023-06-01T00:00:00Z') });
    expect(r.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['2023-01', 2],
      ['2023-03', 1],
    ]);
    expect(
      r.rows
        .filter((c) => c.cohort === '2023-03')
        .map((c) => [c.period, c.observed, c.active, c.retention, c.cumulativeRevenuePerCustomer]),
    ).toEqual([
      [0, 1, 1, 1, 5],
      [1, 1, 0, 0, 5],
      [2, 1, 0, 0, 5],
    ]);
    expect(r.rows.every((c) => !c.partial)).toBe(true);
    wb.close();
  });
});

describe('cohorts on synthetic data with planted retention', () => {
  let wb: Workbench;
  let result: CohortResult;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-cohorts-'));
    const s = await generateSample({ customers: 10_000, seed: 11, out: join(dir, 's.csv') });
    wb = await Workbench.open();
    await loadTransactions(wb, s.transactionsFile);
    result = await cohorts(wb);
  }, 120_000);
  afterAll(() => wb.close());

  const complete = (): CohortCell[] => result.rows.filter((c) => c.period > 0 && !c.partial);
  const cohortIndex = (c: CohortCell) => Number(c.cohort?.slice(5)) - 1; // 2022-01 → 0 … 2022-12 → 11

  it('has 12 monthly cohorts; the data ends mid-December 2023, so that month is partial and later ones absent', () => {
    expect(result.cohorts.map((c) => c.cohort)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`),
    );
    expect(result.customerCount).toBe(10_000);
    for (const c of result.rows) {
      expect(cohortIndex(c) + c.period).toBeLessThan(SAMPLE_MONTHS);
      expect(c.partial).toBe(cohortIndex(c) + c.period === SAMPLE_MONTHS - 1);
    }
    expect(result.cohorts.map((c) => c.periods)).toEqual(Array.from({ length: 12 }, (_, i) => SAMPLE_MONTHS - i));
  });

  it('measures every cohort’s monthly retention within 4 binomial standard errors of the planted value', () => {
    // Each customer of cohort c is active in month k independently with probability p = plantedRetention(c, k),
    // so the measured share has standard error sqrt(p(1-p)/n): about 0.016 at n ≈ 830, p ≈ 0.3.
    const cells = complete();
    expect(cells).toHaveLength(12 * 22 - 66); // Σ over cohorts of (22 - c) complete months after month 0
    for (const c of cells) {
      const p = plantedRetention(cohortIndex(c), c.period);
      const se = Math.sqrt((p * (1 - p)) / c.observed);
      expect(Math.abs(c.retention - p), `${c.cohort} month ${c.period}`).toBeLessThan(4 * se);
    }
  });

  it('matches the planted curve on the size-weighted average within 4 standard errors', () => {
    const sizes = new Map(result.cohorts.map((c, i) => [i, c.size]));
    for (const point of result.average.filter((p) => p.period > 0)) {
      // the first cohort is left out of the average (it may hold customers from before the data starts)
      const cells = complete().filter((c) => c.period === point.period && c.cohort !== result.leftCensored);
      const n = cells.reduce((s, c) => s + c.observed, 0);
      const expected = cells.reduce((s, c) => s + c.observed * plantedRetention(cohortIndex(c), c.period), 0) / n;
      const variance =
        cells.reduce((s, c) => {
          const p = plantedRetention(cohortIndex(c), c.period);
          return s + c.observed * p * (1 - p);
        }, 0) /
        (n * n);
      expect(point.customers).toBe(n);
      expect(Math.abs(point.retention - expected)).toBeLessThan(4 * Math.sqrt(variance));
    }
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    // newer cohorts churn less: month-6 retention of the last full cohort above that of the first
    const at6 = (i: number) => result.rows.find((c) => cohortIndex(c) === i && c.period === 6)?.retention ?? NaN;
    expect(at6(11)).toBeGreaterThan(at6(0));
  });
});

describe('cohorts on Online Retail (bundled)', () => {
  let wb: Workbench;
  let result: CohortResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    result = await cohorts(wb);
  }, 120_000);
  afterAll(() => wb.close());

  it('gives the Dec 2010 cohort size, month-1 retention and revenue as a plain JS pass over the rows', async () => {
    const rows = await wb.query<{ customer_id: string; order_date: Date; amount: number; is_return: boolean }>(
      'select customer_id, order_date, amount, is_return from transactions',
    );
    const month = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
    const first = new Map<string, number>();
    for (const r of rows)
      if (!r.is_return) first.set(r.customer_id, Math.min(first.get(r.customer_id) ?? Infinity, month(r.order_date)));
    const dec2010 = 2010 * 12 + 11;
    const cohort = new Set([...first].filter(([, m]) => m === dec2010).map(([id]) => id));
    const activeJan = new Set<string>();
    let revenueJan = 0;
    for (const r of rows) {
      if (!cohort.has(r.customer_id) || month(r.order_date) !== dec2010 + 1) continue;
      if (!r.is_return) activeJan.add(r.customer_id);
      revenueJan += r.amount;
    }
    const dec = result.rows.filter((c) => c.cohort === '2010-12');
    expect(dec[0]?.size).toBe(cohort.size);
    expect(dec[1]?.active).toBe(activeJan.size);
    expect(dec[1]?.revenue).toBeCloseTo(revenueJan, 6);
    // the published figures for this dataset: 885 customers, 36.6% back in January 2011
    expect(cohort.size).toBe(885);
    expect(dec[1]?.retention).toBeCloseTo(324 / 885, 9);
  });

  it('has 13 monthly cohorts, the last one (Dec 2011, data ends on the 9th) partial', () => {
    expect(result.cohorts).toHaveLength(13);
    expect(result.lastPeriod).toEqual({ key: '2011-12', start: new Date('2011-12-01T00:00:00Z'), partial: true });
    expect(result.rows.filter((c) => c.partial).map((c) => c.cohort)).toEqual(result.cohorts.map((c) => c.cohort));
    // what the cohorts' total leaves out of all rows' £8,278,519.42 (checked by hand in SQL): the returns of the 33
    // customers with only returns, and the returns of 145 customers booked before their first purchase
    expect(result.returnsOnlyRevenue).toBeCloseTo(-10_411.24, 6);
    expect(result.returnsBeforeFirstPurchaseRevenue).toBeCloseTo(-9_254.85, 6);
    expect(result.revenue + result.returnsOnlyRevenue! + result.returnsBeforeFirstPurchaseRevenue!).toBeCloseTo(
      8_278_519.424,
      4,
    );
    // Dec 2010 (left-censored, out of the average) is the only cohort with month 11 complete
    expect(result.leftCensored).toBe('2010-12');
    expect(result.average.at(-1)?.period).toBe(10);
  });

  it('gives the same result twice (determinism)', async () => {
    expect(await cohorts(wb)).toEqual(result);
    const w1 = await cohorts(wb, { period: 'week', by: 'country' });
    expect(await cohorts(wb, { period: 'week', by: 'country' })).toEqual(w1);
  });
});

describe('cohorts called concurrently', () => {
  it('gives each call its own aggregates', async () => {
    const wb = await Workbench.open();
    await transactions(wb, FIXTURE);
    const [a, b, c] = await Promise.all([cohorts(wb), cohorts(wb, { by: 'country' }), cohorts(wb, { period: 'week' })]);
    expect(a).toEqual(await cohorts(wb));
    expect(b).toEqual(await cohorts(wb, { by: 'country' }));
    expect(c).toEqual(await cohorts(wb, { period: 'week' }));
    expect(
      await wb.query("select table_name from information_schema.tables where table_name like '_swb_cohort%'"),
    ).toEqual([]);
    wb.close();
  });
});
