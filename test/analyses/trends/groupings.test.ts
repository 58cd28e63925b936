/**
 * trends() beyond RFM and value tiers, on a hand-made fixture with known answers: clusters followed by assigning
 * every date's buyers to given centres, a customer attribute followed over time, and churn per segment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { trends, type TrendClusters, type TrendsResult, type TrendValue } from '../../../src/analyses/trends/index.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

const THRESHOLDS = { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] };
const AS_OF = new Date('2024-01-01T00:00:00Z');

/**
 * Dates 1 Nov, 1 Dec 2023 and 1 Jan 2024 (windows October, November, December).
 * A (NL): 5 orders of 50 in early October. B (BE): 80 on 20 Dec. C (NL): 20 in June 2022. D (BE): 30 on 20 Oct, 70 on 15 Nov.
 */
const FIXTURE: Tx[] = [
  ...[1, 2, 3, 4, 5].map((d): Tx => ['A', `A${d}`, `2023-10-0${d}`, 50, 'NL']),
  ['B', 'B1', '2023-12-20', 80, 'BE'],
  ['C', 'C1', '2022-06-10', 20, 'NL'],
  ['D', 'D1', '2023-10-20', 30, 'BE'],
  ['D', 'D2', '2023-11-15', 70, 'BE'],
];

/** Two centres on raw net revenue (no transform, mean 0, sd 1): cluster 1 at 200, cluster 2 at 0 (midpoint 100). */
const CENTRES: TrendClusters = {
  features: [{ name: 'monetary', source: 'transactions', transform: 'none', mean: 0, sd: 1 }],
  profiles: [
    { cluster: 1, centroid: [200], nameParts: [] },
    { cluster: 2, centroid: [0], nameParts: [] },
  ],
  options: { missing: 'exclude', customers: 'customers' },
};

const sizes = (list: readonly TrendValue[], point: number) =>
  Object.fromEntries(list.filter((v) => v.point === point).map((v) => [v.segment, v.customers]));

