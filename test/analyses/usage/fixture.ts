/**
 * Tiny usage fixtures built from inline VALUES. The tables follow the contracts of issue #19:
 * `events (customer_id, event_time, event_name, platform, device, app_version)` and
 * `subscriptions (subscription_id, customer_id, plan, start_date, end_date, mrr)`.
 */
import type { Workbench } from '../../../src/workbench.js';

/** One event: customer (null allowed), ISO time, event name, platform (null allowed). */
export type Ev = [string | null, string, string, string | null];
/** One subscription period: customer, start, end (null = running), MRR. */
export type Sub = [string, string, string | null, number];

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

/** Create (or replace) an events table holding `rows`. */
export async function eventsTable(wb: Workbench, rows: readonly Ev[], table = 'events'): Promise<void> {
  await wb.run(
    `create or replace table ${table} (customer_id varchar, event_time timestamp, event_name varchar, platform varchar, device varchar, app_version varchar)`,
  );
  if (rows.length === 0) return;
  const values = rows.map(([c, t, e, p]) => `(${lit(c)}, timestamp ${lit(t)}, ${lit(e)}, ${lit(p)}, NULL, NULL)`);
  await wb.run(`insert into ${table} values ${values.join(', ')}`);
}

/** Create (or replace) a subscriptions table holding `rows` (one subscription per row, plan 'basic'). */
export async function subscriptionsTable(wb: Workbench, rows: readonly Sub[], table = 'subscriptions'): Promise<void> {
  await wb.run(
    `create or replace table ${table} (subscription_id varchar, customer_id varchar, plan varchar, start_date date, end_date date, mrr decimal(18, 4))`,
  );
  const values = rows.map(
    ([c, s, e, m], i) =>
      `('s${i}', ${lit(c)}, 'basic', date ${lit(s)}, ${e === null ? 'NULL' : `date ${lit(e)}`}, ${m})`,
  );
  await wb.run(`insert into ${table} values ${values.join(', ')}`);
}

/** `2024-03-01`, `2024-03-02`, … `n` days from `first` (ISO days). */
export function days(first: string, n: number): string[] {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * The segment fixture, at 2024-03-21 with a 20-day window [2024-03-01, 2024-03-21):
 * - p1: 'open' on 13 days 03-01 (at 00:00:00, the window's first instant) … 03-13, ios on 03-01..07 and web on 03-08..13,
 *   'export' on 03-01 (ios); 'export2' at 03-21 00:00 exactly (outside). → 13 days (65%, power), 2 features, 14 events,
 *   last use 03-13 (8 days), main ios (8 vs 6) → mobile.
 * - r1: 'open' on 12 days 03-09..03-20 (android 6, web 6: tie → android), 'share' 03-10 (no platform), 'search' 03-20 23:59:59
 *   (no platform). → 12 days (exactly 60%: regular), 3 features, 14 events, last use 1 day, main android → mobile.
 * - r2: 'open' on 5 days 03-16..03-20 on 'Windows', and 2024-02-29 23:59:59 (one second before the window). → 5 days
 *   (exactly 25%: regular), 1 feature, 5 events, 1 day, main Windows → desktop.
 * - l1: 'open' 03-01, 03-05 10:00, 03-10, 03-15 and 'search' 03-05 11:00 on 'tablet'. → 4 days (20%: light), 2 features,
 *   5 events, 6 days, tablet → tablet (kept as given).
 * - d1: 'open' 02-10, 02-11 (ios) and 02-29 12:00 (mac), nothing in the window → dormant, 0/0/0, 21 days, main from before the
 *   window: ios (2 vs 1) → mobile.
 * - n1: 'open' 03-20 without platform → 1 day (light), 1 feature, 1 event, 1 day, no platform.
 * - d2: events only at 03-21 00:00 and 03-25 → nothing before at.
 * - an event without customer in the window (ignored).
 */
export function segmentEvents(): Ev[] {
  const p1 = days('2024-03-01', 13).map((d, i): Ev => ['p1', `${d} 00:00:00`, 'open', i < 7 ? 'ios' : 'web']);
  const r1 = days('2024-03-09', 12).map((d, i): Ev => ['r1', `${d} 09:00:00`, 'open', i < 6 ? 'android' : 'web']);
  const r2 = days('2024-03-16', 5).map((d): Ev => ['r2', `${d} 08:00:00`, 'open', 'Windows']);
  return [
    ...p1,
    ['p1', '2024-03-01 00:30:00', 'export', 'ios'],
    ['p1', '2024-03-21 00:00:00', 'export2', 'web'],
    ...r1,
    ['r1', '2024-03-10 10:00:00', 'share', null],
    ['r1', '2024-03-20 23:59:59', 'search', null],
    ...r2,
    ['r2', '2024-02-29 23:59:59', 'open', 'Windows'],
    ['l1', '2024-03-01 12:00:00', 'open', 'tablet'],
    ['l1', '2024-03-05 10:00:00', 'open', 'tablet'],
    ['l1', '2024-03-05 11:00:00', 'search', 'tablet'],
    ['l1', '2024-03-10 12:00:00', 'open', 'tablet'],
    ['l1', '2024-03-15 12:00:00', 'open', 'tablet'],
    ['d1', '2024-02-10 12:00:00', 'open', 'ios'],
    ['d1', '2024-02-11 12:00:00', 'open', 'ios'],
    ['d1', '2024-02-29 12:00:00', 'open', 'mac'],
    ['n1', '2024-03-20 12:00:00', 'open', null],
    ['d2', '2024-03-21 00:00:00', 'open', 'web'],
    ['d2', '2024-03-25 12:00:00', 'open', 'web'],
    [null, '2024-03-10 12:00:00', 'open', 'web'],
  ];
}
