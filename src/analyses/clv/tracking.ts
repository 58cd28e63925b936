/**
 * The tracking check of Fader, Hardie & Lee (2005, figures 2 and 3): the repeat purchases the customers
 * of the calibration period actually made, week by week and cumulated, beside what the fitted model
 * expects of them — through the calibration period and on into the holdout. The expectation for one
 * customer at day e is E[X(e − first purchase day)], the unconditional expected repeat purchases since
 * the first; summed over customers grouped by first purchase day. The data is read as two bounded
 * aggregates (repeat purchase days per week, customers per first purchase day); the sum is done in JS,
 * with E[X] evaluated once per day offset.
 */
import type { Workbench } from '../../workbench.js';
import { quoteIdentifier } from '../../sql.js';
import { expectedPurchases, type PurchaseModel } from './purchase-model.js';
import { purchaseDaysSql, utcDay } from './summary.js';

const DAY = 86_400_000;

/** One week of the tracking check (weeks run from the first purchase day of the earliest customer). */
export interface ClvTrackingWeek {
  /** Week number, 1 for the week starting on `ClvTracking.start`. */
  week: number;
  /** First day of the week. */
  start: Date;
  /** Days of the week inside the period (7, fewer for the last). */
  days: number;
  /** True when the week starts after the calibration end (it is in the holdout). */
  holdout: boolean;
  /** Repeat purchase days made in the week by the calibration customers. */
  actual: number;
  /** The model's expected repeat purchases in the week. */
  predicted: number;
  /** Repeat purchases from the start up to the end of the week. */
  cumulativeActual: number;
  cumulativePredicted: number;
}

/** Actual against expected repeat purchases, week by week, from the first purchase to the end of the holdout. */
export interface ClvTracking {
  /** First purchase day of the earliest customer (day 1 of week 1). */
  start: Date;
  /** Weeks from `start` to the end of the calibration end day (fractional when it falls inside a week). */
  calibrationWeeks: number;
  weeks: ClvTrackingWeek[];
}

/** SQL: repeat purchase days per week since `$start`, of the customers in the summary, up to `$holdEnd`. */
export function trackingWeeksSql(source: string, summary: string): string {
  return `with days as (${purchaseDaysSql(source)})
select (date_diff('day', $start, d.day) // 7)::integer as week, count(*)::double as n
from days d join ${quoteIdentifier(summary)} s using (customer_id)
where d.day > s.first_purchase
group by all order by week`;
}

/** SQL: customers per first purchase day (days since `$start`). */
export function trackingFirstDaysSql(summary: string): string {
  return `select date_diff('day', $start, first_purchase::timestamp)::integer as d, count(*)::double as n
from ${quoteIdentifier(summary)} group by all order by d`;
}

/**
 * The tracking check of a scored summary table: weekly and cumulative actual and expected repeat purchases.
 * `perUnit` is the days per model time unit (7 for weeks, 1 for days); the period ends with `end` (inclusive).
 * @example const t = await clvTracking(wb, { source: 'transactions', summary: 'clv_summary', model, calibrationEnd, end, perUnit: 7 });
 */
export async function clvTracking(
  wb: Workbench,
  o: { source: string; summary: string; model: PurchaseModel; calibrationEnd: Date; end: Date; perUnit: number },
): Promise<ClvTracking> {
  const [first] = await wb.query(`select min(first_purchase)::timestamp as d from ${quoteIdentifier(o.summary)}`);
  const startDay = first?.['d'] instanceof Date ? utcDay(first['d']) : o.calibrationEnd;
  const params = { start: startDay, holdEnd: o.end };
  const weekly = await wb.query(trackingWeeksSql(o.source, o.summary), params);
  const firstDays = await wb.query(trackingFirstDaysSql(o.summary), { start: startDay });
  return trackingWeeks(
    startDay,
    Math.round((o.end.getTime() - startDay.getTime()) / DAY),
    Math.round((o.calibrationEnd.getTime() - startDay.getTime()) / DAY),
    weekly.map((r) => ({ week: Number(r['week']), n: Number(r['n']) })),
    firstDays.map((r) => ({ d: Number(r['d']), n: Number(r['n']) })),
    (t) => expectedPurchases(o.model, t / o.perUnit),
  );
}

/**
 * The pure part of {@link clvTracking}: from the last day index `lastDay` (inclusive), the calibration end
 * day index, repeat purchases per week index and customers per first-day index, and E[X(t days)].
 */
export function trackingWeeks(
  start: Date,
  lastDay: number,
  calibrationDay: number,
  weekly: ReadonlyArray<{ week: number; n: number }>,
  firstDays: ReadonlyArray<{ d: number; n: number }>,
  expected: (days: number) => number,
): ClvTracking {
  // E[X] once per day offset; the expected cumulative at day e is Σ over first days d ≤ e of n_d·E[X(e − d)]
  const ex = Array.from({ length: lastDay + 1 }, (_, t) => expected(t));
  const cumulativeAt = (e: number) => firstDays.reduce((s, f) => (f.d <= e ? s + f.n * (ex[e - f.d] ?? 0) : s), 0);
  const actualByWeek = new Map(weekly.map((w) => [w.week, w.n]));
  const weeks: ClvTrackingWeek[] = [];
  let cumulativeActual = 0;
  let previous = 0;
  for (let k = 0; 7 * k <= lastDay; k++) {
    const end = Math.min(7 * k + 6, lastDay);
    const cumulativePredicted = cumulativeAt(end);
    const actual = actualByWeek.get(k) ?? 0;
    cumulativeActual += actual;
    weeks.push({
      week: k + 1,
      start: new Date(start.getTime() + 7 * k * DAY),
      days: end - 7 * k + 1,
      holdout: 7 * k > calibrationDay,
      actual,
      predicted: cumulativePredicted - previous,
      cumulativeActual,
      cumulativePredicted,
    });
    previous = cumulativePredicted;
  }
  return { start, calibrationWeeks: (calibrationDay + 1) / 7, weeks };
}
