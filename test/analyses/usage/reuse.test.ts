/**
 * The usage_segments table is a per-customer table other analyses read: segmentBy takes it as its
 * `customers` table (columns as attributes), subscriptionChurn as a `{ table, column }` segment table.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { usageSegments } from '../../../src/analyses/usage/index.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { subscriptionChurn } from '../../../src/analyses/subscriptions/churn.js';
import { eventsTable, segmentEvents, subscriptionsTable } from './fixture.js';

describe('the usage_segments table in other analyses', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await eventsTable(wb, segmentEvents());
  });
  afterEach(() => wb.close());

  it('segmentBy segments by usage_segment and by active-day bands from the table, with revenue from the transactions', async () => {
    await wb.run(`create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint);
      insert into transactions values ('p1', 'o1', '2024-02-01', 100, false, 1), ('r1', 'o2', '2024-02-02', 50, false, 2), ('l1', 'o3', '2024-02-03', 30, false, 3)`);
    const u = await usageSegments(wb, { at: '2024-03-21', windowDays: 20 });
    const r = await segmentBy(wb, { column: 'usage_segment' }, { customers: u.table, asOf: '2024-03-21', minSize: 1 });
    expect(r.options.universe).toBe('customers');
    expect(r.customerCount).toBe(6);
    expect(r.segments.map((s) => [s.segment, s.size, s.revenue])).toEqual([
      ['dormant', 1, 0],
      ['light', 2, 30],
      ['power', 1, 100],
      ['regular', 2, 50],
    ]);
    const bands = await segmentBy(
      wb,
      { column: 'active_days', bins: [1, 5] },
      { customers: u.table, asOf: '2024-03-21', minSize: 1, table: 'day_bands' },
    );
    expect(bands.segments.map((s) => [s.segment, s.size])).toEqual([
      ['<1', 1],
      ['1–5', 2],
      ['≥5', 3],
    ]);
  });

  it('subscriptionChurn reads usage_segment from the table', async () => {
    await subscriptionsTable(wb, [
      ['p1', '2024-01-01', null, 50],
      ['r1', '2024-01-01', '2024-03-15', 30],
      ['d1', '2023-12-01', null, 20],
      ['r2', '2024-02-01', null, 25],
    ]);
    const u = await usageSegments(wb, { at: '2024-03-21', windowDays: 20, customers: 'all' });
    const c = await subscriptionChurn(wb, { by: { table: u.table, column: 'usage_segment' }, minSize: 1 });
    expect(c.options.by).toMatchObject({
      kind: 'table',
      table: 'usage_segments',
      column: 'usage_segment',
      orderColumn: 'segment_order',
    });
    // d1 dormant, p1 power, r1 and r2 regular (r1 stops on 2024-03-15); l1 and n1 never pay; least to most used
    expect(c.rows.map((row) => [row.segment, row.customers, row.churnedCustomers])).toEqual([
      ['dormant', 1, 0],
      ['regular', 2, 1],
      ['power', 1, 0],
    ]);
  });
});
