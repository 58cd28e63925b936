/**
 * Pure SQL builders of the journey analysis. Nothing here runs a query: table names pass through
 * `quoteIdentifier`, rule constants through `numberLiteral`; `$asOf` and the map (`$n0, $r0, …`: event name and
 * stage rank) are bound by the caller.
 *
 * Per customer with an order or an event before `$asOf`: the first moment each stage was reached — by an event
 * mapped to that stage or a later one, or by the orders (the first order reaches `first-purchase`, the second
 * `repeat`); the stage is the furthest reached. Engagement counts the days with any activity (any event, or an
 * order) in the last `engagementDays`, and the distinct channels (event platform, or `orders`) then.
 */
import { numberLiteral, quoteIdentifier } from '../../sql.js';

/** Engagement levels, most engaged first (stable keys). */
export const ENGAGEMENT_LEVELS = ['high', 'medium', 'low', 'none'] as const;

/** An engagement level key. */
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/**
 * The documented engagement rules: `high` = active on at least `highDays` days of the last `engagementDays`;
 * `medium` = active on 1 to `highDays − 1` of them; `low` = none then, but some activity in the last
 * `lookbackDays`; `none` = no activity in the last `lookbackDays`. Activity = any event or order. The funnel over
 * time is read at `periods` monthly points stepping back from the as-of date.
 */
export const JOURNEY_RULES = {
  engagementDays: 30,
  highDays: 4,
  lookbackDays: 90,
  periods: 12,
} as const;

/** What the builders need: everything validated and defaulted. */
export interface JourneySqlOptions {
  /** The per-order aggregate of the transactions before the as-of date (quoted name, from `withOrderAggregate`). */
  orders: string;
  /** Events table (`customer_id, event_time, event_name, platform`), or none: stages from orders only. */
  events?: string;
  /** Map entries bound (`$n0, $r0` …). */
  mapSize: number;
  /** Table (re)created with one row per customer. */
  table: string;
}

const R = JOURNEY_RULES;
const n = numberLiteral;

/** The events part: per customer the first moment of each rank reached, events and mapped events; and the activity rows. */
function eventParts(o: JourneySqlOptions): { evc: string; act: string } {
  if (!o.events || o.mapSize === 0)
    return {
      evc: `evc as (select null::varchar as customer_id, null::timestamp as e0, null::timestamp as e1, null::timestamp as e2,
    null::timestamp as e3, null::timestamp as e4, 0::bigint as events, 0::bigint as mapped where false)`,
      act: o.events
        ? `select customer_id, cast(event_time as date) as d, coalesce(platform, 'events') as channel from ${quoteIdentifier(o.events)}
     where event_time < $asOf and customer_id is not null and event_time >= $asOf - to_days(${n(R.lookbackDays)})`
        : '',
    };
  const values = Array.from({ length: o.mapSize }, (_, i) => `($n${i}, $r${i}::integer)`).join(', ');
  return {
    evc: `map(name, rank) as (select * from (values ${values})),
ev as (
  select e.customer_id, e.event_time as ts, m.rank, coalesce(e.platform, 'events') as channel
  from ${quoteIdentifier(o.events)} e left join map m on m.name = lower(trim(e.event_name))
  where e.event_time < $asOf and e.customer_id is not null
),
evc as (
  select customer_id, ${[0, 1, 2, 3, 4].map((r) => `min(ts) filter (where rank >= ${r}) as e${r}`).join(', ')},
    count(*)::bigint as events, count(rank)::bigint as mapped
  from ev group by customer_id
)`,
    act: `select customer_id, cast(ts as date) as d, channel from ev where ts >= $asOf - to_days(${n(R.lookbackDays)})`,
  };
}

/**
 * (Re)creates `table`: one row per customer — `orders, events, mapped_events, r_aware, r_considering,
 * r_first_purchase, r_repeat, r_advocate` (first moment each stage was reached, null if never), `stage`,
 * `active_days, channels, engagement`. Binds `$asOf` and the map.
 */
export function journeyCustomersSql(o: JourneySqlOptions): string {
  const { evc, act } = eventParts(o);
  const orderAct = `select customer_id, cast(ts as date) as d, 'orders' as channel from ord where ts >= $asOf - to_days(${n(R.lookbackDays)})`;
  const recent = `d >= cast($asOf as date) - ${n(R.engagementDays)}`;
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with ord as (
  select customer_id, order_id, ts from ${o.orders} where ts is not null
),
oc as (
  select customer_id, count(*)::bigint as orders, min(ts) as o1, min(ts) filter (where rn = 2) as o2
  from (select *, row_number() over (partition by customer_id order by ts, order_id) as rn from ord) group by customer_id
),
${evc},
act as (${act ? `${act}\n  union all ` : ''}${orderAct}),
eng as (
  select customer_id, (count(distinct d) filter (where ${recent}))::integer as active_days,
    (count(distinct channel) filter (where ${recent}))::integer as channels, count(distinct d)::integer as lookback_days
  from act group by customer_id
),
reach as (
  select customer_id, coalesce(oc.orders, 0)::bigint as orders, coalesce(evc.events, 0)::bigint as events,
    coalesce(evc.mapped, 0)::bigint as mapped_events,
    least(evc.e0, oc.o1) as r_aware, least(evc.e1, oc.o1) as r_considering, least(evc.e2, oc.o1) as r_first_purchase,
    least(evc.e3, oc.o2) as r_repeat, evc.e4 as r_advocate
  from oc full join evc using (customer_id)
)
select r.*,
  case when r_advocate is not null then 'advocate' when r_repeat is not null then 'repeat'
    when r_first_purchase is not null then 'first-purchase' when r_considering is not null then 'considering'
    else 'aware' end as stage,
  coalesce(g.active_days, 0) as active_days, coalesce(g.channels, 0) as channels,
  case when coalesce(g.active_days, 0) >= ${n(R.highDays)} then 'high' when coalesce(g.active_days, 0) >= 1 then 'medium'
    when coalesce(g.lookback_days, 0) >= 1 then 'low' else 'none' end as engagement
from reach r left join eng g using (customer_id)
where r_aware is not null
order by customer_id`;
}

/** Customers per stage × engagement level of `table` (non-empty cells, ordered). */
export function journeyCellsSql(table: string): string {
  return `select stage, engagement, count(*)::bigint as customers, (count(*) filter (where channels >= 2))::bigint as multichannel
from ${quoteIdentifier(table)} group by all order by all`;
}

/**
 * Customers who had reached each stage by each of the `periods` monthly points stepping back from `$asOf` (the
 * last point is `$asOf` itself), oldest first. Binds `$asOf`.
 */
export function journeyOverTimeSql(table: string): string {
  const cols = ['aware', 'considering', 'first_purchase', 'repeat', 'advocate']
    .map((s) => `(count(*) filter (where r_${s} < p))::bigint as ${s}`)
    .join(', ');
  return `select p as at, ${cols}
from ${quoteIdentifier(table)} cross join (select cast($asOf as timestamp) - to_months(i) as p from range(0, ${n(R.periods)}) t(i)) pts
group by p order by p`;
}

/** Event rows, rows whose name is in the map, and up to 5 of the most frequent names (one row). */
export function eventNamesSql(events: string): string {
  return `select name, count(*)::bigint as rows from (select lower(trim(event_name)) as name from ${quoteIdentifier(events)} where event_time < $asOf)
group by name order by rows desc, name limit 5`;
}
