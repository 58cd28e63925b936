/** Every subscription SQL builder plans against an empty subscriptions table (EXPLAIN, no data), odd table names included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mrrMovementsSql } from '../../../src/analyses/subscriptions/movements-sql.js';
import { mrrMovementsBySql } from '../../../src/analyses/subscriptions/movements-by-sql.js';
import { retentionSql, trialsSql } from '../../../src/analyses/subscriptions/kpis-sql.js';
import { subscriptionChurnSql } from '../../../src/analyses/subscriptions/churn-sql.js';
import { subscriptionCohortsSql } from '../../../src/analyses/subscriptions/cohorts-sql.js';
import type { ResolvedChurnBy } from '../../../src/analyses/subscriptions/churn-by.js';
import type { Workbench } from '../../../src/workbench.js';
import { expectPlans, explainWorkbench } from '../../helpers/explain.js';

const params = {
  first: new Date('2023-01-01T00:00:00Z'),
  from: new Date('2023-06-01T00:00:00Z'),
  to: new Date('2024-03-01T00:00:00Z'),
};
const SOURCES = ['subscriptions', 'my "subs"'];

const BY: Array<[string, ResolvedChurnBy]> = [
  ['plan', { kind: 'subscriptions', table: 'subscriptions', column: 'plan' }],
  ['a customers column', { kind: 'table', table: 'customers', column: 'region' }],
  [
    'a segment table with its order',
    { kind: 'table', table: 'seg "t"', column: 'segment', orderColumn: 'segment_order' },
  ],
];

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
  for (const t of SOURCES) {
    await wb.run(`create table "${t.replaceAll('"', '""')}" (subscription_id varchar, customer_id varchar, plan varchar, start_date date,
      end_date date, mrr decimal(18, 4), currency varchar, country varchar, channel varchar)`);
  }
  await wb.run('create table "seg ""t""" (customer_id varchar, segment varchar, segment_order integer)');
});
afterAll(() => wb.close());

describe.each(SOURCES)('subscription SQL plans on table %s', (source) => {
  it('mrrMovementsSql', async () => {
    await expectPlans(wb, mrrMovementsSql(source), params);
    expect(await wb.query(mrrMovementsSql(source), params)).toHaveLength(11); // 10 empty months and the total row
  });

  it.each(BY)('subscriptionChurnSql by %s', async (_name, by) => {
    const o = { source, by: by.kind === 'subscriptions' ? { ...by, table: source } : by };
    await expectPlans(wb, subscriptionChurnSql(o), params);
    expect(await wb.query(subscriptionChurnSql(o), params)).toEqual([
      {
        segment: null,
        is_total: true,
        seg_order: null,
        customer_months: 0,
        months_at_risk: 0,
        customers: 0,
        churned_customers: 0,
        mrr_at_risk: 0,
        churned_mrr: 0,
        contraction: 0,
        expansion: 0,
        reactivation: 0,
      },
    ]);
  });

  it.each(['month-end', 'dated'] as const)(
    'mrrMovementsBySql %s, for all customers and by each kind of segment',
    async (method) => {
      for (const by of [null, ...BY.map(([, b]) => (b.kind === 'subscriptions' ? { ...b, table: source } : b))]) {
        const sql = mrrMovementsBySql({ source, method, by });
        await expectPlans(wb, sql, params);
        // all customers as one: its 10 months and the total row, also with no data; segments: none without data
        expect(await wb.query(sql, params)).toHaveLength(by === null ? 11 : 0);
      }
    },
  );

  it('retentionSql and trialsSql, for all customers and by each kind of segment', async () => {
    for (const by of [null, ...BY.map(([, b]) => (b.kind === 'subscriptions' ? { ...b, table: source } : b))]) {
      await expectPlans(wb, retentionSql({ source, by }), { ...params, n: 12 });
      expect(await wb.query(retentionSql({ source, by }), { ...params, n: 12 })).toEqual([]);
      await expectPlans(wb, trialsSql({ source, by }), { ...params, days: 30 });
      expect(await wb.query(trialsSql({ source, by }), { ...params, days: 30 })).toEqual([]);
    }
  });

  it('subscriptionCohortsSql', async () => {
    await expectPlans(wb, subscriptionCohortsSql(source), params);
  });
});

it('subscriptionChurnSql refuses a segment kind it does not know', () => {
  expect(() =>
    subscriptionChurnSql({ source: 'subscriptions', by: { kind: 'x' as never, table: 't', column: 'c' } }),
  ).toThrow('unknown by.kind: x');
});
