/**
 * Churn by a technographic attribute of the usage events (platform, device, app version or its major), taken at
 * each month start — the customer's latest event at or before the month's first day — on the hand-made
 * subscriptions of fixture.ts with a few hand-placed events.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import type { WorkbenchError } from '../../../src/errors.js';
import { mrrMovements, subscriptionChurn } from '../../../src/analyses/subscriptions/index.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { expectPlans } from '../../helpers/explain.js';
import { subscriptionChurnSql } from '../../../src/analyses/subscriptions/churn-sql.js';
import { events, SUBS, subscriptions } from './fixture.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
});
afterEach(() => wb.close());

describe('churn by an event attribute at each month start', () => {
  beforeEach(async () => events(wb));

  /*
   * Platform at each month start (latest event at or before the 1st, 00:00):
   *   Feb  a android (1 Feb 00:00), b ios (tie), c none, d android, f android (churns)
   *   Mar  a android, b ios, c none, d android (churns), e ios (3 Feb)
   *   Apr  a web, b android (31 Mar), c none, e ios; d returns on android
   */
  it('subscriptionChurn counts each customer-month in the platform of the month start', async () => {
    const r = await subscriptionChurn(wb, { by: 'platform', minSize: 1 });
    expect(r.options.by).toEqual({ kind: 'events', table: 'events', column: 'platform' });
    expect(r.rows.map((x) => [x.segment, x.customerMonths, x.churnedCustomers, x.mrrAtRisk, x.churnedMrr])).toEqual([
      ['android', 6, 2, 479.99, 139.99],
      ['ios', 4, 0, 239.99, 0],
      ['web', 1, 0, 50, 0],
      [null, 3, 0, 361, 0], // c: 100 at February's start (the seats start on 1 Feb), 130.50 at March's and April's
    ]);
    expect(r.rows.map((x) => [x.segment, x.expansion, x.contraction, x.reactivation])).toEqual([
      ['android', 0, 0, 40.25],
      ['ios', 70, 30.01, 0],
      ['web', 0, 0, 0],
      [null, 30.5, 30.5, 0],
    ]);
    expect(r.warnings.join(' ')).toContain('3 customer-month(s) at risk have no value of platform');
  });

  it('mrrMovements by platform gives the churn of each month, and the dated method the same classes here', async () => {
    for (const method of ['month-end', 'dated'] as const) {
      const r = await mrrMovements(wb, { by: 'platform', minSize: 1, method, from: '2024-02-01', to: '2024-04-01' });
      const android = r.bySegment?.segments.find((s) => s.segment === 'android');
      expect(
        android?.rows.map((m) => [m.customerChurn.events, m.customerChurn.total]),
        method,
      ).toEqual([
        [1, 3],
        [1, 2],
        [0, 1],
      ]);
      expect(android?.totals.reactivation, method).toBe(40.25);
    }
  });

  it('app_major is the part of the version before the first dot, app_version the version as given', async () => {
    const major = await subscriptionChurn(wb, { by: 'app_major', minSize: 1 });
    // Feb a 10 (10.1), b 3 (3.2), d 3, f 3; Mar a 10, b 3, d 3, e 4; Apr a 10, b 4 (4.0.2), e 4
    expect(major.rows.map((x) => [x.segment, x.customerMonths, x.churnedCustomers])).toEqual([
      ['10', 3, 0],
      ['3', 5, 2],
      ['4', 3, 0],
      [null, 3, 0],
    ]);
    const version = await subscriptionChurn(wb, { by: 'app_version', minSize: 1 });
    expect(version.rows.map((x) => x.segment)).toEqual(['10.1', '3.0', '3.2', '4.0.2', '4.1', null]);
  });

  it('builds SQL that DuckDB accepts', async () => {
    const by = { kind: 'events' as const, table: 'events', column: 'device' };
    await wb.run('update events set device = platform');
    await expectPlans(wb, subscriptionChurnSql({ source: 'subscriptions', by }), {
      from: new Date(0),
      to: new Date(0),
    });
  });
});

describe('an event attribute without events', () => {
  it('names the events table and what it offers', async () => {
    const e = await rejection(subscriptionChurn(wb, { by: 'device' }));
    expect((e as WorkbenchError).code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toContain('events, at each month start: (none');
    await events(wb);
    const m = await rejection(mrrMovements(wb, { by: 'os' }));
    expect(m.message).toContain('events, at each month start: "device", "platform", "app_version", "app_major"');
  });
});
