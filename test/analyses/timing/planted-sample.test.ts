import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timing, type TimingResult } from '../../../src/analyses/timing/index.js';
import { timingSegmentation } from '../../../src/analyses/timing/segmentation.js';
import { PLANTED_BEHAVIOUR } from '../../../src/sample/behaviour.js';
import { Workbench } from '../../../src/workbench.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';

type Row = {
  customer_id: string;
  segment: string;
  orders: number;
  weekend: number;
  season: number;
  true_timing: string;
};

/** The customers of `rows` that pass `f`, sorted. */
const ids = (rows: readonly Row[], f: (r: Row) => boolean): string[] =>
  rows
    .filter(f)
    .map((r) => r.customer_id)
    .sort();

describe('timing on the behaviour sample (planted weekend and holiday-season buyers)', () => {
  let wb: Workbench;
  let rows: Row[];
  let result: TimingResult;
  beforeAll(async () => {
    ({ wb } = await behaviourSample());
    result = await timing(wb);
    await timingSegmentation.write(wb, { asOf: result.options.asOf, table: 'planted_timing' });
    rows = await wb.query<Row>(
      `select t.customer_id, t.segment, t.orders::integer as orders, t.weekend::integer as weekend,
         t.season::integer as season, c.true_timing
       from planted_timing t join customers c using (customer_id) order by t.customer_id`,
    );
  }, 120_000);
  afterAll(() => wb.close());

  // One order shows no pattern (rule 1: `one-order`), so only planted customers with 2+ orders can be found: the
  // test compares among those, and checks that every one-order customer is `one-order` whatever was planted.
  it('finds exactly the planted holiday-season customers with 2+ orders, and no one else', () => {
    const repeat = rows.filter((r) => r.orders >= 2);
    const planted = ids(repeat, (r) => r.true_timing === 'holiday-season');
    console.info({ customers: rows.length, repeat: repeat.length, holiday: planted.length });
    expect(planted.length).toBeGreaterThan(100);
    expect(ids(rows, (r) => r.segment === 'holiday-season')).toEqual(planted);
    // every order of a planted customer is in the season, and nobody else reaches 60%
    expect(repeat.filter((r) => r.true_timing === 'holiday-season').every((r) => r.season === r.orders)).toBe(true);
    expect(ids(repeat, (r) => 100 * r.season >= 60 * r.orders)).toEqual(planted);
    expect(ids(rows, (r) => r.orders === 1)).toEqual(ids(rows, (r) => r.segment === 'one-order'));
  });

  it('finds exactly the planted weekend customers with 2+ orders; those overdue are `due` (higher priority)', () => {
    const repeat = rows.filter((r) => r.orders >= 2);
    const planted = ids(repeat, (r) => r.true_timing === 'weekend');
    const due = ids(repeat, (r) => r.true_timing === 'weekend' && r.segment === 'due');
    console.info({ weekend: planted.length, due: due.length });
    expect(planted.length).toBeGreaterThan(150);
    // the weekend pattern (60%+ of orders on Saturday or Sunday) holds for exactly the planted customers
    expect(ids(repeat, (r) => 100 * r.weekend >= 60 * r.orders)).toEqual(planted);
    expect(repeat.filter((r) => r.true_timing === 'weekend').every((r) => r.weekend === r.orders)).toBe(true);
    // the weekend segment is the planted customers less those the `due` rule takes first
    expect(ids(rows, (r) => r.segment === 'weekend')).toEqual(planted.filter((id) => !due.includes(id)));
    expect(due.length).toBeLessThan(planted.length / 2);
  });

  it('plants the shares of customers', async () => {
    const [t] = await wb.query<{ weekend: number; season: number }>(
      `select avg((true_timing = 'weekend')::int) as weekend, avg((true_timing = 'holiday-season')::int) as season
       from customers`,
    );
    // binomial standard error at n = 4000 is under 0.6 points; allow about 4 SE
    expect(Math.abs((t?.weekend ?? 0) - PLANTED_BEHAVIOUR.timings[0]!.share)).toBeLessThan(0.025);
    expect(Math.abs((t?.season ?? 0) - PLANTED_BEHAVIOUR.timings[1]!.share)).toBeLessThan(0.025);
  });
});
