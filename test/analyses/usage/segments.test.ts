import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { usageSegments, type UsageSegmentsOptions } from '../../../src/analyses/usage/index.js';
import { featureBandLabels } from '../../../src/analyses/usage/options.js';
import { eventsTable, segmentEvents, subscriptionsTable, type Sub } from './fixture.js';

const AT = '2024-03-21';

type Row = {
  customer_id: string;
  active_days: number;
  features: number;
  events: number;
  days_since_last_use: number | null;
  main_platform: string | null;
  platform_group: string | null;
  usage_segment: string;
  segment_order: number;
  features_band: string;
};

async function tableRows(wb: Workbench, table = 'usage_segments'): Promise<Array<unknown[]>> {
  const rows = await wb.query<Row>(`select * from ${table} order by customer_id`);
  return rows.map((r) => [
    r.customer_id,
    r.active_days,
    r.features,
    r.events,
    r.days_since_last_use,
    r.main_platform,
    r.platform_group,
    r.usage_segment,
    r.segment_order,
    r.features_band,
  ]);
}

/** Paying at 2024-03-21: p1, r1, d1, x1 (no events at all), r2 (starts on at); not l1 (ends on at, exclusive), not n1 (MRR 0). */
const SUBS: Sub[] = [
  ['p1', '2024-01-01', null, 50],
  ['r1', '2024-02-01', '2024-04-15', 30],
  ['d1', '2023-12-01', null, 20],
  ['x1', '2024-03-01', null, 10],
  ['l1', '2024-01-01', '2024-03-21', 40],
  ['r2', '2024-03-21', null, 25],
  ['n1', '2024-01-01', null, 0],
];

