import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { usageChurn, usageChurnFinding, type UsageChurnRow } from '../../../src/analyses/usage/churn.js';
import { days, eventsTable, subscriptionsTable, type Ev, type Sub } from './fixture.js';

/**
 * 95% Wilson score interval written out: centre (p + z²/2n) / (1 + z²/n), half-width
 * z / (1 + z²/n) · √(p(1−p)/n + z²/4n²), z = Φ⁻¹(0.975).
 */
function wilson95(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

const id = (prefix: string, i: number): string => `${prefix}${String(i).padStart(2, '0')}`;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * at 2024-04-01, window 10 days [03-22, 04-01), horizon 3 months → 2024-07-01.
 * - pw00..pw39 (40, power): 'open' on all 10 days on ios; pw00..pw19 also 'export' (2 features).
 * - dm00..dm29 (30, dormant): one 'open' on 2024-01-05 on web; dm30..dm39 (10, dormant): one event at 2024-04-01 00:00
 *   exactly (outside the window and not before at: never used, no platform).
 * - lt00..lt04 (5, light): one 'open' on 03-31 on web.
 * - gone: events in the window but its subscription ended 03-01: not paying at at, not counted.
 */
function churnEvents(): Ev[] {
  const window = days('2024-03-22', 10);
  return [
    ...range(40).flatMap((i) => window.map((d): Ev => [id('pw', i), `${d} 10:00:00`, 'open', 'ios'])),
    ...range(20).map((i): Ev => [id('pw', i), '2024-03-25 11:00:00', 'export', 'ios']),
    ...range(30).map((i): Ev => [id('dm', i), '2024-01-05 10:00:00', 'open', 'web']),
    ...range(10).map((i): Ev => [id('dm', 30 + i), '2024-04-01 00:00:00', 'open', 'web']),
    ...range(5).map((i): Ev => [id('lt', i), '2024-03-31 10:00:00', 'open', 'web']),
    ['gone', '2024-03-25 10:00:00', 'open', 'web'],
  ];
}

/**
 * Subscriptions: everyone from 2024-01-01; `churned` customers end 2024-05-01. `late` starts 2024-07-15 (the latest date).
 * Boundaries: pw04 ends 2024-07-01 (= horizon end, exclusive: churned), pw05 ends 2024-07-02 (paying on 07-01: not churned),
 * pw06 stops 05-01 and comes back 06-01 (paying on 07-01: not churned).
 */
function churnSubs(churned: ReadonlySet<string>): Sub[] {
  const all = [
    ...range(40).map((i) => id('pw', i)),
    ...range(40).map((i) => id('dm', i)),
    ...range(5).map((i) => id('lt', i)),
  ];
  return [
    ...all.map((c): Sub => {
      if (c === 'pw04') return [c, '2024-01-01', '2024-07-01', 20];
      if (c === 'pw05') return [c, '2024-01-01', '2024-07-02', 20];
      return [c, '2024-01-01', churned.has(c) || c === 'pw06' ? '2024-05-01' : null, 20];
    }),
    ['pw06', '2024-06-01', null, 20],
    ['gone', '2024-01-01', '2024-03-01', 20],
    ['late', '2024-07-15', null, 20],
  ];
}

const ids = (prefix: string, from: number, to: number): string[] => range(to - from).map((i) => id(prefix, from + i));
/** Main case: power 5 of 40 churn (pw00–pw03, pw04 at the boundary), dormant dm00–dm29 (30 of 40), light lt00 (1 of 5). */
const MAIN = new Set([...ids('pw', 0, 4), ...ids('dm', 0, 30), 'lt00']);

describe('usageChurn on a hand-made subscriptions + events case', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await eventsTable(wb, churnEvents());
    await subscriptionsTable(wb, churnSubs(MAIN));
    await subscriptionsTable(
      wb,
      churnSubs(new Set([...ids('pw', 0, 4), ...ids('pw', 7, 33), ...ids('dm', 0, 5)])),
      'subs_reversed',
    );
    await subscriptionsTable(
      wb,
      churnSubs(new Set([...ids('pw', 0, 4), ...ids('pw', 7, 12), ...ids('dm', 0, 10)])),
      'subs_equal',
    );
  });
  afterAll(() => wb.close());
  const base = { at: '2024-04-01', windowDays: 10 } as const;

  it('counts customers and churned per usage segment with Wilson 95% intervals', async () => {
    const r = await usageChurn(wb, base);
    expect(r.rows.map((x) => [x.segment, x.order, x.customers, x.churned])).toEqual([
      ['dormant', 0, 40, 30],
      ['light', 1, 5, 1],
      ['power', 3, 40, 5],
    ]);
    for (const row of r.rows) {
      const [low, high] = wilson95(row.churned, row.customers);
      expect(row.rate).toBeCloseTo(row.churned / row.customers, 12);
      expect(row.low).toBeCloseTo(low, 12);
      expect(row.high).toBeCloseTo(high, 12);
    }
    // 5/40: 0.125 in [0.0546, 0.2611]; 30/40: 0.75 in [0.5981, 0.8581]
    expect(r.rows[2]?.high).toBeCloseTo(0.2611, 4);
    expect(r.rows[0]?.low).toBeCloseTo(0.5981, 4);
    expect(r.overall).toMatchObject({ customers: 85, churned: 36 });
    expect(r.overall.low).toBeCloseTo(wilson95(36, 85)[0], 12);
    expect(r.finding).toBe('usage_lowers_churn');
    expect(r.compared).toEqual({ leastUsed: 'dormant', mostUsed: 'power' });
    expect(r.rows[1]?.tooSmall).toBe(true);
    expect(r.warnings.join(' ')).toContain('1 segment(s) have fewer than 30 customers (light: 5)');
    expect(r.options.horizonEnd.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(r.options.dataEnd.toISOString()).toBe('2024-07-15T00:00:00.000Z');
  });

  it('gives each finding key', async () => {
    expect((await usageChurn(wb, { ...base, subscriptions: 'subs_reversed' })).finding).toBe('usage_raises_churn');
    const equal = await usageChurn(wb, { ...base, subscriptions: 'subs_equal' });
    expect(equal.rows.map((x) => [x.segment, x.churned])).toEqual([
      ['dormant', 10],
      ['light', 0],
      ['power', 10],
    ]);
    expect(equal.finding).toBe('no_clear_difference');
    const small = await usageChurn(wb, { ...base, minSize: 41 });
    expect(small.finding).toBe('too_small');
    expect(small.compared).toEqual({ leastUsed: 'dormant', mostUsed: 'power' });
  });

  it('groups by platform group (dormant customers by their platform before the window) and by feature band', async () => {
    const p = await usageChurn(wb, { ...base, by: 'platform_group' });
    expect(p.rows.map((x) => [x.segment, x.customers, x.churned])).toEqual([
      ['desktop', 35, 31],
      ['mobile', 40, 5],
      ['(missing)', 10, 0],
    ]);
    expect(p.finding).toBe('platforms_differ');
    expect(p.compared).toEqual({ lowestChurn: 'mobile', highestChurn: 'desktop' });
    const f = await usageChurn(wb, { ...base, by: 'features_band' });
    expect(f.rows.map((x) => [x.segment, x.customers, x.churned])).toEqual([
      ['0', 40, 30],
      ['1', 25, 1],
      ['2-4', 20, 5],
    ]);
    expect(f.finding).toBe('too_small');
    expect((await usageChurn(wb, { ...base, by: 'features_band', minSize: 20 })).finding).toBe('usage_lowers_churn');
  });

  it('defaults at to the latest subscription date minus the horizon, and refuses a horizon the data does not reach', async () => {
    const r = await usageChurn(wb, { windowDays: 10 });
    expect(r.options.at.toISOString()).toBe('2024-04-15T00:00:00.000Z');
    expect(r.options.atFromData).toBe(true);
    expect(r.options.horizonEnd.toISOString()).toBe('2024-07-15T00:00:00.000Z');
    const err = await usageChurn(wb, { at: '2024-05-01' }).catch((e: unknown) => e);
    expect(isWorkbenchError(err, 'BAD_OPTION')).toBe(true);
    expect((err as Error).message).toContain(
      'at 2024-05-01 + 3 month(s) is 2024-08-01, but the latest date in subscriptions is 2024-07-15',
    );
    const none = await usageChurn(wb, { at: '2023-06-01' }).catch((e: unknown) => e);
    expect(isWorkbenchError(none, 'NO_DATA')).toBe(true);
  });
});

describe('usageChurnFinding', () => {
  const row = (segment: string, order: number, customers: number, churned: number): UsageChurnRow => {
    const [low, high] = wilson95(churned, customers);
    return { segment, order, customers, churned, rate: churned / customers, low, high, tooSmall: customers < 30 };
  };
  it('compares the least and the most used group, and needs two', () => {
    expect(usageChurnFinding([row('dormant', 0, 50, 40), row('power', 3, 50, 5)], 'usage_segment', 30).finding).toBe(
      'usage_lowers_churn',
    );
    expect(usageChurnFinding([row('light', 1, 50, 5), row('power', 3, 50, 40)], 'usage_segment', 30)).toEqual({
      finding: 'usage_raises_churn',
      compared: { leastUsed: 'light', mostUsed: 'power' },
    });
    expect(usageChurnFinding([row('power', 3, 50, 5)], 'usage_segment', 30)).toEqual({
      finding: 'too_small',
      compared: null,
    });
    expect(
      usageChurnFinding([row('mobile', 0, 50, 5), row('(missing)', 1, 50, 40)], 'platform_group', 30).finding,
    ).toBe('too_small');
  });
});
