/**
 * Goals on the subscription KPIs: a hand-made goals file judged on the hand-made subscriptions of fixture.ts
 * (April 2024, the last month: MRR 330.24 from 5 paying customers, ARPA 66.048; Pro at the start of April: b
 * and c, neither stops), the file's validation, and the goals table in English and Dutch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { parseGoals } from '../../../src/analyses/goals/index.js';
import { goalsAnalysis } from '../../../src/analyses/goals/analysis.js';
import { subscriptionKpis } from '../../../src/analyses/subscriptions/kpis.js';
import { subscriptionGoals } from '../../../src/analyses/subscriptions/goals-run.js';
import { goalStatus } from '../../../src/analyses/subscriptions/kpi-goals.js';
import { goalsFindings, goalsTable } from '../../../src/analyses/subscriptions/section-goals.js';
import { subscriptionsSection } from '../../../src/analyses/subscriptions/section.js';
import { SUBS, subscriptions } from './fixture.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
});
afterEach(() => wb.close());

const FILE = {
  subscriptions: {
    mrr: { min: 300 },
    arpa: { min: 70 },
    nrr: { min: 0.9 },
    by: {
      plan: { Pro: { churn: { max: 0.03 } }, '*': { customers: { min: 2 } } },
      country: { NL: { mrr: { min: 100, max: 200 } } },
    },
  },
};

describe('subscription goals on hand-made subscriptions', () => {
  it('judges each goal on the last month: met, missed, or not enough data', async () => {
    const spec = parseGoals(FILE, 'goals.json');
    expect(spec.goals).toEqual([]); // no segment goals: only subscription ones
    const kpis = await subscriptionKpis(wb, { by: 'plan', minSize: 1 });
    const g = await subscriptionGoals(wb, spec.subscriptions!, { file: 'goals.json', kpis });
    expect(
      g.rows.map((r) => [r.column, r.segment, r.kpi, r.value === null ? null : Number(r.value.toFixed(4)), r.status]),
    ).toEqual([
      [null, null, 'mrr', 330.24, 'met'],
      [null, null, 'arpa', 66.048, 'missed'],
      [null, null, 'nrr', null, 'notEnoughData'], // 12-month retention: no base in four months of data
      ['plan', 'Pro', 'churn', 0, 'met'], // b and c paid Pro at the end of March, both still pay
      ['plan', 'Basic', 'customers', 2, 'met'], // a and d (back on Basic in April)
      ['plan', 'Pro', 'customers', 2, 'met'],
      ['plan', 'Starter', 'customers', 1, 'notEnoughData'], // e; fewer than 1 customer at a month start on average
      ['country', 'NL', 'mrr', 169.99, 'notEnoughData'], // a 50 + c 100 + e 19.99, within 100 to 200, but 3 customers (minSize 30)
    ]);
    expect(g.rows[3]?.interval?.[1]).toBeCloseTo(0.6576, 4); // wilson(0, 2) high end
    expect(g.segmentKpis.map((k) => k.options.by?.column)).toEqual(['country']);
  });

  it('words the goals in a table and findings, in English and Dutch', async () => {
    const spec = parseGoals(FILE, 'goals.json');
    const kpis = await subscriptionKpis(wb, { by: 'plan', minSize: 1 });
    const { rows } = await subscriptionGoals(wb, spec.subscriptions!, { file: 'goals.json', kpis });
    const en = goalsTable({ file: 'goals.json', rows }, 'en', 'EUR');
    expect(en?.caption).toBe('SaaS KPIs against the goals of goals.json, Apr 2024');
    expect(en?.rows[1]).toEqual(['All customers', 'ARPA', '5', '€66.05', '–', 'at least €70.00', 'missed']);
    expect(en?.rows[3]).toEqual([
      'plan: Pro',
      'Customer churn per month',
      '2',
      '0.0%',
      '0.0% to 65.8%',
      'at most 3.0%',
      'met',
    ]);
    const nl = goalsTable({ file: 'goals.json', rows }, 'nl', 'EUR');
    expect(nl?.rows[1]).toEqual([
      'Alle klanten',
      'ARPA',
      '5',
      '€\u00a066,05',
      '–',
      'minstens €\u00a070,00',
      'niet gehaald',
    ]);
    expect(nl?.rows[2]?.slice(1)).toEqual([
      'Netto omzetbehoud (12 maanden)',
      '5',
      '–',
      '–',
      'minstens 90,0%',
      'te weinig gegevens',
    ]);
    expect([nl?.rows[3]?.[0], nl?.rows[3]?.[1], nl?.rows[7]?.[0]]).toEqual([
      'abonnement: Pro',
      'Klantverloop per maand',
      'land: NL',
    ]);
    expect(goalsFindings({ file: 'goals.json', rows }, 'en', 'EUR')).toEqual([
      'Of 8 SaaS goals, 4 met, 1 missed and 3 without enough data to judge.',
      'All customers: ARPA is €66.05, against a goal of at least €70.00.',
    ]);
    expect(goalsFindings({ file: 'goals.json', rows }, 'nl', 'EUR')[0]).toBe(
      'Van de 8 SaaS-doelen zijn er 4 gehaald, 1 niet gehaald en 3 niet te beoordelen door te weinig gegevens.',
    );
    const section = subscriptionsSection({ kpis, goals: { file: 'goals.json', rows } }, { locale: 'nl' });
    expect(section.tables?.map((t) => t.caption)).toEqual([
      'SaaS-kerncijfers per abonnement eind apr 2024 (omzetbehoud over 12 maanden, naar het abonnement aan het begin daarvan)',
      'SaaS-kerncijfers tegenover de doelen uit goals.json, apr 2024',
    ]);
    expect(section.technical?.map(([k]) => k)).toContain('SaaS-doelen');
  });

  it('names the file, the JSON path and the values there are when a goal names a segment the data lacks', async () => {
    const spec = parseGoals({ subscriptions: { by: { plan: { pro: { churn: { max: 0.03 } } } } } }, 'goals.json');
    await expect(subscriptionGoals(wb, spec.subscriptions!, { file: 'goals.json' })).rejects.toThrow(
      'goals.json, at $.subscriptions.by.plan.pro.churn: no segment "pro" in plan (values: "Basic", "Pro", "Starter"); write one of them as it is in the data, or "*" for every one',
    );
    const column = parseGoals({ subscriptions: { by: { tier: { gold: { mrr: { min: 1 } } } } } }, 'goals.json');
    await expect(subscriptionGoals(wb, column.subscriptions!, { file: 'goals.json' })).rejects.toThrow(
      /^goals\.json, at \$\.subscriptions\.by\.tier: unknown segment column/,
    );
  });
});

describe('the subscriptions block of a goals file', () => {
  const bad = (json: unknown) => () => parseGoals(json, 'goals.json');
  it('rejects unknown KPIs, bad targets and a min above the max, naming the path', () => {
    expect(bad({ subscriptions: { mmr: { min: 1 } } })).toThrow(
      'goals.json, at $.subscriptions.mmr: unknown subscription KPI "mmr" (known: "mrr", "arr", "arpa", "customers", "nrr", "grr", "quickRatio", "churn", "trialConversion", "ltv", "by")',
    );
    expect(bad({ subscriptions: { nrr: 0.95 } })).toThrow(
      'goals.json, at $.subscriptions.nrr: a target is { "min": <number> }, { "max": <number> } or both, got 0.95',
    );
    expect(bad({ subscriptions: { nrr: { min: 0.95, goal: 1 } } })).toThrow('at $.subscriptions.nrr.goal:');
    expect(bad({ subscriptions: { churn: { min: 0.05, max: 0.02 } } })).toThrow(
      'goals.json, at $.subscriptions.churn: min (0.05) is above max (0.02); no value could meet it',
    );
    expect(bad({ subscriptions: { by: { plan: ['Pro'] } } })).toThrow(
      'at $.subscriptions.by.plan: by maps a segment column',
    );
    expect(bad({ subscriptions: {} })).toThrow('at $.subscriptions: no goal');
    expect(bad({})).toThrow('at $.goals: goals must be a non-empty list');
  });

  it('keeps the old format: segment goals alone, and both together', () => {
    const old = parseGoals({ segments: 'all', goals: [{ kpi: 'repeatRate', goal: 0.4 }] }, 'goals.json');
    expect(old).toEqual({ segments: 'all', goals: [{ kpi: 'repeatRate', goal: 0.4 }], file: 'goals.json' });
    const both = parseGoals(
      { goals: [{ kpi: 'repeatRate', goal: 0.4 }], subscriptions: { ltv: { min: 500 } } },
      'g.json',
    );
    expect(both.subscriptions?.goals).toEqual([
      { column: null, segment: null, kpi: 'ltv', target: { min: 500 }, path: '$.subscriptions.ltv' },
    ]);
    // the goals section is for segment goals; subscription goals alone show in the subscriptions section
    const when = goalsAnalysis.when!;
    expect(when({ goals: both } as never)).toBe(true);
    expect(when({ goals: parseGoals(FILE, 'g.json') } as never)).toBe(false);
  });

  it('calls a value met inside the target, missed outside it, and not enough data when null or too small', () => {
    expect(goalStatus(0.95, { min: 0.95 }, false)).toBe('met');
    expect(goalStatus(0.031, { max: 0.03 }, false)).toBe('missed');
    expect(goalStatus(0.02, { min: 0.01, max: 0.03 }, false)).toBe('met');
    expect(goalStatus(null, { min: 0.9 }, false)).toBe('notEnoughData');
    expect(goalStatus(0.5, { min: 0.9 }, true)).toBe('notEnoughData');
  });
});
