/**
 * trends() by a behavioural segmentation on the behaviour sample (planted weekend and holiday-season buyers):
 * the segmentation is written again as of every date, so each point has the segments of its own date (checked
 * against the segmentation's own table as of that date), the last point the sizes `segmentBy` gives, and a
 * customers-file column of the same name is still an attribute taken once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trends, type TrendGrouping, type TrendsResult } from '../../../src/analyses/trends/index.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { SEGMENTATIONS, type SegmentationId } from '../../../src/analyses/segmentations.js';
import { trendsSection } from '../../../src/analyses/trends/section.js';
import { groupingNames } from '../../../src/analyses/trends/charts.js';
import { timingTexts } from '../../../src/analyses/timing/texts.js';
import type { Workbench } from '../../../src/workbench.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';

/** A grouping's customers per key at one point (keys without customers left out). */
const sizes = (g: TrendGrouping, point: number): Record<string, number> =>
  Object.fromEntries(g.values.filter((v) => v.point === point && v.customers > 0).map((v) => [v.segment, v.customers]));

/** The segmentation's own table as of `asOf`, counted among the customers with a purchase before it. */
async function writtenSizes(wb: Workbench, id: SegmentationId, asOf: Date): Promise<Record<string, number>> {
  await SEGMENTATIONS[id].write(wb, { asOf, table: 'written' });
  const rows = await wb.query<{ segment: string; n: number }>(
    `select segment, count(*)::integer as n from written
     where customer_id in (select customer_id from transactions where order_date < $asOf and not coalesce(is_return, false))
     group by segment order by segment`,
    { asOf },
  );
  return Object.fromEntries(rows.map((r) => [r.segment, r.n]));
}

/** The segment as of `last`, applied to the buyers before `asOf`: what following the segment as a fixed value gives. */
async function fixedSizes(wb: Workbench, id: SegmentationId, last: Date, asOf: Date): Promise<Record<string, number>> {
  await SEGMENTATIONS[id].write(wb, { asOf: last, table: 'written_last' });
  const rows = await wb.query<{ segment: string; n: number }>(
    `select segment, count(*)::integer as n from written_last
     where customer_id in (select customer_id from transactions where order_date < $asOf and not coalesce(is_return, false))
     group by segment order by segment`,
    { asOf },
  );
  return Object.fromEntries(rows.map((r) => [r.segment, r.n]));
}

