/** subscriptionCohorts: paying customers and MRR retained by start month, drawn by the order cohorts' charts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { subscriptionCohorts, type SubscriptionCohortResult } from '../../../src/analyses/subscriptions/index.js';
import { cohortHeatmap, cohortRetentionCurves } from '../../../src/analyses/cohorts/charts.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { SUBS, subscriptions } from './fixture.js';

/** Cells as [cohort, month offset, size, paying, MRR] */
const brief = (r: SubscriptionCohortResult) => r.rows.map((c) => [c.cohort, c.period, c.size, c.active, c.revenue]);

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
});
afterEach(() => wb.close());

describe('subscriptionCohorts on six customers over January–April 2024', () => {
  it('follows each start month: paying customers and MRR at every month end', async () => {
    const r = await subscriptionCohorts(wb);
    expect(brief(r)).toEqual([
      // a, b, c, d, f start in January; f leaves in February, d in March and comes back in April
      ['2024-01', 0, 5, 5, 339.99],
      ['2024-01', 1, 5, 4, 420.5],
      ['2024-01', 2, 5, 3, 300.5],
      ['2024-01', 3, 5, 4, 310.25],
      // e starts in February and downgrades in March; g never pays at a month end
      ['2024-02', 0, 1, 1, 50],
      ['2024-02', 1, 1, 1, 19.99],
      ['2024-02', 2, 1, 1, 19.99],
    ]);
    const jan = r.rows.filter((c) => c.cohort === '2024-01');
    expect(jan.map((c) => c.retention)).toEqual([1, 0.8, 0.6, 0.8]);
    expect(jan.map((c) => c.revenueRetention)).toEqual(
      [1, 420.5 / 339.99, 300.5 / 339.99, 310.25 / 339.99].map((x) => Number(x.toPrecision(12))),
    );
    expect(jan.map((c) => c.cumulativeRevenuePerCustomer)).toEqual([67.998, 152.098, 212.198, 274.248]);
    expect(r.rows.filter((c) => c.cohort === '2024-02').map((c) => c.revenueRetention)).toEqual([1, 0.3998, 0.3998]);
    expect(r.cohorts.map((c) => [c.cohort, c.size, c.periods, c.revenue])).toEqual([
      ['2024-01', 5, 4, 1371.24],
      ['2024-02', 1, 3, 89.98],
    ]);
    expect([r.customerCount, r.revenue, r.currency]).toEqual([6, 1461.22, 'EUR']);
    expect(r.average.map((p) => [p.period, p.cohorts, p.customers, p.active])).toEqual([
      [0, 2, 6, 6],
      [1, 2, 6, 5],
      [2, 2, 6, 4],
      [3, 1, 5, 4],
    ]);
    expect(r.options).toMatchObject({
      period: 'month',
      by: null,
      asOf: new Date('2024-05-01T00:00:00Z'),
      source: 'subscriptions',
    });
    expect(r.lastPeriod).toEqual({ key: '2024-04', start: new Date('2024-04-01T00:00:00Z'), partial: false });
  });

  it('keeps cohorts that start in the range, observed up to to; the start month sees all history', async () => {
    const late = await subscriptionCohorts(wb, { from: '2024-02-01' });
    expect(brief(late)).toEqual([
      ['2024-02', 0, 1, 1, 50],
      ['2024-02', 1, 1, 1, 19.99],
      ['2024-02', 2, 1, 1, 19.99],
    ]);
    const early = await subscriptionCohorts(wb, { to: '2024-02-29' });
    expect(brief(early)).toEqual([
      ['2024-01', 0, 5, 5, 339.99],
      ['2024-01', 1, 5, 4, 420.5],
      ['2024-02', 0, 1, 1, 50],
    ]);
    expect(early.options.asOfFromData).toBe(false);
  });

  it('is drawn by the cohort heatmap and retention curves', async () => {
    const r = await subscriptionCohorts(wb);
    const heat = cohortHeatmap(r, { metric: 'revenueRetention' });
    expectValidSpec(heat);
    const values = (heat.data as { values: Array<{ period: number; value: number }> }).values;
    expect(values.map((v) => v.period)).toEqual([0, 1, 2, 3, 0, 1, 2]);
    expectValidSpec(cohortRetentionCurves(r));
  });
});

describe('subscriptionCohorts by segment', () => {
  it('splits the cohorts by the plan each customer starts paying on; small segments are flagged, not hidden', async () => {
    const r = await subscriptionCohorts(wb, { by: 'plan', minSize: 3 });
    // start plans: a, b, e Basic; c, d Pro; f Starter (g never pays at a month end)
    expect(r.segments?.map((s) => [s.segment, s.customers, s.tooSmall])).toEqual([
      ['Basic', 3, false],
      ['Pro', 2, true],
      ['Starter', 1, true],
    ]);
    expect(r.segmentBy?.by.column).toBe('plan');
    const cell = (segment: string, cohort: string, k: number) =>
      r.segments?.find((s) => s.segment === segment)?.cohorts.rows.find((c) => c.cohort === cohort && c.period === k);
    // Basic, January: a 50 + b 50, then a 50 + b 120 in February
    expect(cell('Basic', '2024-01', 1)).toMatchObject({ size: 2, active: 2, revenue: 170, revenueRetention: 1.7 });
    // Pro, January: c 100 + d 120; February c 130.50 + d 120; March c alone (d stopped)
    expect(cell('Pro', '2024-01', 1)).toMatchObject({ active: 2, revenue: 250.5 });
    expect(cell('Pro', '2024-01', 2)).toMatchObject({ active: 1, retention: 0.5, revenue: 130.5 });
    // the segments add up to everyone, cell by cell
    for (const c of r.rows) {
      const parts = (r.segments ?? []).map((s) =>
        s.cohorts.rows.find((x) => x.cohort === c.cohort && x.period === c.period),
      );
      expect(parts.reduce((n, x) => n + (x?.active ?? 0), 0)).toBe(c.active);
      expect(parts.reduce((n, x) => n + (x?.revenue ?? 0), 0)).toBeCloseTo(c.revenue, 9);
    }
  });

  it('takes a customers-table column, and names an unknown one', async () => {
    await wb.run(
      `create table customers as select * from (values ('a', 'NL'), ('b', 'BE'), ('c', 'NL'), ('d', 'DE'), ('e', 'NL'), ('f', 'BE')) t(customer_id, region)`,
    );
    const r = await subscriptionCohorts(wb, { by: 'region', minSize: 1 });
    expect(r.segments?.map((s) => [s.segment, s.customers])).toEqual([
      ['BE', 2],
      ['DE', 1],
      ['NL', 3],
    ]);
    await expect(subscriptionCohorts(wb, { by: 'nope' })).rejects.toThrow(
      /unknown segment column for subscriptionCohorts\(\): "nope"/,
    );
  });
});
