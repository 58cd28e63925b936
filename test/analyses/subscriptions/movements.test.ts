/** mrrMovements on the hand-made subscriptions (fixture.ts): every class, the bridge to the cent, the rates. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { mrrMovements, type MrrMovementFigures } from '../../../src/analyses/subscriptions/index.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { SUBS, subscriptions } from './fixture.js';

/** [month, mrrStart, new, expansion, contraction, churned, reactivation, mrrEnd] */
const bridge = (rows: ReadonlyArray<MrrMovementFigures & { month: Date }>) =>
  rows.map((r) => [
    r.month.toISOString().slice(0, 7),
    r.mrrStart,
    r.new,
    r.expansion,
    r.contraction,
    r.churned,
    r.reactivation,
    r.mrrEnd,
  ]);
/** [customersStart, customersEnd, newCustomers, churnedCustomers, reactivatedCustomers] */
const counts = (rows: readonly MrrMovementFigures[]) =>
  rows.map((r) => [r.customersStart, r.customersEnd, r.newCustomers, r.churnedCustomers, r.reactivatedCustomers]);
const cents = (x: number): number => Math.round(x * 100);

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

describe('mrrMovements on six customers over January–April 2024', () => {
  beforeEach(async () => subscriptions(wb, SUBS));

  it('puts every customer in the class computed by hand, month by month', async () => {
    const r = await mrrMovements(wb);
    expect(r.options).toEqual({
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2024-04-01T00:00:00Z'),
      source: 'subscriptions',
    });
    expect(bridge(r.rows)).toEqual([
      // a 50 + b 50 + c 100 + d 120 + f 19.99 new (g's March-only period never counts)
      ['2024-01', 0, 339.99, 0, 0, 0, 0, 339.99],
      // e new 50; b's plan change +70 and c's second subscription +30.50; f churned 19.99
      ['2024-02', 339.99, 50, 100.5, 0, 19.99, 0, 470.5],
      // d churned 120; e's downgrade 50 → 19.99 on 20 March
      ['2024-03', 470.5, 0, 0, 30.01, 120, 0, 320.49],
      // c's Seats end on 1 April −30.50; d back on Basic 40.25
      ['2024-04', 320.49, 0, 0, 30.5, 0, 40.25, 330.24],
    ]);
    expect(counts(r.rows)).toEqual([
      [0, 5, 5, 0, 0],
      [5, 5, 1, 1, 0],
      [5, 4, 0, 1, 0],
      [4, 5, 0, 0, 1],
    ]);
    expect(r.currency).toBe('EUR');
    expect(r.warnings).toEqual([]);
  });

  it('adds up the bridge to the cent in every month and over the range', async () => {
    const r = await mrrMovements(wb);
    for (const x of [...r.rows, r.totals]) {
      expect(
        cents(x.mrrStart) +
          cents(x.new) +
          cents(x.expansion) +
          cents(x.reactivation) -
          cents(x.contraction) -
          cents(x.churned),
      ).toBe(cents(x.mrrEnd));
    }
    for (const [i, x] of r.rows.slice(1).entries()) expect(x.mrrStart).toBe(r.rows[i]?.mrrEnd);
    expect(bridge([{ ...r.totals, month: new Date('2024-01-01') }])[0]?.slice(1)).toEqual([
      0, 389.99, 100.5, 60.51, 139.99, 40.25, 330.24,
    ]);
    expect([
      r.totals.customersStart,
      r.totals.customersEnd,
      r.totals.newCustomers,
      r.totals.churnedCustomers,
      r.totals.reactivatedCustomers,
    ]).toEqual([0, 5, 6, 2, 1]);
    expect([r.totals.months, r.totals.customerMonths]).toEqual([4, 14]);
  });

  it('gives ARPU, customer churn and gross / net revenue churn per month and pooled over the range', async () => {
    const r = await mrrMovements(wb);
    expect(r.rows.map((x) => x.arpu)).toEqual([67.998, 94.1, 80.1225, 66.048]);
    expect(r.rows.map((x) => x.customerChurnRate)).toEqual([null, 0.2, 0.2, 0]);
    const [jan, feb, mar, apr] = r.rows;
    expect([jan?.grossRevenueChurn, jan?.netRevenueChurn]).toEqual([null, null]);
    expect(feb?.grossRevenueChurn).toBeCloseTo(19.99 / 339.99, 12);
    expect(feb?.netRevenueChurn).toBeCloseTo((19.99 - 100.5) / 339.99, 12); // new MRR (e) left out
    expect(mar?.grossRevenueChurn).toBeCloseTo(150.01 / 470.5, 12);
    expect(mar?.netRevenueChurn).toBeCloseTo(150.01 / 470.5, 12);
    expect(apr?.grossRevenueChurn).toBeCloseTo(30.5 / 320.49, 12);
    expect(apr?.netRevenueChurn).toBeCloseTo((30.5 - 40.25) / 320.49, 12);
    expect(r.totals.arpu).toBe(66.048);
    expect(r.totals.customerChurnRate).toBeCloseTo(2 / 14, 12);
    expect(r.totals.grossRevenueChurn).toBeCloseTo(200.5 / 1130.98, 12);
    expect(r.totals.netRevenueChurn).toBeCloseTo(59.75 / 1130.98, 12);
  });

  it('decides new vs reactivation on all history, also before from', async () => {
    const r = await mrrMovements(wb, { from: '2024-02-15' });
    expect(bridge(r.rows).map((x) => x[0])).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(r.rows[0]?.new).toBe(50); // e; d paid in January, before from
    expect(r.rows[2]?.reactivation).toBe(40.25);
    expect([r.totals.mrrStart, r.totals.customersStart, r.totals.new, r.totals.mrrEnd]).toEqual([
      339.99, 5, 50, 330.24,
    ]);
  });

  it('ends at the month of to, and reports months without any payer as zeros', async () => {
    const r = await mrrMovements(wb, { from: new Date('2023-11-20T00:00:00Z'), to: '2024-02-29' });
    expect(bridge(r.rows)).toEqual([
      ['2023-11', 0, 0, 0, 0, 0, 0, 0],
      ['2023-12', 0, 0, 0, 0, 0, 0, 0],
      ['2024-01', 0, 339.99, 0, 0, 0, 0, 339.99],
      ['2024-02', 339.99, 50, 100.5, 0, 19.99, 0, 470.5],
    ]);
    expect(r.rows[0]?.arpu).toBeNull();
  });
});

