/** The trends section and charts on a hand-made fixture: the rise-and-fall sentence, the table, valid and drawable charts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { trends, type TrendsResult } from '../../../src/analyses/trends/index.js';
import { trendFindings, trendsSection } from '../../../src/analyses/trends/section.js';
import {
  MAX_SERIES,
  trendGroupingShareChart,
  trendKpiChart,
  trendShareChart,
} from '../../../src/analyses/trends/charts.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { transactions, type Tx } from '../../helpers/fixture-tables.js';

const THRESHOLDS = { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] };
/** As in trends.test.ts: A Champions → Loyal, B New at the end, C Hibernating, D New → Potential loyalists. */
const FIXTURE: Tx[] = [
  ...[1, 2, 3, 4, 5].map((d): Tx => ['A', `A${d}`, `2023-10-0${d}`, 50]),
  ['B', 'B1', '2023-12-20', 80],
  ['C', 'C1', '2022-06-10', 20],
  ['D', 'D1', '2023-10-20', 30],
  ['D', 'D2', '2023-11-15', 70],
];

let wb: Workbench;
let t: TrendsResult;
let small: TrendsResult;
beforeAll(async () => {
  wb = await Workbench.open();
  await transactions(wb, FIXTURE);
  t = await trends(wb, { asOf: '2024-01-01', points: 3, scoring: THRESHOLDS, minSize: 1 });
  small = await trends(wb, { asOf: '2024-01-01', points: 3, scoring: THRESHOLDS });
});
afterAll(() => wb.close());

