/**
 * The subscriptions section on hand-made results: MRR from 10,000 (Jan 2023) up 500 a month to 16,000 (Jan 2024)
 * from 200 customers; basic loses the most customers (8%) and pro the most revenue (6%); LTV 50 × 80% ÷ 4% = 1,000;
 * power users churn 12% [9–15%] within 3 months against 31% [27–35%] of dormant customers. Findings in English
 * and Dutch with those numbers, the charts and tables it holds, counts marked for privacy, failures in words,
 * and the report of a run on subscriptions alone.
 */
import { describe, expect, it } from 'vitest';
import type {
  MrrMovementsResult,
  SubscriptionChurnResult,
  SubscriptionChurnRow,
} from '../../../src/analyses/subscriptions/index.js';
import type { UsageChurnResult } from '../../../src/analyses/usage/churn.js';
import type { LoadReport } from '../../../src/data/load-report.js';
import { wilson } from '../../../src/stats/proportion.js';
import { reportFromResults } from '../../../src/pipeline/build-report.js';
import { subscriptionSectionOf } from '../../../src/analyses/subscriptions/analysis.js';
import {
  subscriptionFindings,
  subscriptionsSection,
  usageChurnFinding,
} from '../../../src/analyses/subscriptions/section.js';
import { expectValidSpec } from '../../helpers/charts.js';

const month = (i: number): Date => new Date(Date.UTC(2023, i, 1));

function movements(): MrrMovementsResult {
  const rows = Array.from({ length: 13 }, (_, i) => {
    const end = 10_000 + 500 * i;
    return {
      month: month(i),
      mrrStart: end - 500,
      new: 700,
      expansion: 100,
      contraction: 50,
      churned: 250,
      reactivation: 0,
      mrrEnd: end,
      customersStart: 190,
      customersEnd: 200,
      newCustomers: 20,
      churnedCustomers: 10,
      reactivatedCustomers: 0,
      arpu: end / 200,
      customerChurnRate: 10 / 190,
      grossRevenueChurn: 300 / (end - 500),
      netRevenueChurn: 200 / (end - 500),
    };
  });
  rows[0] = { ...rows[0]!, mrrStart: 0, new: 10_000, expansion: 0, contraction: 0, churned: 0 };
  return {
    options: { from: month(0), to: month(12), source: 'subscriptions' },
    rows,
    totals: {
      mrrStart: 0,
      new: 18_400,
      expansion: 1_200,
      contraction: 600,
      churned: 3_000,
      reactivation: 0,
      mrrEnd: 16_000,
      customersStart: 0,
      customersEnd: 200,
      newCustomers: 320,
      churnedCustomers: 120,
      reactivatedCustomers: 0,
      arpu: 80,
      customerChurnRate: 0.05,
      grossRevenueChurn: 0.03,
      netRevenueChurn: -0.01,
      months: 13,
      customerMonths: 2400,
    },
    currency: 'EUR',
    warnings: [],
  };
}

function churnRow(
  segment: string | null,
  customers: number,
  months: number,
  churned: number,
  gross: number,
  small = false,
): SubscriptionChurnRow {
  const p = wilson(churned, months);
  return {
    segment,
    small,
    customers,
    customerMonths: months,
    averageCustomers: months / 12,
    churnedCustomers: churned,
    customerChurn: p,
    mrrAtRisk: 50 * months,
    churnedMrr: gross * 50 * months,
    contraction: 0,
    expansion: 0,
    grossRevenueChurn: gross,
    netRevenueChurn: gross,
    arpu: 50,
    ltv: (50 * 0.8) / p.rate,
  };
}

function byPlan(): SubscriptionChurnResult {
  const total = churnRow(null, 300, 2500, 100, 0.045);
  return {
    options: {
      by: { kind: 'subscriptions', table: 'subscriptions', column: 'plan' },
      from: month(0),
      to: month(12),
      months: 13,
      margin: 0.8,
      minSize: 30,
      source: 'subscriptions',
      customers: 'customers',
    },
    monthsAtRisk: 12,
    rows: [
      churnRow('basic', 150, 1000, 80, 0.05),
      churnRow('pro', 140, 1400, 42, 0.06),
      churnRow('team', 10, 100, 1, 0.01, true),
    ],
    total: { ...total, arpu: 50, ltv: 1000, customerChurn: { ...total.customerChurn, rate: 0.04 } },
    ranking: { byCustomers: ['basic', 'pro'], byRevenue: ['pro', 'basic'] },
    finding: { key: 'different_order', topByCustomers: 'basic', topByRevenue: 'pro' },
    ltvMethod: 'simple',
    currency: 'EUR',
    warnings: [],
  };
}

