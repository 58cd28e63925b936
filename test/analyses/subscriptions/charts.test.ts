/**
 * Subscription charts on the hand-made subscriptions of test/analyses/subscriptions/fixture.ts (six customers,
 * January–April 2024) and on a hand-made usage churn result: schema-valid, rendered, and the numbers in the
 * data values are the result's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import {
  mrrMovements,
  subscriptionChurn,
  subscriptionCohorts,
  type MrrMovementsResult,
  type SubscriptionChurnResult,
} from '../../../src/analyses/subscriptions/index.js';
import type { UsageChurnResult } from '../../../src/analyses/usage/churn.js';
import {
  churnComparisonChart,
  mrrBridgeChart,
  mrrMovementsChart,
  usageChurnChart,
} from '../../../src/analyses/subscriptions/charts.js';
import { cohortHeatmap, cohortRetentionCurves } from '../../../src/analyses/cohorts/charts.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { SUBS, subscriptions } from './fixture.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: object): Values => (spec as { data: { values: Values } }).data.values;
const titleOf = (spec: object): unknown => (spec as { title: unknown }).title;

let wb: Workbench;
let movements: MrrMovementsResult;
let byPlan: SubscriptionChurnResult;

beforeAll(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
  movements = await mrrMovements(wb);
  byPlan = await subscriptionChurn(wb, { by: 'plan', minSize: 1 });
});
afterAll(() => wb.close());

describe('mrrBridgeChart', () => {
  it('walks from the start MRR to the end MRR in the result’s totals, each step from where the last ended', async () => {
    const spec = mrrBridgeChart(movements);
    const v = valuesOf(spec).map((x) => [x['key'], x['amount'], x['from'], x['to']]);
    // totals of the fixture: new 389.99, expansion 100.50, contraction 60.51, churned 139.99, reactivation 40.25, end 330.24
    expect(v.map((x) => x[0])).toEqual(['start', 'new', 'expansion', 'reactivation', 'contraction', 'churned', 'end']);
    expect(v.map((x) => x[1])).toEqual([0, 389.99, 100.5, 40.25, -60.51, -139.99, 330.24]);
    const churned = v[5];
    expect(churned?.[3]).toBeCloseTo(330.24, 9);
    expect(v[6]?.slice(2)).toEqual([0, 330.24]);
    expect(titleOf(spec)).toEqual({ text: 'MRR bridge', subtitle: 'from the end of Dec 2023 to the end of Apr 2024' });
    const svg = await expectRenders(spec);
    expect(svg).toContain('Cancellations');
    expect(svg).toContain('+€101'); // 100.50 written with its sign, in the chart's currency
  });

  it('bridges only the last months when asked, from that month’s start MRR', () => {
    const v = valuesOf(mrrBridgeChart(movements, { lastMonths: 2, locale: 'nl' }));
    // March and April: start 470.50; contraction 30.01 + 30.50, churned 120, reactivation 40.25; end 330.24
    expect(v.map((x) => x['amount'])).toEqual([470.5, 0, 0, 40.25, -60.51, -120, 330.24]);
    expect(v[0]?.['step']).toBe('MRR aan het begin');
  });
});

describe('mrrMovementsChart', () => {
  it('has five movement bars per month, lost MRR negative, and the net change', async () => {
    const spec = mrrMovementsChart(movements);
    const v = valuesOf(spec);
    expect(v).toHaveLength(4 * 6);
    const feb = v.filter((x) => x['label'] === 'Feb 2024');
    expect(feb.map((x) => x['amount'])).toEqual([50, 100.5, 0, -0, -19.99, 50 + 100.5 - 19.99]);
    expect(feb.every((x) => x['mrrEnd'] === 470.5)).toBe(true);
    const mar = v.filter((x) => x['label'] === 'Mar 2024' && x['kind'] === 'Net change');
    expect(mar[0]?.['amount']).toBeCloseTo(320.49 - 470.5, 9);
    await expectRenders(spec);
    expect(valuesOf(mrrMovementsChart(movements, { lastMonths: 1, locale: 'nl' })).map((x) => x['label'])).toEqual(
      Array(6).fill('apr 2024'),
    );
  });
});

describe('churnComparisonChart', () => {
  it('puts customer churn with its Wilson interval beside gross revenue churn for every plan', async () => {
    const spec = churnComparisonChart(byPlan);
    const v = valuesOf(spec);
    expect(v).toHaveLength(2 * byPlan.rows.length);
    for (const r of byPlan.rows) {
      const c = v.find((x) => x['segment'] === r.segment && x['measure'] === 'Customer churn');
      const g = v.find((x) => x['segment'] === r.segment && x['measure'] === 'Revenue churn');
      expect([c?.['rate'], c?.['low'], c?.['high'], c?.['customers']]).toEqual([
        r.customerChurn.rate,
        r.customerChurn.low,
        r.customerChurn.high,
        r.customers,
      ]);
      expect(g?.['rate']).toBe(r.grossRevenueChurn);
      expect(g?.['low']).toBeNull();
    }
    expect(titleOf(spec)).toMatchObject({ text: 'Customer churn and revenue churn by plan' });
    expect(spec.usermeta?.['counts']).toEqual(['customers']);
    await expectRenders(spec);
  });

  it('names segments with the names given, and a missing value as unknown', () => {
    const result = {
      ...byPlan,
      rows: [
        { ...byPlan.rows[0]!, segment: null },
        { ...byPlan.rows[0]!, segment: 'power' },
      ],
    };
    const v = valuesOf(
      churnComparisonChart(result, {
        locale: 'nl',
        segmentNames: { power: 'Intensieve gebruikers' },
        byLabel: 'gebruikssegment',
      }),
    );
    expect([...new Set(v.map((x) => x['segment']))]).toEqual(['(onbekend)', 'Intensieve gebruikers']);
  });
});

/** Usage churn by hand: 40 dormant customers of whom 12 churned, 100 power users of whom 6, 5 light users (too few). */
function usageResult(): UsageChurnResult {
  const row = (
    segment: string,
    order: number,
    customers: number,
    churned: number,
    low: number,
    high: number,
    tooSmall = false,
  ) => ({ segment, order, customers, churned, rate: churned / customers, low, high, tooSmall });
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  return {
    by: 'usage_segment',
    rows: [
      row('dormant', 0, 40, 12, 0.18, 0.45),
      row('light', 1, 5, 1, 0.04, 0.62, true),
      row('power', 3, 100, 6, 0.03, 0.12),
    ],
    overall: { customers: 145, churned: 19, rate: 19 / 145, low: 0.09, high: 0.2 },
    finding: 'usage_lowers_churn',
    compared: { leastUsed: 'dormant', mostUsed: 'power' },
    options: {
      at: day('2024-09-01'),
      atFromData: false,
      windowStart: day('2024-08-02'),
      windowDays: 30,
      lightBelow: 0.25,
      powerAbove: 0.6,
      featureBands: [1, 2, 5],
      events: 'events',
      subscriptions: 'subscriptions',
      horizonMonths: 3,
      horizonEnd: day('2024-12-01'),
      dataEnd: day('2024-12-28'),
      by: 'usage_segment',
      minSize: 30,
    },
    warnings: [],
  };
}

