import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import {
  MAX_ENTRIES,
  withCustomerAggregate,
  withOrderAggregate,
  withOrderDayGaps,
  withStableSources,
} from '../../../src/analyses/shared/customer-cache.js';
import { loyalty } from '../../../src/analyses/loyalty/index.js';
import { customerAggregateSql } from '../../../src/analyses/shared/customer-aggregate.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { overview } from '../../../src/analyses/overview/index.js';
import { dataFacts } from '../../../src/analyses/shared/sufficiency.js';
import { timing } from '../../../src/analyses/timing/index.js';
import { journey } from '../../../src/analyses/journey/index.js';
import { transactions, type Tx } from '../../helpers/fixture-tables.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');
const ROWS: Tx[] = [
  ['A', 'a1', '2023-03-01', 100],
  ['A', 'a2', '2023-06-01', 50],
  ['A', 'a2', '2023-06-01', -20],
  ['B', 'b1', '2023-09-15', 40],
  ['C', 'c1', '2023-02-01', -30],
  ['D', 'd1', '2024-02-01', 70],
];

type Agg = { customer_id: string; frequency: number; monetary: number };
const read = (wb: Workbench, asOf: Date | null, returns?: 'net' | 'ignore') =>
  withCustomerAggregate(wb, { source: 'transactions', asOf, ...(returns ? { returns } : {}) }, async (t) => ({
    table: t,
    rows: await wb.query<Agg>(`select customer_id, frequency, monetary from ${t} order by customer_id`),
  }));

