/**
 * trends() on a hand-made fixture whose segments at each date are worked out by hand (fixed thresholds, so
 * every score is a count of thresholds passed), and the dates rule on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { trendDates, trends, type TrendsResult } from '../../../src/analyses/trends/index.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

const THRESHOLDS = { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] };
const AS_OF = new Date('2024-01-01T00:00:00Z');
const day = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * A: 5 orders of 50 on 1–5 Oct 2023 → at 1 Nov r5 f4 Champions; at 1 Dec and 1 Jan (recency 57, 88) r4 f4 Loyal.
 * B: one order on 20 Dec 2023 → only at 1 Jan, r5 f1 New.
 * C: one order in June 2022 → Hibernating at every date.
 * D: 30 on 20 Oct, 70 on 15 Nov 2023 → at 1 Nov r5 f1 New; then r5/r4 f2 Potential loyalists; came back in November.
 */
const FIXTURE: Tx[] = [
  ...[1, 2, 3, 4, 5].map((d): Tx => ['A', `A${d}`, `2023-10-0${d}`, 50]),
  ['B', 'B1', '2023-12-20', 80],
  ['C', 'C1', '2022-06-10', 20],
  ['D', 'D1', '2023-10-20', 30],
  ['D', 'D2', '2023-11-15', 70],
];

const counts = (t: TrendsResult, point: number) =>
  Object.fromEntries(t.rfm.filter((v) => v.point === point && v.customers > 0).map((v) => [v.segment, v.customers]));
const value = (t: TrendsResult, point: number, segment: string) =>
  t.rfm.find((v) => v.point === point && v.segment === segment);

describe('trendDates', () => {
  it('steps back whole months from the as-of date, the last at it, each window one step long', () => {
    expect(trendDates(AS_OF, 'month', 3)).toEqual([
      { date: day('2023-11-01'), windowStart: day('2023-10-01') },
      { date: day('2023-12-01'), windowStart: day('2023-11-01') },
      { date: day('2024-01-01'), windowStart: day('2023-12-01') },
    ]);
    expect(trendDates(AS_OF, 'quarter', 2).map((d) => d.date)).toEqual([day('2023-10-01'), day('2024-01-01')]);
  });

  it('keeps the day of the month, or the last day of a shorter month, without drifting', () => {
    const dates = trendDates(day('2024-05-31'), 'month', 4);
    expect(dates.map((d) => d.date)).toEqual([
      day('2024-02-29'),
      day('2024-03-31'),
      day('2024-04-30'),
      day('2024-05-31'),
    ]);
    expect(dates[0]!.windowStart).toEqual(day('2024-01-31'));
    expect(dates.slice(1).map((d) => d.windowStart)).toEqual(dates.slice(0, -1).map((d) => d.date));
    expect(trendDates(new Date('2011-12-10T00:00:00Z'), 'month', 12)[0]!.date).toEqual(day('2011-01-10'));
  });
});

