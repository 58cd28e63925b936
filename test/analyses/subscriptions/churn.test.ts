/** subscriptionChurn: customer vs revenue churn per segment on hand-made subscriptions (fixture.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import {
  mrrMovements,
  subscriptionChurn,
  type SubscriptionChurnRow,
} from '../../../src/analyses/subscriptions/index.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { SUBS, subscriptions, type Sub } from './fixture.js';

/** [segment, customerMonths, churnedCustomers, mrrAtRisk, churnedMrr, contraction, expansion] */
const brief = (rows: readonly SubscriptionChurnRow[]) =>
  rows.map((r) => [
    r.segment,
    r.customerMonths,
    r.churnedCustomers,
    r.mrrAtRisk,
    r.churnedMrr,
    r.contraction,
    r.expansion,
  ]);

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

describe('subscriptionChurn by plan on six customers over January–April 2024', () => {
  beforeEach(async () => subscriptions(wb, SUBS));

  /*
   * At risk = paying at a month start (the previous month's end), in the plan with the highest MRR then:
   *   Feb  a Basic 50→50, b Basic 50→120, c Pro 100→130.50, d Pro 120→120, f Starter 19.99→0
   *   Mar  a Basic 50→50, b Pro 120→120, c Pro 130.50→130.50 (Pro 100 > Seats 30.50), d Pro 120→0, e Basic 50→19.99
   *   Apr  a Basic 50→50, b Pro 120→120, c Pro 130.50→100, e Starter 19.99→19.99
   */
  it('counts each customer in the plan they had at the month start', async () => {
    const r = await subscriptionChurn(wb, { by: 'plan', minSize: 1 });
    expect(brief(r.rows)).toEqual([
      ['Basic', 5, 0, 250, 0, 30.01, 70], // b's upgrade and e's downgrade count where they started the month
      ['Pro', 7, 1, 841, 120, 30.5, 30.5],
      ['Starter', 2, 1, 39.98, 19.99, 0, 0],
    ]);
    // averages over February–April: no one pays at the start of January
    expect(r.rows.map((x) => [x.customers, x.averageCustomers, x.small])).toEqual([
      [3, 5 / 3, false],
      [3, 7 / 3, false],
      [2, 2 / 3, true],
    ]);
    expect(r.options).toMatchObject({
      by: { kind: 'subscriptions', table: 'subscriptions', column: 'plan' },
      months: 4,
      margin: 1,
      minSize: 1,
    });
    expect(r.monthsAtRisk).toBe(3);
  });

  it('gives monthly customer churn with its Wilson interval, revenue churn, ARPU and the simple LTV', async () => {
    const r = await subscriptionChurn(wb, { by: 'plan', minSize: 1, margin: 0.8 });
    const [basic, pro, starter] = r.rows;
    expect(pro?.customerChurn.rate).toBeCloseTo(1 / 7, 12);
    expect(pro?.customerChurn.low).toBeCloseTo(0.02568, 5); // Wilson 1/7, worked by hand
    expect(pro?.customerChurn.high).toBeCloseTo(0.51313, 5);
    expect(pro?.grossRevenueChurn).toBeCloseTo(150.5 / 841, 12);
    expect(pro?.netRevenueChurn).toBeCloseTo(120 / 841, 12);
    expect(pro?.arpu).toBeCloseTo(841 / 7, 12);
    expect(pro?.ltv).toBeCloseTo(672.8, 9); // 841/7 × 0.8 ÷ 1/7
    // the LTV at the ends of the churn interval: 841/7 × 0.8 ÷ 0.51313 and ÷ 0.02568
    expect(pro?.ltvInterval?.low).toBeCloseTo(((841 / 7) * 0.8) / (pro?.customerChurn.high ?? NaN), 9);
    expect(pro?.ltvInterval?.low).toBeCloseTo(187.31, 1);
    expect(pro?.ltvInterval?.high).toBeCloseTo(3742.82, 1);
    expect(basic?.customerChurn).toMatchObject({ events: 0, total: 5, rate: 0, low: 0 });
    expect(basic?.grossRevenueChurn).toBeCloseTo(0.12004, 12);
    // (0 + 30.01 − 70 − 40.25) ÷ 250: d returns on Basic in April (issue #27: ChartMogul's net churn; was −0.15996 without reactivation)
    expect(basic?.netRevenueChurn).toBeCloseTo(-0.32096, 12);
    expect([basic?.reactivation, pro?.reactivation, starter?.reactivation]).toEqual([40.25, 0, 0]);
    expect([basic?.arpu, basic?.ltv]).toEqual([50, null]); // no churn: no LTV
    expect([starter?.grossRevenueChurn, starter?.netRevenueChurn, starter?.arpu]).toEqual([0.5, 0.5, 19.99]);
    expect(starter?.ltv).toBeCloseTo(31.984, 9);
    expect(r.ltvMethod).toBe('simple');
  });

  it('totals agree with mrrMovements: MRR at risk is the sum of the monthly starting MRR', async () => {
    const r = await subscriptionChurn(wb, { by: 'plan' });
    const m = await mrrMovements(wb);
    expect([
      r.total.customerMonths,
      r.total.churnedCustomers,
      r.total.mrrAtRisk,
      r.total.churnedMrr,
      r.total.contraction,
      r.total.expansion,
    ]).toEqual([
      m.totals.customerMonths,
      m.totals.churnedCustomers,
      1130.98,
      m.totals.churned,
      m.totals.contraction,
      m.totals.expansion,
    ]);
    expect(r.total.customerChurn.rate).toBe(m.totals.customerChurnRate);
    expect(r.total.grossRevenueChurn).toBe(m.totals.grossRevenueChurn);
    // 139.99 + 60.51 − 100.50 − 40.25: one definition of net revenue churn, ChartMogul's (issue #27; was 100 / 1130.98 without reactivation)
    expect(r.total.netRevenueChurn).toBeCloseTo(59.75 / 1130.98, 12);
    expect(r.total.netRevenueChurn).toBe(m.totals.netRevenueChurn);
    expect(r.total.reactivation).toBe(m.totals.reactivation);
  });

  it('ranks the segments that are not small, and flags all as small under the default 30', async () => {
    const r = await subscriptionChurn(wb, { by: 'plan', minSize: 1 });
    expect(r.ranking).toEqual({ byCustomers: ['Pro', 'Basic'], byRevenue: ['Pro', 'Basic'] });
    expect(r.finding).toEqual({ key: 'same_order', topByCustomers: 'Pro', topByRevenue: 'Pro' });
    const d = await subscriptionChurn(wb, { by: 'plan' });
    expect(d.rows.every((x) => x.small)).toBe(true);
    expect(d.finding).toBeNull();
  });

  it('segments by another subscriptions column, within a range of months', async () => {
    const r = await subscriptionChurn(wb, { by: 'country', from: '2024-03-01', minSize: 0 });
    expect(brief(r.rows)).toEqual([
      ['BE', 2, 0, 240, 0, 0, 0],
      ['DE', 1, 1, 120, 120, 0, 0],
      ['NL', 6, 0, 430.99, 0, 60.51, 0],
    ]);
    expect([r.options.months, r.monthsAtRisk]).toEqual([2, 2]);
  });

  it('segments by a customers column; customers without a row form the segment without a value', async () => {
    await wb.run(
      "create table customers as select * from (values ('a', 'North'), ('b', 'South'), ('c', 'North'), ('d', 'South')) v(customer_id, region)",
    );
    const r = await subscriptionChurn(wb, { by: 'region', minSize: 1 });
    expect(brief(r.rows)).toEqual([
      ['North', 6, 0, 511, 0, 30.5, 30.5],
      ['South', 5, 1, 530, 120, 0, 70],
      [null, 3, 1, 89.98, 19.99, 30.01, 0],
    ]);
    expect(r.options.by).toEqual({ kind: 'table', table: 'customers', column: 'region' });
    expect(r.warnings).toEqual([
      '3 customer-month(s) at risk have no value of region; they form the segment without a value (not ranked).',
    ]);
    expect(r.ranking.byCustomers).toEqual(['South', 'North']);
  });
});

