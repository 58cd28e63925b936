/**
 * eventBounds: the first and last event with a customer, read from the time column alone when the rows at
 * those two moments have a customer, and over the rows with a customer otherwise; and the usage row read
 * from the window alone (churn by usage segment) gives the same segments as the full one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { eventBounds } from '../../../src/analyses/usage/window.js';
import { usageCustomersSql } from '../../../src/analyses/usage/sql.js';
import { eventsTable, segmentEvents, subscriptionsTable } from './fixture.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

describe('eventBounds', () => {
  it('gives the first and last event when both have a customer', async () => {
    await eventsTable(wb, [
      ['a', '2024-03-01 10:00:00', 'open', null],
      ['b', '2024-03-05 12:00:00', 'open', 'web'],
      [null, '2024-03-03 00:00:00', 'open', null],
    ]);
    const b = await eventBounds(wb, 'events');
    expect([iso(b.first), iso(b.last)]).toEqual(['2024-03-01T10:00:00.000Z', '2024-03-05T12:00:00.000Z']);
  });

  it('leaves out events without a customer at either end, also when another row shares the time', async () => {
    await eventsTable(wb, [
      [null, '2024-02-01 00:00:00', 'open', null],
      ['a', '2024-03-01 10:00:00', 'open', null],
      ['b', '2024-03-05 12:00:00', 'open', 'web'],
      [null, '2024-03-09 08:00:00', 'open', null],
      ['c', '2024-02-01 00:00:00', 'open', null],
    ]);
    const b = await eventBounds(wb, 'events');
    // c shares the first moment with a row without customer: the first stays; the last without customer goes
    expect([iso(b.first), iso(b.last)]).toEqual(['2024-02-01T00:00:00.000Z', '2024-03-05T12:00:00.000Z']);
  });

  it('compares times to the microsecond', async () => {
    await eventsTable(wb, [
      ['a', '2024-03-01 10:00:00.000001', 'open', null],
      [null, '2024-03-05 12:00:00.000002', 'open', null],
      ['b', '2024-03-05 12:00:00.000001', 'open', null],
    ]);
    const [last] = await wb.query<{ t: string }>(
      'select max(event_time)::varchar as t from events where customer_id is not null',
    );
    const b = await eventBounds(wb, 'events');
    expect(last?.t).toBe('2024-03-05 12:00:00.000001');
    expect(iso(b.last)).toBe('2024-03-05T12:00:00.000Z'); // the customer's, not the later row without one (a Date keeps ms)
    expect(iso(b.first)).toBe('2024-03-01T10:00:00.000Z');
  });

  it('gives nulls without events with a customer', async () => {
    await eventsTable(wb, []);
    expect(await eventBounds(wb, 'events')).toEqual({ first: null, last: null });
    await eventsTable(wb, [[null, '2024-03-01 10:00:00', 'open', null]]);
    expect(await eventBounds(wb, 'events')).toEqual({ first: null, last: null });
  });
});

describe('the usage row without the events before the window', () => {
  it('has the same activity and segments, and no last use or main platform', async () => {
    await eventsTable(wb, segmentEvents());
    await subscriptionsTable(wb, [
      ['p1', '2024-01-01', null, 50],
      ['r1', '2024-01-01', null, 30],
      ['d1', '2023-12-01', null, 20],
      ['l1', '2024-02-01', null, 25],
    ]);
    const o = {
      events: 'events',
      subscriptions: 'subscriptions',
      universe: 'paying',
      withSubscriptions: true,
      at: new Date('2024-03-21T00:00:00Z'),
      windowDays: 20,
      lightBelow: 0.25,
      powerAbove: 0.6,
      featureBands: [1, 2, 5],
    } as const;
    type Row = {
      customer_id: string;
      active_days: number;
      features: number;
      events: number;
      usage_segment: string;
      days_since_last_use: number | null;
      main_platform: string | null;
    };
    const read = async (history: boolean) => {
      const { sql, params } = usageCustomersSql({ ...o, history });
      return wb.query<Row>(
        `select customer_id, active_days, features, events, usage_segment, days_since_last_use, main_platform from (${sql}) order by customer_id`,
        params,
      );
    };
    const full = await read(true);
    const windowOnly = await read(false);
    expect(full.map((r) => [r.customer_id, r.usage_segment, r.days_since_last_use, r.main_platform])).toEqual([
      ['d1', 'dormant', 21, 'ios'],
      ['l1', 'light', 6, 'tablet'],
      ['p1', 'power', 8, 'ios'],
      ['r1', 'regular', 1, 'android'],
    ]);
    expect(
      windowOnly.map((r) => [
        r.customer_id,
        r.active_days,
        r.features,
        r.events,
        r.usage_segment,
        r.days_since_last_use,
        r.main_platform,
      ]),
    ).toEqual(full.map((r) => [r.customer_id, r.active_days, r.features, r.events, r.usage_segment, null, null]));
  });
});
