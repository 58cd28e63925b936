/**
 * subscriptionKpis on hand-made subscriptions: MRR, ARR, ARPA, NRR and GRR over two months, the quick ratio
 * (fixture.ts, worked by hand from its month-end MRRs), and trial → paid conversion on a table of trials.
 *
 * Month-end MRR of fixture.ts: Jan a 50, b 50, c 100, d 120, f 19.99 (339.99); Feb a 50, b 120, c 130.50, d 120,
 * e 50 (470.50); Mar a 50, b 120, c 130.50, e 19.99 (320.49); Apr a 50, b 120, c 100, d 40.25, e 19.99 (330.24).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { subscriptionKpis } from '../../../src/analyses/subscriptions/kpis.js';
import { SUBS, subscriptions, type Sub } from './fixture.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

describe('subscriptionKpis on six customers over January–April 2024', () => {
  beforeEach(async () => subscriptions(wb, SUBS));

  it('gives MRR, ARR, customers, ARPA and the quick ratio from the bridge', async () => {
    const r = await subscriptionKpis(wb, { retentionMonths: 2 });
    expect(r.rows.map((x) => [x.mrr, x.arr, x.customers, x.arpa])).toEqual([
      [339.99, 4079.88, 5, 67.998],
      [470.5, 5646, 5, 94.1],
      [320.49, 3845.88, 4, 80.1225],
      [330.24, 3962.88, 5, 66.048],
    ]);
    expect(r.rows.map((x) => x.quickRatio)).toEqual([null, 150.5 / 19.99, 0, 40.25 / 30.5]);
  });

  it('gives net and gross revenue retention of the customers paying two months before', async () => {
    const r = await subscriptionKpis(wb, { retentionMonths: 2 });
    expect(r.rows.map((x) => x.retentionBase)).toEqual([0, 0, 339.99, 470.5]);
    const [jan, , mar, apr] = r.rows;
    expect([jan?.nrr, jan?.grr]).toEqual([null, null]);
    expect(mar?.nrr).toBeCloseTo(300.5 / 339.99, 12); // a 50 + b 120 + c 130.50; d and f stopped
    expect(mar?.grr).toBeCloseTo(200 / 339.99, 12); // a 50 + b 50 + c 100: b's and c's growth does not count
    expect(apr?.nrr).toBeCloseTo(330.24 / 470.5, 12);
    expect(apr?.grr).toBeCloseTo(330.24 / 470.5, 12); // no one of February's customers pays more in April
    expect(r.options).toMatchObject({ retentionMonths: 2, conversionDays: 30, method: 'month-end', by: null });
  });

  it('gives retention per plan, each customer in the plan they had at the start of the window', async () => {
    const r = await subscriptionKpis(wb, { retentionMonths: 2, by: 'plan', minSize: 1 });
    const plan = (name: string) => r.segments?.find((s) => s.segment === name)?.rows;
    // March, from January's end: Basic a 50 + b 50 → a 50 + b 120 (b upgraded); Pro c 100 + d 120 → c 130.50 + d 0
    expect([plan('Basic')?.[2]?.nrr, plan('Basic')?.[2]?.grr]).toEqual([1.7, 1]);
    expect(plan('Pro')?.[2]?.nrr).toBeCloseTo(130.5 / 220, 12);
    expect(plan('Pro')?.[2]?.grr).toBeCloseTo(100 / 220, 12);
    expect([plan('Starter')?.[2]?.retentionBase, plan('Starter')?.[2]?.nrr]).toEqual([19.99, 0]);
    // April, from February's end: b now counts in Pro
    expect(plan('Pro')?.[3]?.retentionBase).toBe(370.5);
    expect(plan('Pro')?.[3]?.nrr).toBeCloseTo(260.25 / 370.5, 12);
    expect(plan('Basic')?.[3]?.nrr).toBeCloseTo(69.99 / 100, 12);
  });
});

describe('subscriptionKpis trial → paid conversion', () => {
  const row = (
    id: string,
    customer: string,
    plan: string,
    start: string,
    end: string | null,
    mrr: number,
    country: string,
  ): Sub => [id, customer, plan, start, end, mrr, 'EUR', country];
  beforeEach(async () =>
    subscriptions(wb, [
      row('t1a', 't1', 'Trial', '2024-01-03', '2024-01-17', 0, 'NL'),
      row('t1b', 't1', 'Basic', '2024-01-17', null, 30, 'NL'), // paid after 14 days
      row('t2a', 't2', 'Trial', '2024-01-10', '2024-01-24', 0, 'BE'), // never pays
      row('t3a', 't3', 'Trial', '2024-02-01', '2024-02-15', 0, 'NL'),
      row('t3b', 't3', 'Basic', '2024-03-10', null, 30, 'NL'), // after 38 days
      row('t4a', 't4', 'Trial', '2024-04-20', null, 0, 'NL'), // window open at the data's last date (5 May)
      row('p1', 'p1', 'Basic', '2024-01-01', '2024-05-05', 40, 'NL'),
      row('p2a', 'p2', 'Basic', '2024-02-01', null, 20, 'BE'),
      row('p2b', 'p2', 'Addon', '2024-02-01', null, 0, 'BE'), // a free add-on, no trial
    ]),
  );

  it('counts a trial converted when the first payment starts within 30 days, and leaves open windows pending', async () => {
    const r = await subscriptionKpis(wb);
    expect(
      r.rows.map((x) => [
        x.month.toISOString().slice(0, 7),
        x.trials,
        x.trialConversion?.events ?? null,
        x.trialConversion?.total ?? null,
        x.pendingTrials,
      ]),
    ).toEqual([
      ['2024-01', 2, 1, 2, 0],
      ['2024-02', 1, 0, 1, 0],
      ['2024-03', 0, null, null, 0],
      ['2024-04', 1, null, null, 1],
      ['2024-05', 0, null, null, 0],
    ]);
    expect(r.rows[0]?.trialConversion?.rate).toBe(0.5);
    const longer = await subscriptionKpis(wb, { conversionDays: 45 });
    expect(longer.rows[1]?.trialConversion).toMatchObject({ events: 1, total: 1 }); // t3 paid on day 38
  });

  it('counts a trial in the segment it started in', async () => {
    const r = await subscriptionKpis(wb, { by: 'country', minSize: 0 });
    const jan = (c: string) => r.segments?.find((s) => s.segment === c)?.rows[0]?.trialConversion;
    expect(jan('NL')).toMatchObject({ events: 1, total: 1 });
    expect(jan('BE')).toMatchObject({ events: 0, total: 1 });
    const byPlan = await subscriptionKpis(wb, { by: 'plan', minSize: 0 });
    expect(byPlan.warnings).toEqual([
      '4 trial(s) started in segment value(s) no paying customer has ("Trial"); they count in the totals only.',
    ]);
  });
});
