/**
 * Pure SQL builders of the timing analysis. Nothing here runs a query: the table names pass through
 * `quoteIdentifier`, the rule constants through `numberLiteral`, and the values (`$asOf`, `$hasTimes`) are
 * bound by the caller.
 *
 * The steps, over the purchase orders before `$asOf` of the shared per-order aggregate (`withOrderAggregate`:
 * one row per customer × order, built once per report; return rows only count in revenue):
 *   orders  one row per customer × order, at its first timestamp
 *   cust    per customer: orders, orders on Sat/Sun, per time-of-day band, in the holiday season; days since
 *           the last order; net revenue (returns subtracted, exact decimal sum)
 *   cycles  median days between consecutive distinct order days (the shared order-day gaps,
 *           `withOrderDayGaps`; kept for customers with enough orders)
 *   then    one timing segment per customer, by the rules of {@link TIMING_RULES} in a fixed priority
 */
import { numberLiteral, quoteIdentifier } from '../../sql.js';

/** The timing segments, in the order the report lists them (stable keys). */
export const TIMING_SEGMENTS = [
  'holiday-season',
  'due',
  'weekend',
  'night',
  'morning',
  'afternoon',
  'evening',
  'no-pattern',
  'one-order',
] as const;

/** A timing segment key. */
export type TimingSegment = (typeof TIMING_SEGMENTS)[number];

/** The time-of-day bands, with their first hour (each band runs to the next one's first hour, the last to 24). */
export const TIME_BANDS = ['night', 'morning', 'afternoon', 'evening'] as const;

/** A time-of-day band: night 0–6, morning 6–12, afternoon 12–18, evening 18–24 (hours of the order timestamp). */
export type TimeBand = (typeof TIME_BANDS)[number];

/**
 * The documented rules (shares are of a customer's purchase orders before the as-of date). A customer gets the
 * first segment whose rule holds, in this priority:
 * 1. `one-order`: exactly one order (one order shows no pattern);
 * 2. `holiday-season`: at least `minSharePercent`% of the orders in the holiday season (20 November to 31 December);
 * 3. `due`: a regular cycle (median days between consecutive distinct order days, customers with at least
 *    `cycleOrders` orders on at least two days) and more than `dueFactor` × that cycle and more than `dueMinDays` days since the last order;
 * 4. `weekend`: at least `minSharePercent`% of the orders on Saturday or Sunday;
 * 5. `night` / `morning` / `afternoon` / `evening`: the data has times of day and at least `minSharePercent`% of the orders
 *    fall in that band (at most one band can hold 60%);
 * 6. `no-pattern`: none of these.
 */
export const TIMING_RULES = {
  /** Share of orders that makes a pattern, in percent (compared in whole numbers: no rounding edge). */
  minSharePercent: 60,
  /** Orders a customer needs for a purchase cycle. */
  cycleOrders: 3,
  /** Due: days since the last order above this multiple of the cycle… */
  dueFactor: 2,
  /** …and above this many days. */
  dueMinDays: 30,
  /** First day of the holiday season: the last six weeks of the calendar year (42 days). */
  seasonStart: { month: 11, day: 20 },
  /** First hour of each time-of-day band. */
  bandStart: { night: 0, morning: 6, afternoon: 12, evening: 18 } satisfies Record<TimeBand, number>,
} as const;

/** What the builders need: everything validated and defaulted. */
export interface TimingSqlOptions {
  /** The per-order aggregate of the transactions before the as-of date (quoted name, from `withOrderAggregate`). */
  orders: string;
  /** The per-customer order-day gaps of those orders (quoted name, from `withOrderDayGaps`). */
  gaps: string;
  /** Table (re)created with one row per customer ({@link timingCustomersSql}). */
  table: string;
}

const R = TIMING_RULES;

/** SQL condition: the timestamp `ts` falls in the holiday season. */
export function seasonSql(ts: string): string {
  const { month, day } = R.seasonStart;
  return `(month(${ts}) > ${numberLiteral(month)} or (month(${ts}) = ${numberLiteral(month)} and day(${ts}) >= ${numberLiteral(day)}))`;
}

/** SQL of the band key of hour expression `h`. */
export function bandSql(h: string): string {
  const s = R.bandStart;
  return `case when ${h} < ${s.morning} then 'night' when ${h} < ${s.afternoon} then 'morning' when ${h} < ${s.evening} then 'afternoon' else 'evening' end`;
}

/**
 * The purchase orders of the per-order aggregate `orders` (quoted name): one row per customer × order
 * (`customer_id, order_id, ts`).
 */
export function ordersSql(orders: string): string {
  return `select customer_id, order_id, ts from ${orders} where ts is not null`;
}