describe('trends of clusters, attributes and churn on a hand-made fixture', () => {
  let wb: Workbench;
  let t: TrendsResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
    t = await trends(wb, {
      asOf: AS_OF,
      points: 3,
      scoring: THRESHOLDS,
      minSize: 1,
      clusters: CENTRES,
      by: ['country'],
    });
  });
  afterAll(() => wb.close());

  it('assigns each date’s buyers to the nearest centre on their revenue so far, a tie to cluster 1', () => {
    const clusters = t.groupings[0]!;
    expect(clusters).toMatchObject({ kind: 'clusters', by: 'clusters', keys: ['1', '2'] });
    // 1 Nov: A 250 → 1; C 20, D 30 → 2. 1 Dec: D has 100, as far from 200 as from 0 → 1. 1 Jan: B 80 → 2.
    expect(sizes(clusters.values, 0)).toEqual({ '1': 1, '2': 2 });
    expect(sizes(clusters.values, 1)).toEqual({ '1': 2, '2': 1 });
    expect(sizes(clusters.values, 2)).toEqual({ '1': 2, '2': 2 });
    expect(clusters.values.find((v) => v.point === 1 && v.segment === '1')).toMatchObject({
      share: 2 / 3,
      revenue: 70,
      repeatRate: { events: 1, total: 2 },
    });
    expect(t.options.clusters).toBe(2);
  });

  it('follows an attribute with each customer’s value fixed, its shares adding up to 1 at every date', () => {
    const country = t.groupings[1]!;
    expect(country).toMatchObject({ kind: 'attribute', by: 'country', keys: ['BE', 'NL'] });
    expect(sizes(country.values, 0)).toEqual({ BE: 1, NL: 2 });
    expect(sizes(country.values, 2)).toEqual({ BE: 2, NL: 2 });
    for (const p of [0, 1, 2])
      expect(country.values.filter((v) => v.point === p).reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 12);
    expect(t.options.by).toEqual(['country']);
  });

  it('counts churn in the segment of the previous date: of those who bought in the window before, the share without a purchase in this one', () => {
    const all = (p: number) =>
      t.rfm
        .filter((v) => v.point === p)
        .reduce((s, v) => ({ e: s.e + v.churn.events, n: s.n + v.churn.total }), { e: 0, n: 0 });
    const churn = (list: readonly TrendValue[], point: number, segment: string) =>
      list.find((v) => v.point === point && v.segment === segment)!.churn;
    // No window before the first date's: not defined there.
    expect(all(0)).toEqual({ e: 0, n: 0 });
    expect(t.rfm.filter((v) => v.point === 0).every((v) => Number.isNaN(v.churn.rate))).toBe(true);
    // Worked by hand. At 1 Nov (rfm() as of it): A champions (5 orders, 250, last 5 Oct), D new (one order of
    // 30 on 20 Oct), C hibernating. 1 Dec: A and D bought in October; A did not in November (churned), D did.
    // Membership is the 1 Nov segment, so the churn of 1 Dec sits with champions (A: 1 of 1) and new (D: 0 of
    // 1) — not with A's and D's 1 Dec segments (loyal, potential loyalists), which would make it circular.
    expect(all(1)).toEqual({ e: 1, n: 2 });
    expect(churn(t.rfm, 1, 'champions')).toMatchObject({ events: 1, total: 1, rate: 1 });
    // champions is empty at 1 Dec, yet keeps the churn of its 1 Nov customers
    expect(t.rfm.find((v) => v.point === 1 && v.segment === 'champions')?.customers).toBe(0);
    const d = churn(t.rfm, 1, 'new');
    expect(d).toMatchObject({ events: 0, total: 1, rate: 0 });
    expect(d.high).toBeCloseTo(0.7935, 4); // Wilson upper bound of 0 of 1
    expect(churn(t.rfm, 1, 'loyal')).toMatchObject({ events: 0, total: 0 });
    // 1 Jan: only D bought in November (potential loyalists at 1 Dec), and not in December.
    expect(all(2)).toEqual({ e: 1, n: 1 });
    expect(churn(t.rfm, 2, 'potential-loyalists')).toMatchObject({ events: 1, total: 1 });
    // Value tiers at 1 Nov: A (250) next 30% (1 of 3 customers have at least its revenue), D (30) rest 50%.
    expect(churn(t.valueTiers, 1, 'next-30%')).toMatchObject({ events: 1, total: 1 });
    expect(churn(t.valueTiers, 1, 'rest-50%')).toMatchObject({ events: 0, total: 1 });
    // Clusters at 1 Nov: A (250) cluster 1, D (30) cluster 2; at 1 Dec D (100) is in cluster 1.
    expect(churn(t.groupings[0]!.values, 1, '1')).toMatchObject({ events: 1, total: 1 });
    expect(churn(t.groupings[0]!.values, 1, '2')).toMatchObject({ events: 0, total: 1 });
    expect(churn(t.groupings[0]!.values, 2, '1')).toMatchObject({ events: 1, total: 1 });
    // An attribute does not move: A is NL, D is BE.
    expect(churn(t.groupings[1]!.values, 1, 'NL')).toMatchObject({ events: 1, total: 1 });
    expect(churn(t.groupings[1]!.values, 2, 'BE')).toMatchObject({ events: 1, total: 1 });
  });

  it('leaves the RFM and value-tier figures as they are without the new groupings', async () => {
    const plain = await trends(wb, { asOf: AS_OF, points: 3, scoring: THRESHOLDS, minSize: 1 });
    expect(plain.rfm).toEqual(t.rfm);
    expect(plain.valueTiers).toEqual(t.valueTiers);
    expect(plain.groupings).toEqual([]);
  });

  it('names an unknown attribute and the usable ones', async () => {
    const e = await rejection(trends(wb, { asOf: AS_OF, points: 3, by: ['region'] }));
    expect(isWorkbenchError(e) && e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toMatch(/region/);
    expect(e.message).toMatch(/country/);
  });
});
