/**
 * The pure SQL builders of the usage analyses. One builder makes the per-customer usage row (what the
 * `usage_segments` table holds and what churn by usage segment groups); the others read the data's
 * bounds. All values are bound (`$at`, `$from`, …); table names pass through `quoteIdentifier`.
 *
 * Over tens of millions of events the per-customer row takes two grouped scans of `events` in one
 * statement: one over the window's events only (distinct days and event names, counts: the distinct
 * aggregates see a few million rows), and one over all events before `at` per (customer, platform) with
 * plain counts and the last event, for the main platform and the days since the last use; churn by usage
 * segment or feature band needs neither and reads the window only. A single scan with GROUPING SETS gives
 * the same numbers but measured about twice as slow in DuckDB 1.5 (distinct aggregates are evaluated once
 * per grouping set), and so did the distinct aggregates with a FILTER over all events (DuckDB scans the
 * table once more for the other aggregates of that grouping).
 */
import { numberLiteral, quoteIdentifier } from '../../sql.js';
import type { QueryParam } from '../../workbench.js';
import { mrrAtSql } from '../subscriptions/paying.js';
import { eventValueSql, isEventAttribute, type EventAttribute } from '../subscriptions/event-segments-sql.js';
import { featureBandLabels, USAGE_SEGMENTS } from './options.js';

/**
 * How `platform_group` is formed from the main platform (case and surrounding spaces ignored):
 * ios / android / mobile → `mobile`; web / desktop / windows / mac → `desktop`; any other value is kept as given.
 */
export const PLATFORM_GROUPS = {
  mobile: ['ios', 'android', 'mobile'],
  desktop: ['web', 'desktop', 'windows', 'mac'],
} as const;

/** SQL expression of the platform group of the platform held by `expr` (NULL stays NULL). Pure. */
export function platformGroupSql(expr: string): string {
  const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');
  const key = `lower(trim(${expr}))`;
  return `case when ${key} in (${list(PLATFORM_GROUPS.mobile)}) then 'mobile'
    when ${key} in (${list(PLATFORM_GROUPS.desktop)}) then 'desktop' else ${expr} end`;
}

/** SQL with the values it binds. */
export interface BoundSql {
  sql: string;
  params: Record<string, QueryParam>;
}

/** Input of {@link usageCustomersSql}: the settings, resolved. */
export interface UsageSqlOptions {
  /** Events table. */
  events: string;
  /** Subscriptions table (read when `universe` is 'paying' or `withSubscriptions`). */
  subscriptions: string;
  /** `paying`: customers paying at `at`; `all`: customers with an event before `at` (plus the paying ones with `withSubscriptions`). */
  universe: 'paying' | 'all';
  /** A subscriptions table exists (adds its paying customers to the `all` universe). */
  withSubscriptions: boolean;
  /** End of the window (exclusive), a day. */
  at: Date;
  /** Window length in days. */
  windowDays: number;
  /** Share of the window's days below which an active customer is `light`. */
  lightBelow: number;
  /** Share of the window's days above which a customer is `power`. */
  powerAbove: number;
  /** Lower edges of the feature bands after `0` (whole numbers, ascending). */
  featureBands: readonly number[];
  /**
   * Read the events before the window too, for `days_since_last_use` and the main platform of customers
   * without a platform in the window; without (only with `universe` 'paying'), both are NULL and only the
   * window's events are read. @defaultValue true
   */
  history?: boolean;
}

/** The first day of the window: `at − windowDays` days (UTC days, so exact). */
export function windowStart(at: Date, windowDays: number): Date {
  return new Date(at.getTime() - windowDays * 86_400_000);
}

/**
 * SQL of one row per customer of the universe: `customer_id, active_days, features, events,
 * days_since_last_use, main_platform, platform_group, usage_segment, segment_order, features_band,
 * features_band_order`. Window: `$from <= event_time < $at`. `main_platform`: the platform with most events
 * in the window (ties: the smallest name); a customer without a platform-tagged event in the window gets the
 * one with most events before `at` (same tie rule); events without a platform are not counted for it.
 * Pure.
 */
