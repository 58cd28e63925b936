import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../../src/errors.js';
import { loadTransactions } from '../../../src/data/load.js';
import { seasonWindow, timing, type TimingOptions, type TimingResult } from '../../../src/analyses/timing/index.js';
import { Workbench } from '../../../src/workbench.js';
import { ONLINE_RETAIL, writeLines } from '../../helpers/data.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { AS_OF, DATES_ONLY, PLANTED, timedTransactions } from './fixture.js';

/** Segments as `key: customers`, for exact comparison. */
const counts = (r: TimingResult) => Object.fromEntries(r.segments.map((s) => [s.key, s.customers]));
const cell = (r: TimingResult, weekday: number, hour: number | null) =>
  r.grid.find((c) => c.weekday === weekday && c.hour === hour)?.orders;

describe('timing on planted patterns', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
  });
  afterEach(() => wb.close());

  it('puts every customer in exactly one segment by the fixed priority', async () => {
    await timedTransactions(wb, PLANTED);
    const r = await timing(wb, { asOf: AS_OF });
    expect(r.hasTimes).toBe(true);
    expect(r.customerCount).toBe(14);
    expect(counts(r)).toEqual({
      'holiday-season': 2,
      due: 1,
      weekend: 2,
      night: 1,
      morning: 1,
      afternoon: 2,
      evening: 1,
      'no-pattern': 1,
      'one-order': 3,
    });
    expect(r.segments.reduce((s, x) => s + x.customers, 0)).toBe(r.customerCount);
    // h2 is also due and d1 also a morning buyer: a higher rule wins, the pattern still counts here; s1 has no cycle (one order day)
    expect(r.patterns).toEqual({ season: 2, weekend: 2, due: 2 });
    expect(r.cycle).toEqual({ customers: 4, medianDays: 18.5 });
    expect(r.warnings).toEqual([]);
  });

  it('counts orders (not lines) before the as-of date, per pattern, and net revenue per segment', async () => {
    await timedTransactions(wb, PLANTED);
    const r = await timing(wb, { asOf: AS_OF });
    expect(r.orders).toEqual({
      total: 31,
      weekend: 7,
      season: 4,
      bands: { night: 2, morning: 14, afternoon: 12, evening: 3 },
    });
    expect(r.revenue).toBe(3070);
    const rev = Object.fromEntries(r.segments.map((s) => [s.key, [s.revenue, s.revenuePerCustomer]]));
    expect(rev['holiday-season']).toEqual([470, 235]);
    expect(rev['weekend']).toEqual([500, 250]);
    expect(rev['one-order']).toEqual([300, 100]);
    const season = r.segments.find((s) => s.key === 'holiday-season');
    expect(season?.share).toBeCloseTo(2 / 14, 12);
    expect(season?.revenueShare).toBeCloseTo(470 / 3070, 12);
  });

  it('counts orders per weekday × hour, empty cells included', async () => {
    await timedTransactions(wb, PLANTED);
    const r = await timing(wb, { asOf: AS_OF });
    expect(r.grid).toHaveLength(7 * 24);
    expect(r.grid[0]).toEqual({ weekday: 1, hour: 0, orders: 0 });
    expect(cell(r, 1, 9)).toBe(6); // d1 four Mondays, x1 and s1 one each
    expect(cell(r, 6, 10)).toBe(2); // w1 and o1
    expect(cell(r, 2, 2)).toBe(1); // n1
    expect(r.grid.reduce((s, c) => s + c.orders, 0)).toBe(31);
  });

  it('flags segments under minSize as too small (empty ones too)', async () => {
    await timedTransactions(wb, PLANTED);
    const r = await timing(wb, { asOf: AS_OF, minSize: 2 });
    expect(r.segments.filter((s) => !s.tooSmall).map((s) => s.key)).toEqual([
      'holiday-season',
      'weekend',
      'afternoon',
      'one-order',
    ]);
    expect(r.options).toEqual({
      asOf: new Date('2011-11-01T00:00:00Z'),
      asOfFromData: false,
      minSize: 2,
      source: 'transactions',
    });
  });

  it('states how many days of the data fall in the holiday season', async () => {
    await timedTransactions(wb, PLANTED);
    // 25 Nov 2010 up to 1 Nov 2011: 341 days, 37 of them from 25 Nov to 31 Dec 2010
    expect((await timing(wb, { asOf: AS_OF })).window).toEqual({ days: 341, seasonDays: 37 });
    expect(seasonWindow(new Date('2011-11-19T23:00:00Z'), new Date('2012-01-01T00:00:00Z'))).toEqual({
      days: 43,
      seasonDays: 42,
    });
  });

  it('without times of day: no band segments, one grid cell per weekday, a warning', async () => {
    await timedTransactions(wb, DATES_ONLY);
    const r = await timing(wb, { asOf: AS_OF });
    expect(r.hasTimes).toBe(false);
    expect(counts(r)).toEqual({ 'holiday-season': 2, due: 1, weekend: 2, 'no-pattern': 6, 'one-order': 3 });
    expect(r.orders.bands).toEqual({ night: 0, morning: 0, afternoon: 0, evening: 0 });
    expect(r.grid.map((c) => [c.weekday, c.hour, c.orders])).toEqual([
      [1, null, 8],
      [2, null, 6],
      [3, null, 5],
      [4, null, 4],
      [5, null, 1],
      [6, null, 5],
      [7, null, 2],
    ]);
    expect(r.warnings).toEqual([
      'Every order time is 00:00: the data holds dates only, so there are no time-of-day bands and the weekday grid has one column.',
    ]);
  });

  it('reads a file of dates only the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-timing-'));
    const lines = [
      'customer_id,order_id,order_date,amount',
      ...DATES_ONLY.map(([c, o, at, a]) => `${c},${o},${at.slice(0, 10)},${a}`),
    ];
    await loadTransactions(wb, writeLines(dir, 'dates.csv', lines));
    const r = await timing(wb, { asOf: AS_OF });
    expect(r.hasTimes).toBe(false);
    expect(counts(r)).toEqual({ 'holiday-season': 2, due: 1, weekend: 2, 'no-pattern': 6, 'one-order': 3 });
  });

  it('rejects unknown options, a bad minSize and a missing table', async () => {
    await timedTransactions(wb, PLANTED);
    expect(isWorkbenchError(await rejection(timing(wb, { minsize: 3 } as TimingOptions)), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(timing(wb, { minSize: 0 })), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(timing(wb, { asOf: '2011-13-01' })), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(timing(wb, { source: 'nope' })), 'NO_DATA')).toBe(true);
  });

  it('gives empty segments and a warning when nobody bought before the as-of date', async () => {
    await timedTransactions(wb, PLANTED);
    const r = await timing(wb, { asOf: '2010-01-01' });
    expect(r.customerCount).toBe(0);
    expect(r.segments.every((s) => s.customers === 0 && Number.isNaN(s.share))).toBe(true);
    expect(r.warnings).toEqual(['No customer has a purchase before the as-of date: there are no timing segments.']);
  });
});

