/**
 * A planted funnel (as of 2011-11-01; orders £100): events mapped by the default journey map, and orders.
 *
 *   a1, a2, a3   aware           page_view only (a1 yesterday, a2 on five days of October: high engagement; a3 in March: none)
 *   c1, c2       considering     page_view then add_to_cart; c2 also an unmapped 'hover' event
 *   f1, f2       first-purchase  f1: product_view, then one order; f2: one order, no events
 *   r1           repeat          two orders (one in the last 30 days) and an email_open (platform 'email')
 *   d1           advocate        an order, then a review
 *   x1           (not counted)   only an unmapped event
 * Funnel: aware 9, considering 6, first purchase 4, repeat 1 (r1) + advocate 1 (d1, via its review).
 */
import type { Workbench } from '../../../src/workbench.js';
import { timedTransactions, type TimedTx } from '../timing/fixture.js';

/** The as-of date of the fixture. */
export const AS_OF = '2011-11-01';

/** The planted orders. */
export const ORDERS: readonly TimedTx[] = [
  ['f1', 'f1-1', '2011-06-10 12:00', 100],
  ['f2', 'f2-1', '2011-10-20 12:00', 100],
  ['r1', 'r1-1', '2011-05-01 12:00', 100],
  ['r1', 'r1-2', '2011-10-25 12:00', 100],
  ['d1', 'd1-1', '2011-04-01 12:00', 100],
];

/** The planted events: customer, time, name, platform. */
export const EVENTS: ReadonlyArray<[string, string, string, string | null]> = [
  ['a1', '2011-10-31 10:00', 'page_view', 'web'],
  ...['01', '05', '10', '15', '20'].map((d): [string, string, string, string] => [
    'a2',
    `2011-10-${d} 10:00`,
    'Page_View',
    'web',
  ]),
  ['a3', '2011-03-01 10:00', 'page_view', 'web'],
  ['c1', '2011-08-01 10:00', 'page_view', 'web'],
  ['c1', '2011-08-02 10:00', 'add_to_cart', 'web'],
  ['c2', '2011-09-01 10:00', 'add_to_cart', 'app'],
  ['c2', '2011-09-01 11:00', 'hover', 'app'],
  ['f1', '2011-06-01 10:00', 'product_view', 'web'],
  ['r1', '2011-04-20 10:00', 'email_open', 'email'],
  ['d1', '2011-04-15 10:00', 'review', 'web'],
  ['x1', '2011-07-01 10:00', 'hover', 'web'],
  ['a1', '2011-11-05 10:00', 'add_to_cart', 'web'], // after the as-of date: left out
];

/** Create `transactions` and the loader's `events` table from the planted rows. */
export async function plantJourney(wb: Workbench, withEvents = true): Promise<void> {
  await timedTransactions(wb, ORDERS);
  await wb.run('drop table if exists events');
  if (!withEvents) return;
  await wb.run(
    'create table events (customer_id varchar, event_time timestamp, event_name varchar, platform varchar, device varchar, app_version varchar)',
  );
  for (const [c, t, e, p] of EVENTS)
    await wb.run('insert into events values ($c, $t, $e, $p, null, null)', {
      c,
      t: new Date(`${t.replace(' ', 'T')}:00Z`),
      e,
      p,
    });
}