describe('usageChurnChart', () => {
  it('draws each usage segment’s churn with its interval, the too-small one greyed, and the overall rate', async () => {
    const result = usageResult();
    const spec = usageChurnChart(result);
    const v = valuesOf(spec);
    expect(v.map((x) => [x['segment'], x['rate'], x['low'], x['high'], x['customers'], x['tooSmall']])).toEqual([
      ['Dormant customers', 0.3, 0.18, 0.45, 40, false],
      ['Light users', 0.2, 0.04, 0.62, 5, true],
      ['Power users', 0.06, 0.03, 0.12, 100, false],
    ]);
    expect(JSON.stringify(spec)).toContain(`"all":${19 / 145}`);
    expect(titleOf(spec)).toEqual({
      text: 'Churn within 3 months by usage',
      subtitle:
        'usage in the 30 days before 1 Sep 2024; whiskers: 95% confidence interval; dashed line: all paying customers',
    });
    const svg = await expectRenders(spec);
    expect(svg).toContain('Power users');
    expectValidSpec(usageChurnChart(result, { locale: 'nl' }));
  });
});

describe('the cohort charts with subscription wording', () => {
  it('speak of paid months and MRR, and leave the order wording as it was by default', async () => {
    const cohorts = await subscriptionCohorts(wb);
    const heat = cohortHeatmap(cohorts, { metric: 'revenueRetention', wording: 'subscriptions' });
    expect(titleOf(heat)).toBe('MRR kept, by start month');
    expect(JSON.stringify(heat)).toContain('Months since first payment');
    expect(titleOf(cohortHeatmap(cohorts))).toBe('Customer retention by cohort');
    const curves = cohortRetentionCurves(cohorts, { wording: 'subscriptions', locale: 'nl' });
    expect(titleOf(curves)).toBe('Behouden betalende klanten');
    await expectRenders(heat);
  });
});
