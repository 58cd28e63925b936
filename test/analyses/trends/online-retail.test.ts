/**
 * trends() on the bundled Online Retail data: every point is what rfm() gives as of its date (same scores,
 * same tie rule, same segment map), so the last point is the report's own RFM and value tiers exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { trends, type TrendsResult } from '../../../src/analyses/trends/index.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';

describe('trends on the bundled Online Retail data', () => {
  let wb: Workbench;
  let t: TrendsResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    t = await trends(wb);
  });
  afterAll(() => wb.close());

  it('has 12 monthly points up to the day after the last order', () => {
    expect(t.points.map((p) => p.date.toISOString().slice(0, 10))).toEqual([
      '2011-01-10',
      '2011-02-10',
      '2011-03-10',
      '2011-04-10',
      '2011-05-10',
      '2011-06-10',
      '2011-07-10',
      '2011-08-10',
      '2011-09-10',
      '2011-10-10',
      '2011-11-10',
      '2011-12-10',
    ]);
    expect(t.points.map((p) => p.customers)).toEqual([
      976, 1431, 1828, 2236, 2520, 2800, 3010, 3204, 3370, 3721, 4086, 4338,
    ]);
    expect(t.warnings).toEqual([]);
  });

  it('ends on the RFM segments and value tiers of the report, exactly', async () => {
    const report = await rfm(wb);
    const last = t.points.length - 1;
    expect(t.options.asOf).toEqual(report.options.asOf);
    expect(t.rfm.filter((v) => v.point === last).map((v) => [v.segment, v.customers])).toEqual(
      report.segments.map((s) => [s.key, s.customers]),
    );
    expect(t.points[last]!.customers).toBe(report.customerCount);
    const tiers = await segmentBy(wb, { valueTiers: true });
    expect(t.valueTiers.filter((v) => v.point === last).map((v) => [v.segment, v.customers])).toEqual(
      tiers.segments.map((s) => [s.segment, s.size]),
    );
  });

  it('gives at every earlier date the segments rfm() gives as of it, later orders left out', async () => {
    for (const [i, p] of t.points.entries()) {
      if (i === t.points.length - 1) continue;
      const r = await rfm(wb, { asOf: p.date, laterOrders: 'exclude', table: 'rfm_check' });
      expect(
        t.rfm.filter((v) => v.point === i).map((v) => v.customers),
        p.date.toISOString(),
      ).toEqual(r.segments.map((s) => s.customers));
    }
  });

  it('records the champions and hibernating counts over the year (checked against rfm() above)', () => {
    const of = (key: string) => t.rfm.filter((v) => v.segment === key).map((v) => v.customers);
    expect(of('champions')).toEqual([33, 82, 117, 157, 215, 272, 300, 372, 407, 398, 512, 604]);
    expect(of('hibernating')).toEqual([358, 518, 659, 807, 908, 1012, 1063, 1128, 1173, 1250, 1296, 1335]);
  });

  it('takes churn in the segment of the previous date: Champions no longer 0% nor About to Sleep 100%', async () => {
    const churn = (key: string) =>
      t.rfm.filter((v) => v.segment === key && v.point > 0).map((v) => [v.churn.events, v.churn.total]);
    // [churned, bought in the window before] per date from the second: Champions at the previous date all
    // bought in its window (recent by definition), and some stop — 3 of 33 at 10 Feb, 159 of 512 (31%) at 10 Dec —
    // where membership at the date itself gave 0% at every date.
    expect(churn('champions')).toEqual([
      [3, 33],
      [24, 82],
      [29, 117],
      [64, 157],
      [55, 215],
      [120, 272],
      [122, 300],
      [155, 372],
      [180, 407],
      [165, 398],
      [159, 512],
    ]);
    // About to Sleep at the previous date: 67%–80% while the scoring's recency bins still reach into the last
    // month (few customers early in the data), then nobody of it bought in that month: not defined, where it was 100%.
    expect(churn('about-to-sleep')).toEqual([
      [123, 184],
      [137, 184],
      [30, 40],
      [33, 41],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(t.rfm.find((v) => v.segment === 'champions' && v.point === 11)!.churn.rate).toBeCloseTo(159 / 512, 12);
    // independently: each customer's segment from rfm() as of the previous date, purchases in the two windows
    for (let i = 1; i < t.points.length; i++) {
      const prev = t.points[i - 1]!;
      const cur = t.points[i]!;
      await rfm(wb, { asOf: prev.date, laterOrders: 'exclude', table: 'rfm_prev' });
      const rows = await wb.query<{ segment: string; prev_buyers: bigint; churners: bigint }>(
        `with bought as (
          select customer_id,
            bool_or(order_date >= $p0 and order_date < $p1) as before,
            bool_or(order_date >= $p1 and order_date < $p2) as since
          from transactions where customer_id is not null and not coalesce(is_return, false) group by customer_id
        )
        select r.segment, count(*) as prev_buyers, count(*) filter (where not b.since) as churners
        from rfm_prev r join bought b using (customer_id) where b.before group by r.segment`,
        { p0: prev.windowStart, p1: prev.date, p2: cur.date },
      );
      const bySegment = new Map(rows.map((r) => [r.segment, [Number(r.churners), Number(r.prev_buyers)]]));
      for (const v of t.rfm.filter((x) => x.point === i))
        expect([v.churn.events, v.churn.total], `${v.segment} ${cur.date.toISOString()}`).toEqual(
          bySegment.get(v.segment) ?? [0, 0],
        );
    }
  });

  it('ends on the clusters’ sizes when following their centres, and on the country sizes of segmentBy', async () => {
    const found = await clusters(wb, { asOf: t.options.asOf });
    const g = await trends(wb, { asOf: t.options.asOf, clusters: found, by: ['country'] });
    const last = g.points.length - 1;
    const atLast = (i: number) => g.groupings[i]!.values.filter((v) => v.point === last);
    expect(atLast(0).map((v) => v.customers)).toEqual(found.profiles.map((p) => p.size));
    expect(atLast(0).reduce((s, v) => s + v.customers, 0)).toBe(found.customerCount);
    const country = await segmentBy(wb, { column: 'country' }, { asOf: t.options.asOf, table: 'country_check' });
    expect(atLast(1).map((v) => [v.segment, v.customers])).toEqual(country.segments.map((s) => [s.segment, s.size]));
    // the figures a reader checks: the countries' sizes over the year for the largest, and the clusters' at the last date
    const uk = g.groupings[1]!.values.filter((v) => v.segment === 'United Kingdom').map((v) => v.customers);
    expect(uk).toEqual([896, 1288, 1645, 2030, 2289, 2538, 2726, 2896, 3035, 3361, 3695, 3920]);
    expect(atLast(0).map((v) => v.customers)).toEqual([1684, 2654]);
    expect(g.rfm).toEqual(t.rfm);
  });

  it('follows the timing segments as of each date: the last is segmentBy’s, the first the data’s first December', async () => {
    const g = await trends(wb, { asOf: t.options.asOf, by: ['timing'] });
    const timing = g.groupings[0]!;
    expect(timing.kind).toBe('segmentation');
    const at = (point: number) =>
      Object.fromEntries(timing.values.filter((v) => v.point === point).map((v) => [v.segment, v.customers]));
    const seg = await segmentBy(wb, { column: 'timing' }, { asOf: t.options.asOf, table: 'timing_check' });
    expect(at(11)).toEqual(Object.fromEntries(seg.segments.map((s) => [s.segment, s.size])));
    // On 10 Jan 2011 the data holds December 2010 (all of it in the holiday season) and nine days of January:
    // 260 of the 318 customers with 2+ orders are holiday-season buyers; a year on, 117 of 2,845.
    const holiday = timing.values.filter((v) => v.segment === 'holiday-season').map((v) => v.customers);
    expect(holiday[0]).toBe(260);
    expect(holiday[11]).toBe(117);
    expect(at(0)['one-order']).toBe(976 - 318);
    expect(at(11)['one-order']).toBe(4338 - 2845);
  });
});