describe('trends by a behavioural segmentation on the behaviour sample', () => {
  let wb: Workbench;
  let t: TrendsResult;
  let timing: TrendGrouping;
  let loyalty: TrendGrouping;
  beforeAll(async () => {
    ({ wb } = await behaviourSample());
    t = await trends(wb, { by: ['timing', 'loyalty'], minSize: 1 });
    [timing, loyalty] = t.groupings as [TrendGrouping, TrendGrouping];
  }, 180_000);
  afterAll(() => wb.close());

  it('follows timing and loyalty as segmentations, their keys with customers in the segmentations’ order', () => {
    expect(timing).toMatchObject({ kind: 'segmentation', by: 'timing' });
    expect(loyalty).toMatchObject({ kind: 'segmentation', by: 'loyalty' });
    // the sample has times of day but no night orders: `night` never has a customer and is left out
    expect(timing.keys).toEqual(SEGMENTATIONS.timing.keys.filter((k) => k !== 'night'));
    expect(loyalty.keys).toEqual(['loyal', 'potential-loyal', 'switcher', 'at-risk']);
    expect(t.points.map((p) => p.date.toISOString().slice(0, 10))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-16`),
    );
    // every buyer of a date has a segment of that date: the shares add up to 1
    for (const g of [timing, loyalty])
      for (const [i, p] of t.points.entries())
        expect(g.values.filter((v) => v.point === i).reduce((a, v) => a + v.customers, 0)).toBe(p.customers);
    expect(t.warnings).toEqual([]);
  });

  it('moves the planted holiday-season buyers into their segment in the season and nowhere else', async () => {
    const holiday = t.points.map((_, i) => sizes(timing, i)['holiday-season'] ?? 0);
    // Planted holiday-season buyers order only from 20 November to 31 December; with 2+ orders, all in the
    // season, they are `holiday-season` whatever else holds (it comes before `due`). Counted here from the truth.
    const planted = await Promise.all(
      t.points.map(async (p) => {
        const [r] = await wb.query<{ n: number }>(
          `select count(*)::integer as n from (
             select customer_id from transactions join customers using (customer_id)
             where true_timing = 'holiday-season' and order_date < $asOf and not coalesce(is_return, false)
             group by customer_id having count(distinct order_id) >= 2)`,
          { asOf: p.date },
        );
        return r?.n ?? 0;
      }),
    );
    // At the last date exactly the planted ones (as timing() finds them); before, at least them.
    expect(holiday[11]).toBe(planted[11]);
    // no planted buyer orders from January to mid-November: their count stays, and by 16 November the
    // other customers' off-season orders have taken every one of them out of the segment
    expect(new Set(planted.slice(0, 11)).size).toBe(1);
    expect(holiday[10]).toBe(planted[10]);
    holiday.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(planted[i]!));
    // An order outside the season only lowers a customer's season share: from 16 January to 16 November the
    // segment never grows; in the window that holds the season's start (16 Nov – 16 Dec) it does, with the planted.
    for (let i = 1; i <= 10; i++) expect(holiday[i]).toBeLessThanOrEqual(holiday[i - 1]!);
    expect(holiday[0]).toBeGreaterThan(holiday[10]!);
    expect(planted[11]).toBeGreaterThan(planted[10]!);
    expect(holiday[11]).toBeGreaterThan(holiday[10]!);
  });

  it('has at the last point the sizes segmentBy gives as of the as-of date', async () => {
    const last = t.points.length - 1;
    for (const g of [timing, loyalty]) {
      const seg = await segmentBy(wb, { column: g.by }, { asOf: t.options.asOf, table: 'by_last', minSize: 1 });
      const expected = Object.fromEntries(seg.segments.map((s) => [s.segment, s.size]));
      expect(sizes(g, last)).toEqual(expected);
    }
  });

  it('has at every earlier point the segments of that date, not of the last one', async () => {
    const last = t.points[t.points.length - 1]!.date;
    for (const g of [timing, loyalty])
      for (const point of [0, 5]) {
        const asOf = t.points[point]!.date;
        const own = await writtenSizes(wb, g.by as SegmentationId, asOf);
        expect(sizes(g, point)).toEqual(own);
        expect(own).not.toEqual(await fixedSizes(wb, g.by as SegmentationId, last, asOf));
      }
  });

  it('names the segments with the segmentations’ labels in tables and charts, and says they are worked out again at each date', async () => {
    for (const locale of ['en', 'nl'] as const) {
      const section = trendsSection(t, { locale, currency: 'EUR' });
      const byTiming = section.tables?.find((x) =>
        x.caption.startsWith(locale === 'en' ? 'By timing' : 'Naar koopmoment'),
      );
      const labels = timing.keys.map((k) => SEGMENTATIONS.timing.label(k, locale));
      expect(byTiming?.rows.map((r) => r[0])).toEqual(labels);
      expect(labels).toContain(locale === 'en' ? 'Weekend buyers' : timingTexts('nl').segments.weekend.name);
      expect(groupingNames(loyalty, locale)).toEqual(loyalty.keys.map((k) => SEGMENTATIONS.loyalty.label(k, locale)));
      const charts = (section.charts ?? []).filter((c) => c.id.startsWith('trends-by-'));
      expect(charts.map((c) => c.id)).toEqual(['trends-by-0', 'trends-by-1']);
      for (const c of charts) {
        expectValidSpec(c.spec);
        await expectRenders(c.spec);
      }
      expect((section.intro ?? []).join(' ')).toMatch(
        locale === 'en'
          ? /followed by their timing segment and loyalty segment: each is worked out again at each date/
          : /gevolgd naar hun koopmoment en loyaliteit: elk daarvan wordt op elke datum opnieuw bepaald/,
      );
    }
    expect(timingTexts('nl').segments.weekend.name).not.toBe('Weekend buyers');
  });

  it('keeps a customers-file column named timing as an attribute with the last date’s value', async () => {
    await wb.run(`alter table customers add column timing varchar; update customers set timing = true_timing`);
    try {
      const fixed = await trends(wb, { by: ['timing'], minSize: 1 });
      const g = fixed.groupings[0]!;
      expect(g.kind).toBe('attribute');
      for (const point of [0, fixed.points.length - 1]) {
        const rows = await wb.query<{ timing: string; n: number }>(
          `select c.timing, count(*)::integer as n from customers c
           where c.customer_id in (select customer_id from transactions where order_date < $asOf and not coalesce(is_return, false))
           group by c.timing order by c.timing`,
          { asOf: fixed.points[point]!.date },
        );
        expect(sizes(g, point)).toEqual(Object.fromEntries(rows.map((r) => [r.timing, r.n])));
      }
    } finally {
      await wb.run('alter table customers drop column timing');
    }
  });
});