describe('the shared per-customer aggregate', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, ROWS);
  });
  afterEach(() => wb.close());

  it('holds what customerAggregateSql gives over the rows before the as-of moment (buyers only), per returns rule', async () => {
    const { rows } = await read(wb, AS_OF);
    expect(rows).toEqual([
      { customer_id: 'A', frequency: 2, monetary: 130 },
      { customer_id: 'B', frequency: 1, monetary: 40 },
    ]);
    const direct = await wb.query(
      `${customerAggregateSql({ from: 'transactions', where: 'order_date < $asOf', buyersOnly: true, measures: ['frequency', 'monetary'] })} order by customer_id`,
      { asOf: AS_OF },
    );
    expect(rows).toEqual(direct);
    expect((await read(wb, AS_OF, 'ignore')).rows[0]).toEqual({ customer_id: 'A', frequency: 2, monetary: 150 });
    expect((await read(wb, null)).rows.map((r) => r.customer_id)).toEqual(['A', 'B', 'D']);
  });

  it('grouped from the per-order aggregate of its date, gives exactly the rows grouped from the transactions', async () => {
    // an order over two days, a return-only order, an order without id, cents whose float sum is not exact
    const hard: Tx[] = [
      ['A', 'a1', '2023-03-01', 0.1],
      ['A', 'a1', '2023-03-02', 0.2],
      ['A', 'a2', '2023-04-01', -5],
      ['B', 'b1', '2023-05-01', 10],
      ['E', 'e1', '2023-07-01', -3],
      ['F', 'f1', '2023-08-01', 7.35],
      ['F', 'f2', '2023-08-03', 0.7],
    ];
    await transactions(wb, hard);
    await wb.run("insert into transactions values ('B', null, '2023-06-01 09:00:00', 4.5, false, 99, null)");
    const columns = 'customer_id, frequency, monetary, first_order, last_order';
    const cached = await withCustomerAggregate(wb, { source: 'transactions', asOf: AS_OF }, (t) =>
      wb.query(`select ${columns} from ${t} order by customer_id`),
    );
    // it went through the per-order aggregate: that one is kept for the date
    const built: string[] = [];
    const seen = await Workbench.open({ onStatement: (st) => built.push(st.sql) });
    await transactions(seen, hard);
    await withCustomerAggregate(seen, { source: 'transactions', asOf: AS_OF }, async () => undefined);
    expect(built.some((q) => /group by customer_id, order_id/.test(q))).toBe(true);
    await seen.close();
    const direct = await wb.query(
      `${customerAggregateSql({ from: 'transactions', where: 'order_date < $asOf', buyersOnly: true })} order by customer_id`,
      { asOf: AS_OF },
    );
    expect(cached).toEqual(direct);
    expect(cached.map((r) => [r['customer_id'], r['frequency'], r['monetary']])).toEqual([
      ['A', 1, -4.7],
      ['B', 1, 14.5],
      ['F', 2, 8.05],
    ]);
  });

  it('is built once and read again while the table is unchanged', async () => {
    const first = await read(wb, AS_OF);
    const second = await read(wb, AS_OF);
    expect(second.table).toBe(first.table);
  });

  it('is rebuilt after an insert, an update, a delete or a replaced table', async () => {
    const before = await read(wb, AS_OF);
    await wb.run("insert into transactions values ('B', 'b2', timestamp '2023-10-01 12:00:00', 10, false, 99, NULL)");
    const inserted = await read(wb, AS_OF);
    expect(inserted.table).not.toBe(before.table);
    expect(inserted.rows.find((r) => r.customer_id === 'B')).toEqual({ customer_id: 'B', frequency: 2, monetary: 50 });
    // An update that keeps count and sum: one amount moved from A to B.
    await wb.run(
      "update transactions set amount = amount + 25 where order_id = 'b1'; update transactions set amount = amount - 25 where order_id = 'a1'",
    );
    expect((await read(wb, AS_OF)).rows.map((r) => r.monetary)).toEqual([105, 75]);
    await wb.run("delete from transactions where customer_id = 'B'");
    expect((await read(wb, AS_OF)).rows.map((r) => r.customer_id)).toEqual(['A']);
    await transactions(wb, ROWS);
    expect((await read(wb, AS_OF)).rows).toEqual(before.rows);
  });

  it('inside withStableSources the fingerprint is taken once per table; after it, changes are seen again', async () => {
    let fingerprints = 0;
    const query = wb.query.bind(wb);
    wb.query = ((sql: string, params?: Record<string, never>) => {
      if (sql.includes('sum(hash(')) fingerprints += 1;
      return query(sql, params);
    }) as typeof wb.query;
    await withStableSources(wb, async () => {
      await read(wb, AS_OF);
      await read(wb, AS_OF);
      await read(wb, null);
    });
    expect(fingerprints).toBe(1);
    await read(wb, AS_OF);
    await read(wb, AS_OF);
    expect(fingerprints).toBe(3);
    // rfm() reads the aggregate twice (scores, sufficiency) on one fingerprint
    await rfm(wb, {
      asOf: AS_OF,
      laterOrders: 'exclude',
      scoring: { recency: [30], frequency: [2], monetary: [100] },
      bins: 2,
    });
    expect(fingerprints).toBe(4);
  });

  it(`keeps the ${MAX_ENTRIES} most recently used aggregates and drops the rest`, async () => {
    const dates = ['2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01'].map((d) => new Date(`${d}T00:00:00Z`));
    const tables: string[] = [];
    for (const d of dates) tables.push((await read(wb, d)).table);
    const unquote = (t: string) => t.replaceAll('"', '');
    expect(await wb.hasTable(unquote(tables[0]!))).toBe(false);
    for (const t of tables.slice(1)) expect(await wb.hasTable(unquote(t))).toBe(true);
  });

  it('analyses running at once on one Workbench give what they give one after the other', async () => {
    const together = await Promise.all([
      rfm(wb, {
        asOf: AS_OF,
        laterOrders: 'exclude',
        table: 'r1',
        scoring: { recency: [30], frequency: [2], monetary: [100] },
        bins: 2,
      }),
      overview(wb, { asOf: AS_OF }),
      dataFacts(wb, { asOf: AS_OF }),
      clusters(wb, { asOf: AS_OF, k: 2 }),
    ]);
    const alone = await rfm(wb, {
      asOf: AS_OF,
      laterOrders: 'exclude',
      table: 'r2',
      scoring: { recency: [30], frequency: [2], monetary: [100] },
      bins: 2,
    });
    expect(await wb.query('select * exclude (customer_id) from r1 order by customer_id')).toEqual(
      await wb.query('select * exclude (customer_id) from r2 order by customer_id'),
    );
    expect(together[0].customerCount).toBe(alone.customerCount);
    expect(together[1].customers).toBe(2);
    expect(together[2]).toEqual({ customers: 2, historyDays: 306, repeatBuyers: 0, recentOrders: 0 });
    expect(together[3].customerCount).toBe(2);
  });
});