function usageChurn(finding: UsageChurnResult['finding'] = 'usage_lowers_churn'): UsageChurnResult {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  const row = (segment: string, order: number, customers: number, churned: number, low: number, high: number) => ({
    segment,
    order,
    customers,
    churned,
    rate: churned / customers,
    low,
    high,
    tooSmall: customers < 30,
  });
  return {
    by: 'usage_segment',
    rows: [
      row('dormant', 0, 400, 124, 0.27, 0.35),
      row('light', 1, 500, 100, 0.17, 0.24),
      row('power', 3, 300, 36, 0.09, 0.15),
    ],
    overall: { customers: 1200, churned: 260, rate: 260 / 1200, low: 0.19, high: 0.24 },
    finding,
    compared: { leastUsed: 'dormant', mostUsed: 'power' },
    options: {
      at: day('2023-10-01'),
      atFromData: false,
      windowStart: day('2023-09-01'),
      windowDays: 30,
      lightBelow: 0.25,
      powerAbove: 0.6,
      featureBands: [1, 2, 5],
      events: 'events',
      subscriptions: 'subscriptions',
      horizonMonths: 3,
      horizonEnd: day('2024-01-01'),
      dataEnd: day('2024-01-31'),
      by: 'usage_segment',
      minSize: 30,
    },
    warnings: [],
  };
}

describe('subscription findings', () => {
  it('say in English what MRR is now, how it changed, who churns and what a customer is worth', () => {
    expect(
      subscriptionFindings({ movements: movements(), byPlan: byPlan(), usageChurn: usageChurn() }, 'en', 'EUR'),
    ).toEqual([
      'On 31 Jan 2024 the MRR is €16,000 from 200 paying customers (€80.00 per customer on average).',
      'That is €6,000 more than on 31 Jan 2023 (+60%).',
      'Each month 5.0% of paying customers stopped paying (customer churn) and 3.0% of MRR was lost to cancellations and downgrades (revenue churn); customers who paid more or came back more than made up for that (net revenue churn -1.0%).',
      'By plan, basic loses the most customers (8.0% a month) and pro the most revenue (6.0% of its MRR a month).',
      'Customers who use the product more churn less: 12% [9–15%] of power users stopped paying within 3 months, against 31% [27–35%] of dormant customers (no use).',
      'Lifetime value (LTV) of an average customer, as a simple formula: MRR per customer (average over the months) × margin ÷ monthly customer churn = €50.00 × 80% ÷ 4.00% = €1,000.',
    ]);
  });

  it('say the same in Dutch, with Dutch number formats', () => {
    expect(
      subscriptionFindings({ movements: movements(), byPlan: byPlan(), usageChurn: usageChurn() }, 'nl', 'EUR'),
    ).toEqual([
      'Op 31 jan 2024 is de MRR €\u00a016.000 van 200 betalende klanten (gemiddeld €\u00a080,00 per klant).',
      'Dat is €\u00a06.000 meer dan op 31 jan 2023 (+60%).',
      'Elke maand stopte 5,0% van de betalende klanten (klantverloop) en ging 3,0% van de MRR verloren aan opzeggingen en verlagingen (omzetverloop); klanten die meer gingen betalen of terugkwamen maakten dat ruim goed (netto omzetverloop -1,0%).',
      'Per abonnement verliest basic de meeste klanten (8,0% per maand) en pro de meeste omzet (6,0% van de eigen MRR per maand).',
      'Klanten die het product meer gebruiken, haken minder af: van de intensieve gebruikers stopte 12% [9–15%] binnen 3 maanden met betalen, tegen 31% [27–35%] van de slapende klanten (geen gebruik).',
      'Levensduurwaarde (LTV) van een gemiddelde klant, als eenvoudige formule: MRR per klant (gemiddeld over de maanden) × marge ÷ klantverloop per maand = €\u00a050,00 × 80% ÷ 4,00% = €\u00a01.000.',
    ]);
  });

  it('claim a usage difference only when the intervals do not overlap, and say when groups are too small', () => {
    expect(usageChurnFinding(usageChurn('no_clear_difference'), 'en')).toBe(
      'No clear difference in churn by usage: 12% [9–15%] of power users and 31% [27–35%] of dormant customers (no use) stopped paying within 3 months, and the 95% intervals overlap.',
    );
    expect(usageChurnFinding(usageChurn('too_small'), 'nl')).toBe(
      'Te weinig klanten in het minst of het meest gebruikte segment (minder dan 30) om het verloop naar gebruik te vergelijken.',
    );
    const same = {
      ...byPlan(),
      finding: { key: 'same_order' as const, topByCustomers: 'basic', topByRevenue: 'basic' },
    };
    expect(subscriptionFindings({ byPlan: same }, 'en')[0]).toBe(
      'By plan, basic loses both the most customers (8.0% a month) and the most revenue (5.0% of its MRR a month).',
    );
  });
});

