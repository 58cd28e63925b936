/** The KPIs in the subscriptions section, on a hand-made KPI result: facts and findings in English and Dutch. */
import { expect, it } from 'vitest';
import type { SubscriptionKpiMonth, SubscriptionKpiResult } from '../../../src/analyses/subscriptions/kpis.js';
import { kpiFacts, kpiFindings, kpiTable } from '../../../src/analyses/subscriptions/section-kpis.js';
import { subscriptionsSection } from '../../../src/analyses/subscriptions/section.js';
import { wilson } from '../../../src/stats/proportion.js';

const month = (i: number): Date => new Date(Date.UTC(2024, i, 1));
const row = (i: number, trials: number, converted: number): SubscriptionKpiMonth => ({
  month: month(i),
  mrr: 10_000,
  arr: 120_000,
  customers: 200,
  arpa: 50,
  retentionBase: 9_000,
  nrr: 0.928,
  grr: 0.73,
  quickRatio: 2.5,
  customerChurn: wilson(4, 200),
  ltv: { value: 2_500, low: 1_000, high: 6_400 },
  trials,
  trialConversion: trials > 0 ? wilson(converted, trials) : null,
  trialConversionPooled: wilson(20, 60),
  pendingTrials: 0,
});
const kpis: SubscriptionKpiResult = {
  options: {
    from: month(0),
    to: month(11),
    by: null,
    retentionMonths: 12,
    conversionDays: 30,
    margin: 1,
    poolMonths: 12,
    method: 'month-end',
    minSize: null,
    source: 'subscriptions',
  },
  rows: [row(0, 40, 10), ...Array.from({ length: 10 }, (_, i) => row(i + 1, 0, 0)), row(11, 60, 20)],
  currency: 'EUR',
  warnings: [],
};

it('states ARR, 12-month NRR and GRR and the quick ratio of the last month', () => {
  expect(kpiFacts(kpis, 'en', 'EUR')).toEqual([
    ['ARR at the end', '€120,000'],
    ['Net revenue retention (12 months)', '92.8%'],
    ['Gross revenue retention (12 months)', '73.0%'],
    ['Quick ratio (last month)', '2.50'],
  ]);
});

it('words retention from the month-end 12 months back, and trial conversion pooled over the months with its interval', () => {
  const p = wilson(30, 100);
  expect(p.low).toBeCloseTo(0.2189, 4);
  const en = kpiFindings(kpis, 'en');
  expect(en.retention).toBe(
    'Of the MRR paid on 31 Dec 2023, the same customers pay 92.8% on 31 Dec 2024 (net revenue retention); counting only what they lost, 73.0% is kept (gross revenue retention).',
  );
  expect(en.trials).toBe(
    '30.0% of 100 trials became paying customers within 30 days (95% confidence interval 21.9%–39.6%).',
  );
  expect(kpiFindings(kpis, 'nl').retention).toContain('(netto omzetbehoud)');
});

it('puts the KPI facts, findings and definitions in the section', () => {
  const s = subscriptionsSection({ kpis }, { locale: 'en', currency: 'EUR' });
  expect(s.facts).toContainEqual(['Net revenue retention (12 months)', '92.8%']);
  expect(s.findings?.[0]).toMatch(/^Of the MRR paid on 31 Dec 2023/);
  expect(s.technical?.map(([k]) => k)).toEqual(
    expect.arrayContaining(['ARR, ARPA, quick ratio', 'Net and gross revenue retention', 'Trial → paid']),
  );
});

it('tables the last month’s KPIs per plan and for all, a too-small plan starred', () => {
  const bySegment: SubscriptionKpiResult = {
    ...kpis,
    options: { ...kpis.options, by: { kind: 'subscriptions', table: 'subscriptions', column: 'plan' }, minSize: 30 },
    segments: [
      {
        segment: 'basic',
        rows: [
          { ...row(11, 0, 0), mrr: 6_000, arr: 72_000, customers: 150, arpa: 40, nrr: 0.8, grr: 0.6, quickRatio: null },
        ],
        tooSmall: false,
      },
      {
        segment: 'team',
        rows: [
          { ...row(11, 0, 0), mrr: 4_000, arr: 48_000, customers: 50, arpa: 80, nrr: 1.1, grr: 0.9, quickRatio: 3 },
        ],
        tooSmall: true,
      },
    ],
  };
  const table = kpiTable(bySegment, 'plan', 'en', 'EUR');
  expect(table?.caption).toBe(
    'SaaS KPIs by plan at the end of Dec 2024 (retention over 12 months, by the plan at its start)',
  );
  expect(table?.columns.map((c) => c.label)).toEqual([
    'Plan',
    'Paying customers',
    'MRR',
    'ARR',
    'ARPA',
    'Net revenue retention',
    'Gross revenue retention',
    'Quick ratio',
    'Churn per month (95% CI)',
    'Trial → paid, 12 months (95% CI)',
    'LTV (95% CI)',
  ]);
  const churn = '2.0% (0.8% to 5.0%)'; // wilson(4, 200): 0.0078 to 0.0503
  const ltv = '€2,500 (€1,000 to €6,400)';
  const trial = '33.3% (22.7% to 45.9%)'; // wilson(20, 60), the trials of the 12 months pooled
  expect(table?.rows).toEqual([
    ['basic', '150', '€6,000', '€72,000', '€40.00', '80.0%', '60.0%', '–', churn, trial, ltv],
    ['team *', '50', '€4,000', '€48,000', '€80.00', '110.0%', '90.0%', '3.00', churn, trial, ltv],
    ['All customers', '200', '€10,000', '€120,000', '€50.00', '92.8%', '73.0%', '2.50', churn, trial, ltv],
  ]);
  expect(table?.note).toBe('* Fewer than 30 paying customers on average per month: shown, but too few to rank.');
  expect(kpiTable(kpis, 'plan', 'en', 'EUR')).toBeUndefined();
});