describe('subscriptionChurn with a segment table, built so the two churns disagree', () => {
  /*
   * X: four customers at 10, two leave in February: customer churn 2/4 = 0.5, revenue churn 20/40 = 0.5.
   * Y: one customer at 1000 and three at 10; the big one leaves: customer churn 1/4 = 0.25, revenue churn 1000/1030.
   */
  const rows: Sub[] = [
    ...['x1', 'x2', 'x3', 'x4'].map((c, i): Sub => [
      `s${c}`,
      c,
      'Basic',
      '2024-01-01',
      i < 2 ? '2024-02-10' : null,
      10,
      'EUR',
      'NL',
    ]),
    ['sy1', 'y1', 'Pro', '2024-01-01', '2024-02-10', 1000, 'EUR', 'NL'],
    ...['y2', 'y3', 'y4'].map((c): Sub => [`s${c}`, c, 'Basic', '2024-01-01', null, 10, 'EUR', 'NL']),
  ];
  beforeEach(async () => {
    await subscriptions(wb, rows);
    await wb.run(`create table usage_segments as select customer_id, case when customer_id like 'x%' then 'X' else 'Y' end as segment,
      case when customer_id like 'x%' then 1 else 0 end as segment_order from subscriptions`);
  });

  it('finds a different top segment by customers than by revenue, in the table order', async () => {
    const r = await subscriptionChurn(wb, { by: { table: 'usage_segments' }, minSize: 1 });
    expect(brief(r.rows)).toEqual([
      ['Y', 4, 1, 1030, 1000, 0, 0],
      ['X', 4, 2, 40, 20, 0, 0],
    ]);
    expect(r.rows.map((x) => [x.customerChurn.rate, x.grossRevenueChurn])).toEqual([
      [0.25, 1000 / 1030],
      [0.5, 0.5],
    ]);
    expect(r.finding).toEqual({ key: 'different_order', topByCustomers: 'X', topByRevenue: 'Y' });
    expect(r.ranking).toEqual({ byCustomers: ['X', 'Y'], byRevenue: ['Y', 'X'] });
    expect(r.options.by).toEqual({
      kind: 'table',
      table: 'usage_segments',
      column: 'segment',
      orderColumn: 'segment_order',
    });
  });

  it('takes another column of the segment table when named', async () => {
    await wb.run("alter table usage_segments add column tier varchar default 'all'");
    const r = await subscriptionChurn(wb, { by: { table: 'usage_segments', column: 'tier' }, minSize: 1 });
    expect(brief(r.rows)).toEqual([['all', 8, 3, 1070, 1020, 0, 0]]);
    expect(r.finding).toBeNull();
  });
});