describe('mrrMovements on single customers', () => {
  it("sums a customer's concurrent subscriptions", async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'c'),
    );
    expect(bridge((await mrrMovements(wb)).rows)).toEqual([
      ['2024-01', 0, 100, 0, 0, 0, 0, 100],
      ['2024-02', 100, 0, 30.5, 0, 0, 0, 130.5],
      ['2024-03', 130.5, 0, 0, 0, 0, 0, 130.5],
      ['2024-04', 130.5, 0, 0, 30.5, 0, 0, 100],
    ]);
  });

  it('counts a plan change in the middle of a month at the month end: one expansion, no churn', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'b'),
    );
    const r = await mrrMovements(wb);
    expect(bridge(r.rows)).toEqual([
      ['2024-01', 0, 50, 0, 0, 0, 0, 50],
      ['2024-02', 50, 0, 70, 0, 0, 0, 120],
    ]);
    expect(counts(r.rows)).toEqual([
      [0, 1, 1, 0, 0],
      [1, 1, 0, 0, 0],
    ]);
  });

  it('counts a customer who comes back as a reactivation, not as new', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'd'),
    );
    const r = await mrrMovements(wb);
    expect(bridge(r.rows).map((x) => x.slice(2))).toEqual([
      [120, 0, 0, 0, 0, 120],
      [0, 0, 0, 0, 0, 120],
      [0, 0, 0, 120, 0, 0],
      [0, 0, 0, 0, 40.25, 40.25],
    ]);
    expect(counts(r.rows)[3]).toEqual([0, 1, 0, 0, 1]);
  });

  it('never counts a period that starts and ends inside one month, and says no one pays', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'g'),
    );
    const r = await mrrMovements(wb);
    expect(bridge(r.rows)).toEqual([['2024-03', 0, 0, 0, 0, 0, 0, 0]]);
    expect(r.warnings).toEqual([
      'No customer in subscriptions pays (MRR > 0) at any month end in the range: every figure is 0.',
    ]);
  });
});

describe('mrrMovements problems', () => {
  it('says which table to load when there is none', async () => {
    const e = await rejection(mrrMovements(wb));
    expect(isWorkbenchError(e, 'NO_DATA')).toBe(true);
    expect(e.message).toBe('no subscriptions table: load one with loadSubscriptions first.');
  });

  it('names missing columns, unknown options and a reversed range', async () => {
    await wb.run('create table subscriptions (customer_id varchar, start_date date, amount decimal(18, 4))');
    expect((await rejection(mrrMovements(wb))).message).toContain('lacks column(s) end_date, mrr');
    await subscriptions(wb, SUBS);
    const unknown = await rejection(mrrMovements(wb, { form: '2024-01-01' } as never));
    expect([isWorkbenchError(unknown, 'BAD_OPTION'), unknown.message]).toEqual([
      true,
      'unknown option form for mrrMovements(); did you mean from?',
    ]);
    const reversed = await rejection(mrrMovements(wb, { from: '2024-03-01', to: '2024-02-10' }));
    expect(reversed.message).toBe(
      'from (2024-03-01) falls in a later month than to (2024-02-01); give from before to.',
    );
    expect((await rejection(mrrMovements(wb, { to: '31-03-2024' }))).message).toContain(
      'to must be a Date or an ISO date',
    );
  });

  it('never adds several currencies: without rates it refuses, naming them and what to pass (fx.test.ts converts)', async () => {
    await subscriptions(wb, [...SUBS, ['s12', 'h', 'Pro', '2024-01-01', null, 100, 'USD', 'US']]);
    const e = await rejection(mrrMovements(wb));
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toMatch(/^subscriptions holds MRR in 2 currencies \(EUR, USD\); mrrMovements\(\) never adds/);
    expect(e.message).toContain('--fx rates.csv');
  });

  it('throws an internal error when the bridge does not add up', async () => {
    await subscriptions(wb, SUBS);
    const query = wb.query.bind(wb);
    vi.spyOn(wb, 'query').mockImplementation(async (sql, params) => {
      const rows = await query(sql, params);
      return sql.includes('bridge_gap') ? rows.map((r, i) => (i === 1 ? { ...r, bridge_gap: 0.01 } : r)) : rows;
    });
    expect((await rejection(mrrMovements(wb))).message).toBe(
      'internal error: the MRR bridge does not add up for 2024-02 (off by 0.01); please report this with the data that shows it.',
    );
  });
});