describe('trends on a hand-made fixture', () => {
  let wb: Workbench;
  let t: TrendsResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
    t = await trends(wb, { asOf: AS_OF, points: 3, scoring: THRESHOLDS, minSize: 1 });
  });
  afterAll(() => wb.close());

  it('gives the known segment counts at each date', () => {
    expect(t.points.map((p) => [p.date, p.customers])).toEqual([
      [day('2023-11-01'), 3],
      [day('2023-12-01'), 3],
      [day('2024-01-01'), 4],
    ]);
    expect(counts(t, 0)).toEqual({ champions: 1, new: 1, hibernating: 1 });
    expect(counts(t, 1)).toEqual({ loyal: 1, 'potential-loyalists': 1, hibernating: 1 });
    expect(counts(t, 2)).toEqual({ loyal: 1, 'potential-loyalists': 1, new: 1, hibernating: 1 });
    expect(t.rfm).toHaveLength(3 * t.segments.length);
    expect(value(t, 2, 'new')?.share).toBe(0.25);
  });

  it('counts the revenue of each window and who came back in it', () => {
    expect(t.points.map((p) => p.revenue)).toEqual([280, 70, 80]);
    expect(value(t, 0, 'champions')).toMatchObject({
      revenue: 250,
      revenuePerCustomer: { mean: 250 },
      repeatRate: { events: 0, total: 1 },
    });
    // D bought in November having bought in October: a repeat; A's first orders in October are not.
    expect(value(t, 1, 'potential-loyalists')).toMatchObject({
      revenue: 70,
      repeatRate: { events: 1, total: 1, rate: 1 },
    });
    expect(value(t, 1, 'loyal')).toMatchObject({ revenue: 0, repeatRate: { events: 0, total: 1 } });
  });

  it('cuts value tiers by revenue before each date, with the top-share rule of segmentBy', () => {
    // At 1 Jan: A 250, D 100, B 80, C 20 — A's share of customers with at least its revenue is 25%, above the top 20%.
    const at2 = Object.fromEntries(t.valueTiers.filter((v) => v.point === 2).map((v) => [v.segment, v.customers]));
    expect(at2).toEqual({ 'top-20%': 0, 'next-30%': 2, 'rest-50%': 2 });
    expect(t.tiers).toEqual(['top-20%', 'next-30%', 'rest-50%']);
  });

  it('gives every segment at every date the scores rfm() gives as of that date', async () => {
    for (const [i, p] of t.points.entries()) {
      const r = await rfm(wb, { asOf: p.date, laterOrders: 'exclude', scoring: THRESHOLDS, table: 'rfm_check' });
      expect(t.rfm.filter((v) => v.point === i).map((v) => v.customers)).toEqual(r.segments.map((s) => s.customers));
    }
  });

  it('counts an order once, in the period of its first purchase line, and returns where they fall', async () => {
    // E: order E1 has lines on 25 Oct and 5 Nov (one order, its first purchase in October), a return of 40 on
    // 10 Dec; F: only a return (never a buyer); G: a return in October, its first purchase in December.
    const edge = await Workbench.open();
    try {
      await transactions(edge, [
        ...FIXTURE,
        ['E', 'E1', '2023-10-25', 60],
        ['E', 'E1', '2023-11-05', 40],
        ['E', 'E2', '2023-12-10', -40],
        ['F', 'F1', '2023-11-20', -15],
        ['G', 'G0', '2023-10-10', -5],
        ['G', 'G1', '2023-12-05', 90],
      ]);
      const e = await trends(edge, { asOf: AS_OF, points: 3, scoring: THRESHOLDS, minSize: 1 });
      expect(e.points.map((p) => p.customers)).toEqual([4, 4, 6]);
      for (const [i, p] of e.points.entries()) {
        const r = await rfm(edge, { asOf: p.date, laterOrders: 'exclude', scoring: THRESHOLDS, table: 'rfm_check' });
        expect(e.rfm.filter((v) => v.point === i).map((v) => v.customers)).toEqual(r.segments.map((s) => s.customers));
      }
      // window revenue per point: Oct 280 + 60 (G's return: not yet a buyer), Nov 70 + 40, Dec 80 − 40 + 90 (F: never a buyer)
      expect(e.points.map((p) => p.revenue)).toEqual([340, 110, 130]);
      const e1 = e.rfm.filter((v) => v.point === 1);
      // in November D came back, and so did E: a purchase line in the window after a first purchase before it
      expect(e1.reduce((s, v) => s + v.repeatRate.events, 0)).toBe(2);
      // G's October return does not make it a buyer in October, nor a returning one in December
      expect(e.rfm.filter((v) => v.point === 2).reduce((s, v) => s + v.repeatRate.events, 0)).toBe(0);
    } finally {
      await edge.close();
    }
  });

  it('leaves out dates before the first purchase, with a warning', async () => {
    const long = await trends(wb, { asOf: AS_OF, points: 30, scoring: THRESHOLDS });
    // 1 Aug 2021 … 1 Jun 2022 are before C's order of 10 June 2022
    expect(long.points).toHaveLength(19);
    expect(long.points[0]!.date).toEqual(day('2022-07-01'));
    expect(long.warnings).toEqual(['11 of the dates fall before the first purchase (2022-06-10) and are left out.']);
  });

  it('flags segments below minSize as too small', async () => {
    const small = await trends(wb, { asOf: AS_OF, points: 2, scoring: THRESHOLDS, minSize: 2 });
    expect(small.rfm.filter((v) => v.customers > 0).every((v) => v.tooSmall)).toBe(true);
    expect(small.options.minSize).toBe(2);
  });

  it('drops its work tables', async () => {
    const tables = await wb.query<{ n: string }>(
      "select table_name as n from information_schema.tables where table_name like '_swb_trends%'",
    );
    expect(tables).toEqual([]);
  });

  it('rejects bad options naming them', async () => {
    expect((await rejection(trends(wb, { period: 'week' as 'month' }))).message).toMatch(/period/);
    expect((await rejection(trends(wb, { points: 1 }))).message).toMatch(/points/);
    const e = await rejection(trends(wb, { point: 3 } as never));
    expect(isWorkbenchError(e, 'BAD_OPTION') && e.message).toMatch(/did you mean points/);
  });
});
