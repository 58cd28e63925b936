import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { activity } from '../../../src/analyses/overview/activity.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await Workbench.open();
  await wb.run(`CREATE TABLE transactions AS SELECT customer_id, order_id, order_date::TIMESTAMP AS order_date, amount, is_return FROM (VALUES
    ('c1', 'o1', '2011-01-05 10:00:00', 100.0, false),
    ('c1', 'o2', '2011-02-10 00:00:00', 50.0, false),
    ('c1', 'r1', '2011-02-11 09:00:00', -20.0, true),
    ('c2', 'o3', '2011-02-01 08:00:00', 30.0, false),
    ('c3', 'o4', '2011-03-31 23:00:00', 10.0, false),
    ('c3', 'o4', '2011-03-31 23:00:00', 5.0, false),
    ('c4', 'r2', '2011-03-02 12:00:00', -5.0, true)
  ) v(customer_id, order_id, order_date, amount, is_return)`);
});
afterAll(async () => wb.close());

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('activity', () => {
  it('counts customers, new customers, orders and revenue per month; returns subtract', async () => {
    const a = await activity(wb);
    expect(a.rows).toEqual([
      { start: d('2011-01-01'), customers: 1, newCustomers: 1, orders: 1, netRevenue: 100, returned: 0 },
      { start: d('2011-02-01'), customers: 2, newCustomers: 1, orders: 2, netRevenue: 60, returned: 20 },
      { start: d('2011-03-01'), customers: 1, newCustomers: 1, orders: 1, netRevenue: 10, returned: 5 },
    ]);
    expect(a.lastIsPartial).toBe(false);
    expect(a.lastOrder).toEqual(new Date('2011-03-31T23:00:00Z'));
    expect(a.options).toEqual({ period: 'month' });
    expect(a.warnings).toEqual([]);
  });

  it('cuts at the as-of date and flags the last period as partial', async () => {
    const asOf = new Date('2011-02-10T12:00:00Z');
    const a = await activity(wb, { asOf });
    expect(a.rows.map((r) => [r.start, r.customers, r.newCustomers, r.orders, r.netRevenue, r.returned])).toEqual([
      [d('2011-01-01'), 1, 1, 1, 100, 0],
      [d('2011-02-01'), 2, 1, 2, 80, 0],
    ]);
    expect(a.lastIsPartial).toBe(true);
    expect(a.options).toEqual({ period: 'month', asOf });
    expect((await activity(wb, { asOf: d('2011-03-01') })).lastIsPartial).toBe(false); // February is complete
  });

  it('groups by quarter and by ISO week (Monday)', async () => {
    const q = await activity(wb, { period: 'quarter' });
    expect(q.rows).toEqual([
      { start: d('2011-01-01'), customers: 3, newCustomers: 3, orders: 4, netRevenue: 170, returned: 25 },
    ]);
    const w = await activity(wb, { period: 'week' });
    expect(w.rows.map((r) => r.start)).toEqual([
      d('2011-01-03'),
      d('2011-01-31'),
      d('2011-02-07'),
      d('2011-02-28'),
      d('2011-03-28'),
    ]);
    expect(w.lastIsPartial).toBe(true); // data ends Thursday 31 March
  });

  it('rejects an unknown period', async () => {
    await expect(activity(wb, { period: 'day' as 'week' })).rejects.toThrow(
      'unknown period: day (expected one of: week, month, quarter)',
    );
  });
});