describe('the shared per-order aggregate', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, ROWS);
  });
  afterEach(() => wb.close());

  type Order = { customer_id: string; order_id: string; ts: Date | null; revenue: number; timed: boolean | null };
  const readOrders = (asOf: Date) =>
    withOrderAggregate(wb, { source: 'transactions', asOf }, async (t) => ({
      table: t,
      rows: await wb.query<Order>(
        `select customer_id, order_id, ts, revenue::double as revenue, timed from ${t} order by customer_id, order_id`,
      ),
    }));

  it('holds one row per customer × order before the as-of moment: first purchase time, net revenue, times of day', async () => {
    const noon = (d: string) => new Date(`${d}T12:00:00Z`);
    expect((await readOrders(AS_OF)).rows).toEqual([
      { customer_id: 'A', order_id: 'a1', ts: noon('2023-03-01'), revenue: 100, timed: true },
      { customer_id: 'A', order_id: 'a2', ts: noon('2023-06-01'), revenue: 30, timed: true },
      { customer_id: 'B', order_id: 'b1', ts: noon('2023-09-15'), revenue: 40, timed: true },
      // an order of return rows only: no purchase time, its refund counts in revenue
      { customer_id: 'C', order_id: 'c1', ts: null, revenue: -30, timed: null },
    ]);
  });

  it('is built once for the analyses that read it, and again after the transactions change', async () => {
    let builds = 0;
    const run = wb.run.bind(wb);
    wb.run = ((sql: string, params?: Record<string, never>) => {
      if (sql.startsWith('create or replace temp table "_swb_order_aggregate')) builds += 1;
      return run(sql, params);
    }) as typeof wb.run;
    const first = await timing(wb, { asOf: AS_OF });
    await journey(wb, { asOf: AS_OF });
    expect(builds).toBe(1);
    await wb.run("insert into transactions values ('B', 'b2', timestamp '2023-10-01 12:00:00', 10, false, 99, NULL)");
    const second = await timing(wb, { asOf: AS_OF });
    expect(builds).toBe(2);
    expect(first.orders.total).toBe(3);
    expect(second.orders.total).toBe(4);
  });
});

describe('the shared order-day gaps', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    // A buys on 1 Mar, 1 Jun (twice that day, one order returned in part) and 1 Jul: order days 1 Mar, 1 Jun,
    // 1 Jul, gaps 92 and 30; B one order day; C only a return; D after the as-of date.
    await transactions(wb, [...ROWS, ['A', 'a3', '2023-06-01', 10], ['A', 'a4', '2023-07-01', 5]]);
  });
  afterEach(() => wb.close());

  it('holds per customer the order days, the gaps between them and their median, mean, spread and longest', async () => {
    const rows = await withOrderDayGaps(wb, { source: 'transactions', asOf: AS_OF }, (gaps) =>
      wb.query(`select * from ${gaps} order by customer_id`),
    );
    expect(rows).toEqual([
      { customer_id: 'A', order_days: 3, gaps: 2, cycle: 61, mean_gap: 61, sd_gap: 31, max_gap: 92 },
      { customer_id: 'B', order_days: 1, gaps: 0, cycle: null, mean_gap: null, sd_gap: null, max_gap: null },
    ]);
  });

  it('is built once for timing and loyalty, and again after the transactions change', async () => {
    let builds = 0;
    const run = wb.run.bind(wb);
    wb.run = ((sql: string, params?: Record<string, never>) => {
      if (sql.startsWith('create or replace temp table "_swb_order_day_gaps')) builds += 1;
      return run(sql, params);
    }) as typeof wb.run;
    await timing(wb, { asOf: AS_OF });
    const l = await loyalty(wb, { asOf: AS_OF });
    expect(builds).toBe(1);
    expect(l.customerCount).toBe(2);
    await wb.run("insert into transactions values ('B', 'b2', timestamp '2023-10-01 12:00:00', 10, false, 99, NULL)");
    await loyalty(wb, { asOf: AS_OF, replace: true });
    expect(builds).toBe(2);
  });
});
