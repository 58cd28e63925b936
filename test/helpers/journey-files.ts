/**
 * The planted funnel of test/analyses/journey/fixture.ts as files (orders CSV, events CSV), for the tests
 * that load them as `swb report FILE --events EVENTS` and `swb export … --events` do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS, ORDERS } from '../analyses/journey/fixture.js';

/** Write `orders.csv` and `events.csv` of the planted funnel into `dir`; returns their paths. */
export function writeJourneyFiles(dir: string): { orders: string; events: string } {
  const orders = join(dir, 'orders.csv');
  const events = join(dir, 'events.csv');
  writeFileSync(
    orders,
    ['customer_id,order_id,order_date,amount', ...ORDERS.map(([c, o, at, a]) => `${c},${o},${at}:00,${a}`)].join('\n'),
  );
  writeFileSync(
    events,
    [
      'customer_id,event_time,event_name,platform',
      ...EVENTS.map(([c, t, e, p]) => `${c},${t}:00,${e},${p ?? ''}`),
    ].join('\n'),
  );
  return { orders, events };
}
