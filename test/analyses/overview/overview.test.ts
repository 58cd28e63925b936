import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview, overviewSql } from '../../../src/analyses/overview/index.js';
import { Workbench } from '../../../src/workbench.js';

let wb: Workbench;

beforeAll(async () => {
  wb = await Workbench.open();
  // A: two orders and a return; B: one big order; C: one small order (on the last day).
  await wb.run(`create table transactions as select * from (values
    ('A', 'o1', timestamp '2011-01-05 10:00', 100.0, false),
    ('A', 'o1', timestamp '2011-01-05 10:00', 0.5, false),
    ('A', 'o2', timestamp '2011-03-01 09:00', 50.0, false),
    ('A', 'r1', timestamp '2011-03-02 09:00', -20.0, true),
    ('B', 'o3', timestamp '2011-02-01 12:00', 300.0, false),
    ('C', 'o4', timestamp '2011-04-30 18:00', 10.0, false)
  ) t(customer_id, order_id, order_date, amount, is_return)`);
});

afterAll(() => wb.close());

describe('overview', () => {
  it('counts customers, purchase orders, net and gross revenue, returns, one-time buyers, top share', async () => {
    const o = await overview(wb);
    expect(o).toEqual({
      customers: 3,
      orders: 4,
      netRevenue: 440.5,
      grossRevenue: 460.5,
      returned: 20,
      oneTimeCustomers: 2,
      topRevenue: 0, // each customer is a third of them: none is within the top 20% (equal revenues never split)
      period: { first: new Date('2011-01-05T10:00:00Z'), last: new Date('2011-04-30T18:00:00Z') },
      options: { topShare: 0.2 },
      warnings: [],
    });
    // B (300) alone is the top third; A and C (130.5 and 10) follow.
    expect((await overview(wb, { topShare: 0.34 })).topRevenue).toBe(300);
    expect((await overview(wb, { topShare: 0.67 })).topRevenue).toBe(430.5);
  });

  it('leaves out rows at or after asOf, like rfm', async () => {
    const asOf = new Date('2011-03-02T09:00:00Z');
    const o = await overview(wb, { asOf, topShare: 0.5 });
    expect([o.customers, o.orders, o.netRevenue, o.returned, o.oneTimeCustomers, o.topRevenue]).toEqual([
      2, 3, 450.5, 0, 1, 300,
    ]);
    expect(o.period?.last).toEqual(new Date('2011-03-01T09:00:00Z'));
    expect(o.options).toEqual({ asOf, topShare: 0.5 });
  });

  it('warns and has no period when nothing is before asOf', async () => {
    const o = await overview(wb, { asOf: new Date('2000-01-01T00:00:00Z') });
    expect(o.customers).toBe(0);
    expect(o.period).toBeUndefined();
    expect(o.warnings).toEqual(['no transactions before the as-of date']);
  });

  it('its SQL is valid (EXPLAIN)', async () => {
    await expect(wb.query(`EXPLAIN ${overviewSql()}`, { asOf: null, topShare: 0.2 })).resolves.toBeDefined();
  });
});
