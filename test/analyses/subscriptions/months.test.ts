/**
 * The month table the subscription analyses share (months.ts): built once per table, read again while the
 * table is unchanged, rebuilt after any change to the values it comes from, never mixed up between tables
 * or between calls running at once. Numbers are the hand-computed ones of fixture.ts, changed by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import {
  mrrMovements,
  subscriptionChurn,
  subscriptionCohorts,
  type MrrMovementFigures,
  type SubscriptionChurnRow,
} from '../../../src/analyses/subscriptions/index.js';
import { SUBS, subscriptions } from './fixture.js';

/** [month, mrrStart, new, expansion, contraction, churned, reactivation, mrrEnd] */
const bridge = (rows: ReadonlyArray<MrrMovementFigures & { month: Date }>) =>
  rows.map((r) => [
    r.month.toISOString().slice(0, 7),
    r.mrrStart,
    r.new,
    r.expansion,
    r.contraction,
    r.churned,
    r.reactivation,
    r.mrrEnd,
  ]);
/** [segment, customerMonths, churnedCustomers, mrrAtRisk, churnedMrr, contraction, expansion] */
const brief = (rows: readonly SubscriptionChurnRow[]) =>
  rows.map((r) => [
    r.segment,
    r.customerMonths,
    r.churnedCustomers,
    r.mrrAtRisk,
    r.churnedMrr,
    r.contraction,
    r.expansion,
  ]);

const FIXTURE_BRIDGE = [
  ['2024-01', 0, 339.99, 0, 0, 0, 0, 339.99],
  ['2024-02', 339.99, 50, 100.5, 0, 19.99, 0, 470.5],
  ['2024-03', 470.5, 0, 0, 30.01, 120, 0, 320.49],
  ['2024-04', 320.49, 0, 0, 30.5, 0, 40.25, 330.24],
];
const FIXTURE_BY_PLAN = [
  ['Basic', 5, 0, 250, 0, 30.01, 70],
  ['Pro', 7, 1, 841, 120, 30.5, 30.5],
  ['Starter', 2, 1, 39.98, 19.99, 0, 0],
];

/** How many times the month table was (re)built through `wb.run` since the spy was set. */
function countBuilds(wb: Workbench): () => number {
  const run = vi.spyOn(wb, 'run');
  return () => run.mock.calls.filter(([sql]) => sql.includes('temp table "_swb_subscription_months" as')).length;
}

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
});
afterEach(() => wb.close());

describe('the month table is built once and reused while the subscriptions are unchanged', () => {
  it('builds it on the first analysis and reads it in the next ones', async () => {
    const builds = countBuilds(wb);
    expect(bridge((await mrrMovements(wb)).rows)).toEqual(FIXTURE_BRIDGE);
    expect(builds()).toBe(1);
    expect(brief((await subscriptionChurn(wb, { by: 'plan', minSize: 1 })).rows)).toEqual(FIXTURE_BY_PLAN);
    expect((await subscriptionCohorts(wb)).customerCount).toBe(6);
    expect(bridge((await mrrMovements(wb)).rows)).toEqual(FIXTURE_BRIDGE);
    expect(builds()).toBe(1); // the first build carries the plan, so churn by plan needs no other
  });

  it('keeps it in TEMP tables, out of the database', async () => {
    await mrrMovements(wb);
    const tables = await wb.query<{ name: string; temporary: boolean }>(
      "select table_name as name, temporary from duckdb_tables() where table_name like '_swb_subscription%' order by name",
    );
    expect(tables.map((t) => [t.name, t.temporary])).toEqual([
      ['_swb_subscription_customers', true],
      ['_swb_subscription_months', true],
      ['_swb_subscription_months_key', true],
    ]);
  });
});

