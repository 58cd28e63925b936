/**
 * usageChurn by an attribute of the events (platform, app version, …): each paying customer's latest value at or
 * before `at`, never a later one; iOS apart from Android (the platform group merges them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { usageChurn } from '../../../src/analyses/usage/churn.js';
import { eventsTable, subscriptionsTable } from './fixture.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  // at 2024-04-01, horizon 3 months → 2024-07-01; i1, i2 on iOS, a1–a3 on Android, w1 on the web, n1 without a platform
  await eventsTable(wb, [
    ['i1', '2024-03-20 10:00:00', 'open', 'ios'],
    ['i2', '2024-02-10 10:00:00', 'open', 'ios'],
    ['i2', '2024-04-01 00:00:01', 'open', 'android'], // after at: not seen yet
    ['a1', '2024-03-01 10:00:00', 'open', 'ios'],
    ['a1', '2024-04-01 00:00:00', 'open', 'android'], // at at exactly: counts
    ['a2', '2024-03-25 10:00:00', 'open', 'android'],
    ['a3', '2024-01-05 10:00:00', 'open', 'android'],
    ['w1', '2024-03-30 10:00:00', 'open', 'web'],
    ['n1', '2024-03-30 10:00:00', 'open', null],
  ]);
  await subscriptionsTable(wb, [
    ['i1', '2024-01-01', null, 20],
    ['i2', '2024-01-01', null, 20],
    ['a1', '2024-01-01', '2024-05-01', 20],
    ['a2', '2024-01-01', '2024-06-01', 20],
    ['a3', '2024-01-01', null, 20],
    ['w1', '2024-01-01', null, 20],
    ['n1', '2024-01-01', '2024-05-15', 20],
    ['late', '2024-07-15', null, 20],
  ]);
});
afterEach(() => wb.close());

describe('usageChurn by an event attribute at at', () => {
  it('takes each customer’s platform at at and keeps iOS apart from Android', async () => {
    const r = await usageChurn(wb, { at: '2024-04-01', windowDays: 10, minSize: 1, by: 'platform' });
    expect(r.rows.map((x) => [x.segment, x.customers, x.churned])).toEqual([
      ['android', 3, 2],
      ['ios', 2, 0],
      ['web', 1, 0],
      ['(missing)', 1, 1],
    ]);
    expect(r.finding).toBe('no_clear_difference');
    expect(r.compared).toEqual({ lowestChurn: 'ios', highestChurn: 'android' });
    const grouped = await usageChurn(wb, { at: '2024-04-01', windowDays: 10, minSize: 1, by: 'platform_group' });
    expect(grouped.rows.map((x) => [x.segment, x.customers])).toEqual([
      ['desktop', 1],
      ['mobile', 5],
      ['(missing)', 1],
    ]);
  });

  it('refuses an attribute whose column the events table lacks', async () => {
    await wb.run('alter table events drop column app_version');
    await expect(usageChurn(wb, { at: '2024-04-01', by: 'app_major' })).rejects.toMatchObject({
      code: 'MISSING_FIELD',
      message: expect.stringContaining('usageChurn() by app_major reads column app_version of events'),
    });
  });
});