describe('usageSegments on hand-computed events', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await eventsTable(wb, segmentEvents());
  });
  afterEach(() => wb.close());

  it('counts active days, features, events, days since last use and the main platform per customer; boundary days in/out', async () => {
    const r = await usageSegments(wb, { at: AT, windowDays: 20 });
    expect(r.options.customers).toBe('all');
    expect(r.options.windowStart.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(r.options.atFromData).toBe(false);
    // id, active days, features, events, days since last use, main platform, group, segment, order, feature band
    expect(await tableRows(wb)).toEqual([
      ['d1', 0, 0, 0, 21, 'ios', 'mobile', 'dormant', 0, '0'],
      ['l1', 4, 2, 5, 6, 'tablet', 'tablet', 'light', 1, '2-4'],
      ['n1', 1, 1, 1, 1, null, null, 'light', 1, '1'],
      ['p1', 13, 2, 14, 8, 'ios', 'mobile', 'power', 3, '2-4'],
      ['r1', 12, 3, 14, 1, 'android', 'mobile', 'regular', 2, '2-4'],
      ['r2', 5, 1, 5, 1, 'Windows', 'desktop', 'regular', 2, '1'],
    ]);
  });

  it('summarises segment sizes, shares, mean active days and features, and the platform mix', async () => {
    const r = await usageSegments(wb, { at: AT, windowDays: 20 });
    expect(r.customerCount).toBe(6);
    expect(r.segments.map((s) => [s.segment, s.order, s.customers, s.meanActiveDays, s.meanFeatures])).toEqual([
      ['dormant', 0, 1, 0, 0],
      ['light', 1, 2, 2.5, 1.5],
      ['regular', 2, 2, 8.5, 2],
      ['power', 3, 1, 13, 2],
    ]);
    expect(r.segments[1]?.share).toBeCloseTo(2 / 6, 12);
    expect(r.platforms.map((p) => [p.platformGroup, p.customers])).toEqual([
      ['mobile', 3],
      ['desktop', 1],
      ['tablet', 1],
      ['(missing)', 1],
    ]);
    expect(r.platforms[0]?.share).toBeCloseTo(0.5, 12);
    expect(r.neverUsed).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('moves customers between segments with the thresholds', async () => {
    // 13/20 = 0.65 is not above 0.7; 4/20 = 0.2 is not below 0.2
    await usageSegments(wb, {
      at: AT,
      windowDays: 20,
      lightBelow: 0.2,
      powerAbove: 0.7,
      featureBands: [2, 3],
      table: 'u2',
    });
    const rows = await wb.query<{ customer_id: string; usage_segment: string; features_band: string }>(
      'select customer_id, usage_segment, features_band from u2 order by 1',
    );
    expect(rows.map((x) => [x.customer_id, x.usage_segment, x.features_band])).toEqual([
      ['d1', 'dormant', '0-1'],
      ['l1', 'regular', '2'],
      ['n1', 'light', '0-1'],
      ['p1', 'regular', '2'],
      ['r1', 'regular', '3+'],
      ['r2', 'regular', '0-1'],
    ]);
  });

  it('defaults at to the day after the latest event and warns when the window starts before the data', async () => {
    const r = await usageSegments(wb);
    expect(r.options.at.toISOString()).toBe('2024-03-26T00:00:00.000Z');
    expect(r.options.atFromData).toBe(true);
    expect(r.options.windowDays).toBe(30);
    expect(r.options.windowStart.toISOString()).toBe('2024-02-25T00:00:00.000Z');
    expect(r.eventRange.first?.toISOString()).toBe('2024-02-10T12:00:00.000Z');
    expect(r.warnings).toEqual([]);
    // d2 is in now: events on 03-21 and 03-25 → 2 days, last use 1 day ago
    const [d2] = await wb.query('select active_days, days_since_last_use from usage_segments where customer_id = $c', {
      c: 'd2',
    });
    expect(d2).toEqual({ active_days: 2, days_since_last_use: 1 });
    const early = await usageSegments(wb, { at: '2024-02-20', windowDays: 30 });
    expect(early.warnings.join(' ')).toContain(
      'window starts on 2024-01-21, but the first event in events is on 2024-02-10',
    );
    const late = await usageSegments(wb, { at: '2024-04-30' });
    expect(late.warnings.join(' ')).toContain('The last event in events is on 2024-03-25');
  });

  it('segments the paying customers when subscriptions exist; paying customers without events are dormant', async () => {
    await subscriptionsTable(wb, SUBS);
    const r = await usageSegments(wb, { at: AT, windowDays: 20 });
    expect(r.options.customers).toBe('paying');
    expect((await tableRows(wb)).map((x) => [x[0], x[7], x[4], x[5]])).toEqual([
      ['d1', 'dormant', 21, 'ios'],
      ['p1', 'power', 8, 'ios'],
      ['r1', 'regular', 1, 'android'],
      ['r2', 'regular', 1, 'Windows'],
      ['x1', 'dormant', null, null],
    ]);
    expect(r.segments.map((s) => s.customers)).toEqual([2, 0, 2, 1]);
    expect(r.segments[1]?.meanActiveDays).toBeNaN();
    expect(r.neverUsed).toBe(1);
    expect(r.warnings.join(' ')).toContain('1 of 5 customer(s) have no event before at');
    const all = await usageSegments(wb, { at: AT, windowDays: 20, customers: 'all' });
    expect(all.customerCount).toBe(7);
  });

  it('rejects bad options with a message naming them', async () => {
    const codeOf = async (p: Promise<unknown>): Promise<string> =>
      p.then(
        () => 'resolved',
        (e: unknown) => (isWorkbenchError(e) ? `${e.code}: ${e.message}` : String(e)),
      );
    expect(await codeOf(usageSegments(wb, { at: '2024-03-21T12:00:00Z' }))).toMatch(
      /^BAD_OPTION: at must be a day \(00:00 UTC\)/,
    );
    expect(await codeOf(usageSegments(wb, { lightBelow: 0.7, powerAbove: 0.6 }))).toMatch(
      /^BAD_OPTION: lightBelow must not exceed powerAbove/,
    );
    expect(await codeOf(usageSegments(wb, { featureBands: [2, 2] }))).toMatch(
      /^BAD_OPTION: featureBands must be ascending/,
    );
    expect(await codeOf(usageSegments(wb, { customers: 'paying' }))).toMatch(
      /^NO_DATA: usageSegments\(\) needs a subscriptions table/,
    );
    expect(await codeOf(usageSegments(wb, { table: 'events' }))).toMatch(
      /^BAD_OPTION: usageSegments\(\) would replace the table events/,
    );
    expect(await codeOf(usageSegments(wb, { events: 'nope' }))).toMatch(/^NO_DATA: There is no table nope/);
    expect(await codeOf(usageSegments(wb, { window: 30 } as unknown as UsageSegmentsOptions))).toMatch(
      /did you mean windowDays\?/,
    );
  });

  it('labels feature bands from their lower edges', () => {
    expect(featureBandLabels([1, 2, 5])).toEqual(['0', '1', '2-4', '5+']);
    expect(featureBandLabels([3])).toEqual(['0-2', '3+']);
  });
});