describe('a changed subscriptions table never gives the numbers of before', () => {
  beforeEach(async () => {
    expect(bridge((await mrrMovements(wb)).rows)).toEqual(FIXTURE_BRIDGE);
  });

  it('sees a changed MRR', async () => {
    await wb.run("update subscriptions set mrr = 60 where subscription_id = 's1'"); // a: 50 → 60
    expect(bridge((await mrrMovements(wb)).rows)[0]).toEqual(['2024-01', 0, 349.99, 0, 0, 0, 0, 349.99]);
  });

  it('sees a period moved to another customer, with the same count, MRR sum and dates', async () => {
    await wb.run("update subscriptions set customer_id = 'x' where subscription_id = 's7'"); // d's comeback is x's start
    expect(bridge((await mrrMovements(wb)).rows)[3]).toEqual(['2024-04', 320.49, 40.25, 0, 30.5, 0, 0, 330.24]);
  });

  it('sees a changed date, a deleted and an inserted period', async () => {
    await wb.run("update subscriptions set end_date = date '2024-03-01' where subscription_id = 's10'"); // f pays at January's and February's end
    expect(bridge((await mrrMovements(wb)).rows)[1]).toEqual(['2024-02', 339.99, 50, 100.5, 0, 0, 0, 490.49]);
    await wb.run("delete from subscriptions where subscription_id = 's10'"); // f gone
    expect(bridge((await mrrMovements(wb)).rows)[0]).toEqual(['2024-01', 0, 320, 0, 0, 0, 0, 320]);
    await wb.run("insert into subscriptions values ('s12', 'h', 'Pro', date '2024-03-01', null, 100, 'EUR', 'NL')");
    expect(bridge((await mrrMovements(wb)).rows)[2]).toEqual(['2024-03', 470.5, 100, 0, 30.01, 120, 0, 420.49]);
  });

  it('sees a changed plan in churn by plan', async () => {
    expect(brief((await subscriptionChurn(wb, { by: 'plan', minSize: 1 })).rows)).toEqual(FIXTURE_BY_PLAN);
    await wb.run("update subscriptions set plan = 'Gold' where subscription_id = 's3'"); // b on Gold from March's start
    expect(brief((await subscriptionChurn(wb, { by: 'plan', minSize: 1 })).rows)).toEqual([
      ['Basic', 5, 0, 250, 0, 30.01, 70],
      ['Gold', 2, 0, 240, 0, 0, 0],
      ['Pro', 5, 1, 601, 120, 30.5, 30.5],
      ['Starter', 2, 1, 39.98, 19.99, 0, 0],
    ]);
  });

  it('sees a table replaced under the same name, and a plan column dropped', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'c'),
    );
    expect(bridge((await mrrMovements(wb)).rows).map((r) => r[7])).toEqual([100, 130.5, 130.5, 100]);
    await wb.run('alter table subscriptions drop column plan');
    expect(brief((await subscriptionChurn(wb, { by: 'country', minSize: 1 })).rows)).toEqual([
      ['NL', 3, 0, 361, 0, 30.5, 30.5],
    ]);
    expect(bridge((await mrrMovements(wb)).rows).map((r) => r[7])).toEqual([100, 130.5, 130.5, 100]);
  });
});

describe('several subscriptions tables and segment columns', () => {
  it('rebuilds for each table and column, and gives each its own numbers', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'c'),
      'other',
    );
    const builds = countBuilds(wb);
    expect(bridge((await mrrMovements(wb, { source: 'other' })).rows).map((r) => r[7])).toEqual([
      100, 130.5, 130.5, 100,
    ]);
    expect(bridge((await mrrMovements(wb)).rows)).toEqual(FIXTURE_BRIDGE);
    expect(brief((await subscriptionChurn(wb, { by: 'country', minSize: 1 })).rows)).toEqual([
      ['BE', 4, 1, 309.99, 19.99, 0, 70],
      ['DE', 2, 1, 240, 120, 0, 0],
      ['NL', 8, 0, 580.99, 0, 60.51, 30.5],
    ]);
    expect(brief((await subscriptionChurn(wb, { by: 'plan', minSize: 1 })).rows)).toEqual(FIXTURE_BY_PLAN);
    expect(builds()).toBe(4);
  });

  it('gives calls running at once the numbers they give one by one', async () => {
    await subscriptions(
      wb,
      SUBS.filter((s) => s[1] === 'c'),
      'other',
    );
    const [movements, byCountry, other, byPlan] = await Promise.all([
      mrrMovements(wb),
      subscriptionChurn(wb, { by: 'country', minSize: 1 }),
      mrrMovements(wb, { source: 'other' }),
      subscriptionChurn(wb, { by: 'plan', minSize: 1 }),
    ]);
    expect(bridge(movements.rows)).toEqual(FIXTURE_BRIDGE);
    expect(brief(byCountry.rows).map((r) => r.slice(0, 2))).toEqual([
      ['BE', 4],
      ['DE', 2],
      ['NL', 8],
    ]);
    expect(bridge(other.rows).map((r) => r[7])).toEqual([100, 130.5, 130.5, 100]);
    expect(brief(byPlan.rows)).toEqual(FIXTURE_BY_PLAN);
  });
});