describe('subscriptionsSection', () => {
  it('holds the bridge, the movements, churn by plan and by usage, with counts marked and definitions for the method', () => {
    const s = subscriptionsSection(
      { movements: movements(), byPlan: byPlan(), usageChurn: usageChurn() },
      { locale: 'en' },
    );
    expect(s.id).toBe('subscriptions');
    expect(s.charts?.map((c) => c.id)).toEqual([
      'subscriptions-bridge',
      'subscriptions-movements',
      'subscriptions-churn-plan',
      'subscriptions-usage-churn',
    ]);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    const plan = s.tables?.find((t) => t.caption.startsWith('Churn, MRR per customer and LTV by plan'));
    expect(plan?.columns[0]?.label).toBe('Plan');
    expect(plan?.columns[1]?.kind).toBe('count');
    expect(plan?.rows.map((r) => r[0])).toEqual(['basic', 'pro', 'team *', 'All customers']);
    expect(plan?.rows[0]?.slice(2, 5)).toEqual(['8.0%', '6.5% to 9.8%', '5.0%']);
    expect(plan?.note).toMatch(/^\* Fewer than 30 paying customers on average per month/);
    const usage = s.tables?.find((t) => t.caption === 'Churn within 3 months by usage segment');
    expect(usage?.rows[2]).toEqual(['Power users', '300', '36', '12.0%', '9.0% to 15.0%']);
    expect(usage?.columns.filter((c) => c.kind === 'count').map((c) => c.label)).toEqual([
      'Customers',
      'Stopped paying',
    ]);
    expect(s.facts).toContainEqual(['MRR at the end', '€16,000']);
    expect(s.technical?.map(([k]) => k)).toContain('Paying');
    expect(s.technical).toContainEqual([
      'LTV (simple)',
      'MRR per customer × margin ÷ monthly customer churn; no discounting, churn taken as constant',
    ]);
  });

  it('says which part could not be computed, and becomes a section saying why when MRR itself could not', () => {
    const failure = { code: 'NO_DATA', message: 'Table events has no events.' };
    const s = subscriptionsSection({ movements: movements(), failures: { usageChurn: failure } }, { locale: 'nl' });
    expect(s.intro).toContain(
      'Verloop naar gebruik kon niet worden berekend: De gegevens bevatten te weinig voor deze analyse (bijvoorbeeld te weinig klanten, of geen klant die meer dan eens kocht).',
    );
    expect(s.facts).toContainEqual(['Verloop naar gebruik: Details (in het Engels)', 'Table events has no events.']);
    const load = { fileName: 'subs.csv' } as LoadReport;
    const none = subscriptionSectionOf({ load }, { mrr: failure }, 'en', 'EUR');
    expect([none.id, none.title, none.facts]).toEqual([
      'subscriptions',
      'Subscriptions',
      [['Details', 'Table events has no events.']],
    ]);
  });
});

describe('a report on subscriptions alone', () => {
  const load: LoadReport = {
    table: 'subscriptions',
    source: 'subs.csv',
    fileName: 'subs.csv',
    format: 'csv',
    sha256: 'ab12',
    rowsRead: 410,
    rowsLoaded: 400,
    setAside: [{ reason: 'negative_mrr', count: 10, examples: [3, 7] }],
    customers: 320,
    subscriptions: 350,
    dateRange: { first: month(0), last: new Date(Date.UTC(2024, 0, 20)) },
    columns: [{ field: 'mrr', source: 'mrr' }],
    warnings: [],
  };

  it('has a summary, data quality of the subscriptions, the section and the method, and no transaction sections', async () => {
    const r = reportFromResults(
      { asOf: month(13), failures: {}, subscriptions: { load, movements: movements(), byPlan: byPlan() } },
      { version: 'test', locale: 'en' },
    );
    expect(r.sections.map((s) => s.id)).toEqual(['summary', 'data-quality', 'subscriptions', 'method']);
    const [summary, quality] = r.sections;
    expect(summary?.facts?.slice(0, 3)).toEqual([
      ['MRR', '€16,000'],
      ['Paying customers', '200'],
      ['Customer churn (monthly)', '5.0%'],
    ]);
    expect(quality?.facts).toContainEqual(['Subscription ids in the file', '350']);
    expect(quality?.tables?.[0]?.rows).toEqual([['Monthly recurring revenue below zero', '10', '2.4%', '3, 7']]);
    const html = await r.toHtml({ generatedAt: new Date(0) });
    expect(html).toContain('1 Feb 2024 (MRR measured on the last day of each month up to 31 Jan 2024)');
    expect(html).not.toContain('RFM');
  });
});