describe('subscriptionChurn problems', () => {
  beforeEach(async () => subscriptions(wb, SUBS));

  it('lists the columns of both tables for an unknown by column', async () => {
    await wb.run("create table customers as select 'a' as customer_id, 'North' as region");
    const e = await rejection(subscriptionChurn(wb, { by: 'tier' }));
    expect(isWorkbenchError(e, 'UNKNOWN_COLUMN')).toBe(true);
    expect(e.message).toBe(
      'unknown segment column for subscriptionChurn(): "tier". Columns available (subscriptions: "plan", "currency", "country"; customers: "region"; events, at each month start: (none: load usage events with a device, platform or app_version column)). Pass { table, column } to use a segment table.',
    );
  });

  it('needs by, a valid margin, and a segment table with one row per customer and the column', async () => {
    expect((await rejection(subscriptionChurn(wb, {} as never))).message).toContain('subscriptionChurn() needs by:');
    expect((await rejection(subscriptionChurn(wb, { by: 'plan', margin: 0 }))).message).toBe(
      'margin must be in (0, 1], got 0.',
    );
    expect((await rejection(subscriptionChurn(wb, { by: { table: 'nope' } }))).message).toContain(
      'There is no table nope',
    );
    await wb.run("create table seg as select * from (values ('a', 'X'), ('a', 'Y')) v(customer_id, segment)");
    expect((await rejection(subscriptionChurn(wb, { by: { table: 'seg', column: 'tier' } }))).message).toContain(
      'lacks column(s) tier',
    );
    const dup = await rejection(subscriptionChurn(wb, { by: { table: 'seg' } }));
    expect([isWorkbenchError(dup, 'BAD_OPTION'), dup.message]).toEqual([
      true,
      'Table seg has 1 customer(s) on more than one row (list them with: select customer_id from seg group by 1 having count(*) > 1); a segment table needs one row per customer.',
    ]);
    expect((await rejection(subscriptionChurn(wb, { by: 'plan', minsize: 5 } as never))).message).toContain(
      'did you mean minSize?',
    );
  });
});