describe('timing on the bundled Online Retail', () => {
  let wb: Workbench;
  let r: TimingResult;
  let ms: number;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    const start = performance.now();
    r = await timing(wb);
    ms = performance.now() - start;
  }, 120_000);
  afterAll(() => wb.close());

  // Every figure below was computed independently from the raw CSV by online-retail-check.py (Python, stdlib only).
  it('segments 4,338 customers as the independent check does', () => {
    expect(r.options.asOf).toEqual(new Date('2011-12-10T00:00:00Z'));
    expect(r.hasTimes).toBe(true);
    expect(r.customerCount).toBe(4338);
    expect(counts(r)).toEqual({
      'holiday-season': 117,
      due: 240,
      weekend: 128,
      night: 0,
      morning: 398,
      afternoon: 1304,
      evening: 9,
      'no-pattern': 649,
      'one-order': 1493,
    });
    expect(r.patterns).toEqual({ season: 117, weekend: 157, due: 249 });
    expect(r.cycle).toEqual({ customers: 2005, medianDays: 46 });
    console.info(`timing on Online Retail: ${Math.round(ms)} ms`);
  });

  it('sums orders and net revenue as the independent check does', () => {
    expect(r.orders).toEqual({
      total: 18532,
      weekend: 2169,
      season: 3209,
      bands: { night: 0, morning: 6481, afternoon: 11720, evening: 331 },
    });
    expect(r.revenue).toBeCloseTo(8288930.664, 6);
    const rev = Object.fromEntries(r.segments.map((s) => [s.key, s.revenue]));
    expect(rev['holiday-season']).toBeCloseTo(146471.77, 6);
    expect(rev['due']).toBeCloseTo(461542.2, 6);
    expect(rev['afternoon']).toBeCloseTo(3223083.621, 6);
    expect(rev['one-order']).toBeCloseTo(518843.641, 6);
  });

  it('counts orders per weekday × hour as the independent check does: none on Saturday, busiest Wednesday noon', () => {
    expect(cell(r, 4, 12)).toBe(585);
    expect(cell(r, 7, 14)).toBe(306);
    expect(r.grid.filter((c) => c.weekday === 6).every((c) => c.orders === 0)).toBe(true);
    expect(r.grid.reduce((m, c) => (c.orders > m.orders ? c : m))).toEqual({ weekday: 3, hour: 12, orders: 611 });
    expect(r.window).toEqual({ days: 374, seasonDays: 51 });
  });
});