export function usageCustomersSql(o: UsageSqlOptions): BoundSql {
  const ev = quoteIdentifier(o.events);
  const paying = `select customer_id from (${mrrAtSql('$at', quoteIdentifier(o.subscriptions))}) where customer_id is not null`;
  const universe =
    o.universe === 'paying'
      ? paying
      : o.withSubscriptions
        ? `select customer_id from cust union ${paying}`
        : 'select customer_id from cust';
  const labels = featureBandLabels(o.featureBands);
  const params: Record<string, QueryParam> = {
    at: o.at,
    from: windowStart(o.at, o.windowDays),
    windowDays: o.windowDays,
    lightBelow: o.lightBelow,
    powerAbove: o.powerAbove,
  };
  labels.forEach((label, i) => {
    params[`band_${i}`] = label;
  });
  const bandOrder = `case ${o.featureBands.map((e, i) => `when features < ${numberLiteral(e)} then ${i}`).join(' ')} else ${o.featureBands.length} end`;
  const history = o.history !== false || o.universe === 'all';
  const lastUse = history
    ? "date_diff('day', cast(h.last_event as date), cast($at as date))::integer"
    : 'null::integer';
  const sql = `with win as (
    select customer_id, count(distinct cast(event_time as date)) as active_days, count(distinct event_name) as features, count(*) as events
    from ${ev} where customer_id is not null and event_time >= $from and event_time < $at
    group by customer_id),${
      history
        ? `
  plat as (
    select customer_id, platform, count(*) filter (where event_time >= $from) as n_window, count(*) as n_before, max(event_time) as last_event
    from ${ev} where customer_id is not null and event_time < $at
    group by customer_id, platform),
  cust as (select customer_id, max(last_event) as last_event from plat group by customer_id),
  main as (
    select customer_id, platform as main_platform from (
      select customer_id, platform, case when max(n_window) over (partition by customer_id) > 0 then n_window else n_before end as n
      from plat where platform is not null)
    qualify row_number() over (partition by customer_id order by n desc, platform) = 1),`
        : ''
    }
  universe as (${universe}),
  u as (
    select universe.customer_id,
      coalesce(w.active_days, 0)::integer as active_days,
      coalesce(w.features, 0)::integer as features,
      coalesce(w.events, 0)::bigint as events,
      ${lastUse} as days_since_last_use,
      ${history ? 'm.main_platform' : 'null::varchar as main_platform'}
    from universe left join win w on w.customer_id = universe.customer_id${
      history
        ? `
      left join cust h on h.customer_id = universe.customer_id left join main m on m.customer_id = universe.customer_id`
        : ''
    }),
  s as (
    select *,
      case when active_days = 0 then 0
        when active_days::double / $windowDays < $lightBelow then 1
        when active_days::double / $windowDays > $powerAbove then 3 else 2 end as segment_order,
      ${bandOrder} as features_band_order
    from u)
  select customer_id, active_days, features, events, days_since_last_use, main_platform,
    ${platformGroupSql('main_platform')} as platform_group,
    case segment_order ${USAGE_SEGMENTS.map((k, i) => `when ${i} then '${k}'`).join(' ')} end as usage_segment,
    segment_order::integer as segment_order,
    case features_band_order ${labels.map((_, i) => `when ${i} then $band_${i}`).join(' ')} end as features_band,
    features_band_order::integer as features_band_order
  from s`;
  return { sql, params };
}

/**
 * SQL of the first and last event time over all rows, with a customer or not: `first`, `last`, and as text
 * (`lo`, `hi`, every digit kept) to bind in {@link eventRangeHasCustomersSql}. Reads the time column only. Pure.
 */
export function eventTimeRangeSql(events: string): string {
  return `select min(event_time) as first, max(event_time) as last, min(event_time)::varchar as lo, max(event_time)::varchar as hi
    from ${quoteIdentifier(events)}`;
}

