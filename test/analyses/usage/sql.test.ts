/**
 * The usage SQL builders plan (EXPLAIN, no data) over empty tables with the contract's columns, with every
 * parameter they name bound; table names with quotes and spaces pass through quoteIdentifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../src/workbench.js';
import {
  addMonthsSql,
  eventRangeSql,
  platformGroupSql,
  subscriptionsLatestSql,
  usageChurnSql,
  usageCustomersSql,
  type UsageSqlOptions,
} from '../../../src/analyses/usage/sql.js';
import { expectPlans, explainWorkbench } from '../../helpers/explain.js';

const EVENTS = 'my "events"';
const SUBS = 'subs; drop';

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
  await wb.run(
    `create table "my ""events""" (customer_id varchar, event_time timestamp, event_name varchar, platform varchar, device varchar, app_version varchar)`,
  );
  await wb.run(
    `create table "subs; drop" (subscription_id varchar, customer_id varchar, plan varchar, start_date date, end_date date, mrr decimal(18, 4))`,
  );
});
afterAll(() => wb.close());

const OPTS: UsageSqlOptions = {
  events: EVENTS,
  subscriptions: SUBS,
  universe: 'paying',
  withSubscriptions: true,
  at: new Date('2024-04-01T00:00:00Z'),
  windowDays: 30,
  lightBelow: 0.25,
  powerAbove: 0.6,
  featureBands: [1, 2, 5],
};

describe('usage SQL builders', () => {
  it.each([
    ['paying', { universe: 'paying' }],
    ['all with subscriptions', { universe: 'all' }],
    ['all without subscriptions', { universe: 'all', withSubscriptions: false }],
    ['one feature band', { featureBands: [3] }],
  ] as const)('usageCustomersSql plans (%s)', async (_, over) => {
    const { sql, params } = usageCustomersSql({ ...OPTS, ...over });
    await expectPlans(wb, sql, params);
    expect(params['from']).toEqual(new Date('2024-03-02T00:00:00Z'));
  });

  it.each(['usage_segment', 'platform_group', 'features_band'] as const)('usageChurnSql plans (by %s)', async (by) => {
    const { sql, params } = usageChurnSql({ ...OPTS, by, end: new Date('2024-07-01T00:00:00Z'), missing: '(missing)' });
    await expectPlans(wb, sql, params);
  });

  it('range, latest-date and month builders plan', async () => {
    await expectPlans(wb, eventRangeSql(EVENTS));
    await expectPlans(wb, subscriptionsLatestSql(SUBS));
    await expectPlans(wb, addMonthsSql(), { d: new Date('2024-05-31T00:00:00Z'), months: -3 });
  });

  it('groups platforms: mobile, desktop, others as given, case and spaces ignored', async () => {
    const rows = await wb.query<{ p: string | null; g: string | null }>(
      `select p, ${platformGroupSql('p')} as g from (values ('iOS'), (' android '), ('Mobile'), ('web'), ('Windows'), ('MAC'), ('desktop'), ('tablet'), ('Linux'), (null)) v(p) order by p nulls last`,
    );
    expect(Object.fromEntries(rows.map((r) => [String(r.p), r.g]))).toEqual({
      iOS: 'mobile',
      ' android ': 'mobile',
      Mobile: 'mobile',
      web: 'desktop',
      Windows: 'desktop',
      MAC: 'desktop',
      desktop: 'desktop',
      tablet: 'tablet',
      Linux: 'Linux',
      null: null,
    });
  });

  it('adds calendar months with end-of-month clamping', async () => {
    const [r] = await wb.query<{ d: Date }>(addMonthsSql(), { d: new Date('2024-05-31T00:00:00Z'), months: -3 });
    expect(r?.d.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});