/**
 * Whether the purchase rows of the per-order aggregate `orders` (quoted name) carry times of day (one row,
 * `has_times`: false when every timestamp is at 00:00, null without rows).
 */
export function hasTimesSql(orders: string): string {
  return `select bool_or(timed) as has_times from ${orders}`;
}

const atLeast = (part: string): string => `100 * ${part} >= ${numberLiteral(R.minSharePercent)} * orders`;

/**
 * (Re)creates `table`: one row per customer with a purchase before `$asOf` — `orders, weekend, night, morning,
 * afternoon, evening, season` (order counts; the bands 0 unless `$hasTimes`), `days_since`, `first_ts`, `cycle` (null with fewer than `cycleOrders` orders or
 * one order day), `revenue` (net, DECIMAL) and `segment`. Binds `$asOf` and `$hasTimes` (band segments only when true).
 */
export function timingCustomersSql(o: TimingSqlOptions): string {
  const bands = TIME_BANDS.map((b) => `when ${atLeast(b)} then '${b}'`).join('\n      ');
  const hour = 'hour(ts)';
  // one grouping of every order: the counts read purchase orders only (a return-only order has no ts: each filter
  // is null or false for it), the revenue every order (returns subtract)
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with cycles as (
  select customer_id, cycle from ${o.gaps}
),
cust as (
  select customer_id, count(ts)::bigint as orders,
    (count(*) filter (where isodow(ts) >= 6))::bigint as weekend,
    ${TIME_BANDS.map((b) => `(count(*) filter (where $hasTimes and ts is not null and ${bandSql(hour)} = '${b}'))::bigint as ${b}`).join(',\n    ')},
    (count(*) filter (where ${seasonSql('ts')}))::bigint as season,
    date_diff('day', cast(max(ts) as date), cast($asOf as date))::integer as days_since, min(ts) as first_ts,
    coalesce(sum(revenue), 0) as revenue
  from ${o.orders} group by customer_id having count(ts) > 0
),
flagged as (
  select c.* exclude (revenue), case when c.orders >= ${numberLiteral(R.cycleOrders)} then y.cycle end as cycle, c.revenue
  from cust c left join cycles y using (customer_id)
)
select *,
  case
      when orders = 1 then 'one-order'
      when ${atLeast('season')} then 'holiday-season'
      when cycle is not null and days_since > ${numberLiteral(R.dueFactor)} * cycle and days_since > ${numberLiteral(R.dueMinDays)} then 'due'
      when ${atLeast('weekend')} then 'weekend'
      ${bands}
      else 'no-pattern'
  end as segment
from flagged`;
}

/** Customers, net revenue and pattern flags per segment of `table` (one row per non-empty segment). */
export function timingSegmentsSql(table: string): string {
  return `select segment, count(*)::bigint as customers, sum(revenue)::double as revenue
from ${quoteIdentifier(table)} group by segment order by segment`;
}

/**
 * Totals of `table`: customers, orders and orders per pattern, customers with each pattern regardless of
 * the segment they got, customers with a cycle and the median cycle. One row.
 */
export function timingTotalsSql(table: string): string {
  return `select count(*)::bigint as customers, coalesce(sum(orders), 0)::bigint as orders,
  coalesce(sum(weekend), 0)::bigint as weekend, coalesce(sum(season), 0)::bigint as season,
  ${TIME_BANDS.map((b) => `coalesce(sum(${b}), 0)::bigint as ${b}`).join(', ')},
  coalesce(sum(revenue), 0)::double as revenue,
  (count(*) filter (where orders >= 2 and ${atLeast('season')}))::bigint as season_buyers,
  (count(*) filter (where orders >= 2 and ${atLeast('weekend')}))::bigint as weekend_buyers,
  (count(*) filter (where cycle is not null))::bigint as with_cycle,
  median(cycle)::double as median_cycle,
  (count(*) filter (where cycle is not null and days_since > ${numberLiteral(R.dueFactor)} * cycle and days_since > ${numberLiteral(R.dueMinDays)}))::bigint as due,
  min(first_ts) as first_order
from ${quoteIdentifier(table)}`;
}

/**
 * Purchase orders of the per-order aggregate `orders` (quoted name) per ISO weekday (1 = Monday … 7 = Sunday)
 * and hour of day (0–23), or per weekday only (`hour` null) without times. Only non-empty cells, ordered.
 */
export function timingGridSql(orders: string, withHours: boolean): string {
  return `select isodow(ts)::integer as weekday, ${withHours ? 'hour(ts)::integer' : 'null::integer'} as hour, count(*)::bigint as orders
from (${ordersSql(orders)}) group by all order by weekday, hour`;
}