/**
 * SQL of `ok`: true when both the time `$lo` and the time `$hi` (text) have an event with a customer, so they
 * are the bounds {@link eventRangeSql} would give. Filters on the time first: a scan that skips almost all. Pure.
 */
export function eventRangeHasCustomersSql(events: string): string {
  return `select bool_or(event_time = cast($lo as timestamp)) and bool_or(event_time = cast($hi as timestamp)) as ok
    from ${quoteIdentifier(events)}
    where (event_time = cast($lo as timestamp) or event_time = cast($hi as timestamp)) and customer_id is not null`;
}

/** SQL of the first and last event (`first_event`, `last_event`; NULL without events). Pure. */
export function eventRangeSql(events: string): string {
  return `select min(event_time) as first_event, max(event_time) as last_event from ${quoteIdentifier(events)}
    where customer_id is not null`;
}

/** SQL of the latest date in a subscriptions table (`latest`: the latest start or end date; NULL without rows). Pure. */
export function subscriptionsLatestSql(subscriptions: string): string {
  return `select greatest(max(start_date), coalesce(max(end_date), max(start_date))) as latest from ${quoteIdentifier(subscriptions)}`;
}

/** SQL of `date ± months` in calendar months (end of month clamps: 31 May − 3 months = 29 Feb); binds `$d` and `$months`. Pure. */
export function addMonthsSql(): string {
  return 'select cast(cast($d as date) + to_months(cast($months as integer)) as date) as d';
}

/**
 * What {@link usageChurnSql} groups by: the usage segment, the platform group or the feature band, or an
 * attribute of the events at `at` (subscriptions/event-segments-sql.ts): `device`, `platform` (as given, iOS
 * apart from Android), `app_version` or `app_major`.
 */
export type UsageChurnBy = 'usage_segment' | 'platform_group' | 'features_band' | EventAttribute;

/**
 * SQL of churn per group among the customers paying at `$at` (subscriptions/paying.ts): `segment,
 * segment_order, customers, churned`, where churned = not paying at `$end`. Customers without a platform
 * form the group `$missing`, ordered last. Pure; binds what {@link usageCustomersSql} binds plus `$end`, `$missing`.
 */
export function usageChurnSql(
  o: Omit<UsageSqlOptions, 'universe'> & { by: UsageChurnBy; end: Date; missing: string },
): BoundSql {
  // Only the platform group needs the events before the window.
  const usage = usageCustomersSql({ ...o, universe: 'paying', history: o.by === 'platform_group' });
  const event = isEventAttribute(o.by) ? o.by : null;
  const [key, order] =
    o.by === 'platform_group'
      ? ['coalesce(platform_group, $missing)', 'case when platform_group is null then 1 else 0 end']
      : event
        ? ['coalesce(tech.segment, $missing)', 'case when tech.segment is null then 1 else 0 end']
        : o.by === 'features_band'
          ? ['features_band', 'features_band_order']
          : ['usage_segment', 'segment_order'];
  // An event attribute at `at`: the latest event with a value at or before it (ties in time: the highest value).
  const tech = event
    ? `,
  tech as (
    select e.customer_id, arg_max(${eventValueSql(event)}, (e.event_time, ${eventValueSql(event)})) as segment
    from ${quoteIdentifier(o.events)} e semi join usage u on u.customer_id = e.customer_id
    where e.event_time <= $at and ${eventValueSql(event)} is not null group by e.customer_id)`
    : '';
  const sql = `with usage as (${usage.sql}),
  later as (${mrrAtSql('$end', quoteIdentifier(o.subscriptions))})${tech}
  select ${key} as segment, ${order} as segment_order, count(*)::bigint as customers,
    count(*) filter (where later.customer_id is null)::bigint as churned
  from usage left join later on later.customer_id = usage.customer_id${event ? ' left join tech on tech.customer_id = usage.customer_id' : ''}
  group by all order by segment_order, segment`;
  return { sql, params: { ...usage.params, end: o.end, missing: o.missing } };
}