describe('trends section', () => {
  it('names the biggest rise and fall in share between the first and last point, in English and Dutch', () => {
    // Champions 1 of 3 → 0 of 4; Potential loyalists 0 → 1 of 4 and Loyal 0 → 1 of 4 (the first in map order wins the tie)
    expect(trendFindings(t, 'en', 'GBP')).toEqual([
      'From 1 Nov 2023 to 1 Jan 2024, Loyal Customers grew the most (from 0.0% to 25.0% of customers) and Champions shrank the most (from 33.3% to 0.0%).',
      'The number of customers with a purchase went from 3 at 1 Nov 2023 to 4 at 1 Jan 2024.',
    ]);
    expect(trendFindings(t, 'nl')[0]).toBe(
      'Van 1 nov 2023 tot 1 jan 2024 groeide Trouwe klanten het meest (van 0,0% naar 25,0% van de klanten) en kromp Kampioenen het meest (van 33,3% naar 0,0%).',
    );
  });

  it('tables the first and last point per segment, and says "too small" instead of a figure below minSize (– when empty)', () => {
    const [rfmSizes, rfmTable, tierSizes] = trendsSection(t, { locale: 'en', currency: 'GBP' }).tables ?? [];
    // two tables per grouping, so that neither scrolls on a laptop: the sizes, then the KPIs
    expect(rfmSizes?.caption).toBe('RFM segments: customers (share) at 1 Nov 2023 and 1 Jan 2024');
    expect(rfmTable?.caption).toBe(
      'RFM segments: revenue per customer, repeat rate and churn in the month before 1 Jan 2024, with 95% intervals',
    );
    expect(rfmSizes?.columns.map((c) => c.label)).toEqual([
      'Segment',
      '1 Nov 2023',
      '1 Jan 2024',
      'Change in share (points)',
    ]);
    expect(rfmTable?.columns.map((c) => c.label)).toEqual(['Segment', 'Revenue per customer', 'Repeat rate', 'Churn']);
    expect(rfmSizes?.rows.find((r) => r[0] === 'Champions')).toEqual(['Champions', '1 (33.3%)', '0 (0.0%)', '−33.3']);
    expect(rfmTable?.rows.find((r) => r[0] === 'Champions')).toEqual(['Champions', '–', '–', '–']);
    expect(rfmSizes?.rows.find((r) => r[0] === 'New Customers')).toEqual([
      'New Customers',
      '1 (33.3%)',
      '1 (25.0%)',
      '−8.3',
    ]);
    expect(rfmTable?.rows.find((r) => r[0] === 'New Customers')).toEqual([
      'New Customers',
      '£80',
      '0.0% (0.0%–79.3%)',
      '–', // no New Customer at 1 Dec (D had become a Potential Loyalist): no churn to measure
    ]);
    // D, Potential Loyalists at 1 Dec (the previous date), ordered in November and not in December: churn 1 of 1
    expect(rfmTable?.rows.find((r) => r[0] === 'Potential Loyalists')?.[3]).toBe('100.0% (20.7%–100.0%)');
    expect(tierSizes?.rows.map((r) => r[0])).toEqual(['Top 20%', 'Next 30%', 'Rest 50%']);
    const [, revenue, repeat] = trendsSection(small, { locale: 'nl' }).tables?.[1]?.rows[1] ?? []; // Trouwe klanten: 1 customer
    expect([revenue, repeat]).toEqual(['te klein', 'te klein']);
  });

  it('draws valid charts: shares, and KPI lines with bands (too-small points left out)', async () => {
    for (const locale of ['en', 'nl'] as const) {
      await expectRenders(trendShareChart(t, { locale }));
      await expectRenders(trendKpiChart(t, { locale, segments: 'rfm' }));
      await expectRenders(trendKpiChart(t, { locale, kpi: 'repeatRate' }));
    }
    const shares = trendShareChart(t) as { data: { values: Array<{ share: number }> } };
    expect(shares.data.values).toHaveLength(3 * t.segments.length);
    const none = trendKpiChart(small) as { data: { values: unknown[] } };
    expect(none.data.values).toEqual([]);
    expectValidSpec(trendKpiChart(small, { segments: 'rfm' }));
  });

  it('adds a chart and a table per grouping: clusters with their names, an attribute’s values in words', async () => {
    const centres = {
      features: [{ name: 'monetary', source: 'transactions' as const, transform: 'none' as const, mean: 0, sd: 1 }],
      profiles: [
        { cluster: 1, centroid: [200], nameParts: [{ feature: 'monetary', level: 'high' as const }] },
        { cluster: 2, centroid: [0], nameParts: [{ feature: 'monetary', level: 'low' as const }] },
      ],
      options: { missing: 'exclude' as const, customers: 'customers' },
    };
    const g = await trends(wb, {
      asOf: '2024-01-01',
      points: 3,
      scoring: THRESHOLDS,
      clusters: centres,
      by: ['country'],
    });
    for (const locale of ['en', 'nl'] as const) {
      const section = trendsSection(g, { locale, currency: 'GBP' });
      expect(section.charts?.map((c) => c.id)).toEqual([
        'trends-shares',
        'trends-rfm-revenue',
        'trends-tier-revenue',
        'trends-tier-repeat',
        'trends-tier-churn',
        'trends-clusters',
        'trends-clusters-revenue',
        'trends-by-1',
      ]);
      for (const c of section.charts ?? []) await expectRenders(c.spec);
      const [, , , , clusters, clusterKpis, country] = section.tables ?? [];
      // 4 customers, minSize 30: every figure of a point is "too small", the counts stay
      const rows = clusters?.rows.map((r) => r.slice(0, 3).join(' | ').replaceAll(',', '.'));
      expect(rows).toEqual(
        locale === 'en'
          ? ['1. High spend | 1 (33.3%) | 2 (50.0%)', '2. Low spend | 2 (66.7%) | 2 (50.0%)']
          : ['1. Hoge besteding | 1 (33.3%) | 2 (50.0%)', '2. Lage besteding | 2 (66.7%) | 2 (50.0%)'],
      );
      expect(clusterKpis?.rows[0]?.[1]).toBe(locale === 'en' ? 'too small' : 'te klein');
      expect(country?.caption).toMatch(locale === 'en' ? /^By country:/ : /^Naar land:/);
      expect(section.intro?.[2]).toMatch(locale === 'en' ? /followed by country/ : /gevolgd naar land/);
    }
  });

  it('sums the values beyond the largest few into one band, shares still adding up to 1', async () => {
    const many = await Workbench.open();
    try {
      const countries = ['AT', 'BE', 'CH', 'DE', 'DK', 'ES', 'FR', 'IT', 'NL', 'PT'];
      await transactions(
        many,
        countries.flatMap((c, i) =>
          Array.from({ length: i + 1 }, (_, j): Tx => [`${c}${j}`, `${c}${j}o`, '2023-12-05', 10, c]),
        ),
      );
      const g = await trends(many, { asOf: '2024-01-01', points: 2, by: ['country'] });
      const spec = trendGroupingShareChart(g, g.groupings[0]!) as {
        data: { values: Array<{ date: string; segment: string; customers: number; share: number }> };
      };
      const last = spec.data.values.filter((v) => v.date === '1 Jan 2024');
      expect(last).toHaveLength(MAX_SERIES);
      // the 7 largest (PT 10 … DE 4) and one band for the rest: AT 1 + BE 2 + CH 3
      expect(last.find((v) => v.segment === 'Other values')?.customers).toBe(6);
      expect(last.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 12);
    } finally {
      await many.close();
    }
  });
});
