/**
 * Pure SQL builder for MRR movements per segment and month, by either method. Nothing here runs a query:
 * tables and columns pass through `quoteIdentifier`; `$from` and `$to` (first and last month, first days)
 * are bound by the caller. Without a segment it gives the same rows for all customers as one segment
 * (NULL): that is how the dated method runs unsegmented (movements-sql.ts keeps the month-end one).
 *
 * The statement, in steps:
 *   sp     customer × month of the range (months-sql.ts): MRR at the month start (`prev`) and end (`cur`) and
 *          the segment, taken WITHOUT HINDSIGHT: a subscriptions column's value at the month start (for a
 *          customer not paying then, at the month end: the value they come in on), a per-customer table's
 *          value, or an event attribute's value at the month start (event-segments-sql.ts); NULL when there is no segment
 *   moves  month-end: one class per customer-month from `prev` and `cur` (as movements-sql.ts);
 *          dated: every day a customer's MRR changes (the net of that day's starts and ends), classed from
 *          the MRR before and after that day, in the segment of the customer-month (a customer who pays at
 *          neither month end: the value of their highest-MRR period in the month)
 *   result per segment and month (every month of the range for every segment), then a total row per
 *          segment (`month` NULL); `bridge_gap` = end − (start + movements): 0 for every month by
 *          construction, and for a total the net MRR that moved into the segment at month starts
 */
import { quoteIdentifier } from '../../sql.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { monthCtes, MONTHS_THROUGH_TO, MRR_DECIMAL, type MonthTables } from './months-sql.js';
import { MONTHS_SQL } from './movements-sql.js';
import { eventSegmentCte, segmentAtMonthStartJoin, type EventAttribute } from './event-segments-sql.js';

/** How MRR movements are counted: between month ends, or on the day each change happens. */
export type MrrMethod = 'month-end' | 'dated';

/** What {@link mrrMovementsBySql} needs. */
export interface MrrMovementsBySqlOptions {
  /** Subscriptions table. */
  source: string;
  /** Counting method. */
  method: MrrMethod;
  /** Where each customer's segment comes from; null: all customers as one segment (NULL). */
  by: ResolvedChurnBy | null;
  /** The cached month tables (built with the `by` column when it is a subscriptions column); inline when absent. */
  tables?: MonthTables;
}

const sumIf = (expr: string, cond: string): string =>
  `coalesce(sum(${expr}) filter (where ${cond}), cast(0 as ${MRR_DECIMAL}))`;
const countIf = (cond: string): string => `count(*) filter (where ${cond})`;
const RANGE = 'month between cast($from as date) and cast($to as date)';

/** The CTEs `segc` (table kind: the customers' values) and `sp` (the customer-months of the range with their segment). */
function segmentCtes(by: ResolvedChurnBy | null): string {
  if (by?.kind === 'table') {
    const order = by.orderColumn ? `t.${quoteIdentifier(by.orderColumn)}` : 'null::integer';
    return `segc as (select c.cid, t.${quoteIdentifier(by.column)}::varchar as segment, ${order} as seg_order
  from cust c join ${quoteIdentifier(by.table)} t on t.customer_id = c.customer_id),
sp as (select r.cid, r.month, r.prev, r.cur, r.first_month, s.segment, s.seg_order from pmx r left join segc s on s.cid = r.cid where r.${RANGE})`;
  }
  if (by?.kind === 'events') {
    return `${eventSegmentCte(by.table, by.column as EventAttribute)},
sp as (select r.cid, r.month, r.prev, r.cur, r.first_month, evs.segment, null::integer as seg_order from pmx r ${segmentAtMonthStartJoin('r')} where r.${RANGE})`;
  }
  const segment =
    by?.kind === 'subscriptions' ? 'case when r.prev > 0 then r.seg_start else r.seg_end end' : 'null::varchar';
  return `sp as (select r.cid, r.month, r.prev, r.cur, r.first_month, ${segment} as segment, null::integer as seg_order from pmx r where r.${RANGE})`;
}

const MONTH_END_MOVES = `cls as (
  select *, case when prev = 0 and first_month = month then 'new' when prev = 0 then 'reactivation' when cur = 0 then 'churned'
    when cur > prev then 'expansion' when cur < prev then 'contraction' else 'flat' end as class
  from sp
),
agg as (
  select segment, min(seg_order) as seg_order, month,
    ${sumIf('prev', 'prev > 0')} as mrr_start, ${sumIf('cur', 'cur > 0')} as mrr_end,
    ${sumIf('cur', "class = 'new'")} as new, ${sumIf('cur - prev', "class = 'expansion'")} as expansion,
    ${sumIf('prev - cur', "class = 'contraction'")} as contraction, ${sumIf('prev', "class = 'churned'")} as churned,
    ${sumIf('cur', "class = 'reactivation'")} as reactivation,
    ${countIf('prev > 0')} as customers_start, ${countIf('cur > 0')} as customers_end,
    ${countIf("class = 'new'")} as new_customers, ${countIf("class = 'churned'")} as churned_customers,
    ${countIf("class = 'reactivation'")} as reactivated_customers, ${countIf("class = 'churned'")} as churned_at_start
  from cls group by segment, month
)`;

/**
 * The segment of a dated change: the customer-month's, else (a subscriptions column) the highest-MRR period of
 * the month, or (an event attribute) the value at the month start.
 */
function datedSegment(source: string, by: ResolvedChurnBy | null): { expr: string; ctes: string; joins: string } {
  if (by?.kind === 'events') return { expr: 'evs.segment', ctes: '', joins: segmentAtMonthStartJoin('e') };
  if (by?.kind !== 'subscriptions') return { expr: 'sp.segment', ctes: '', joins: '' };
  const col = `p.${quoteIdentifier(by.column)}::varchar`;
  return {
    expr: 'case when sp.cid is not null then sp.segment else fb.segment end',
    ctes: `fb as (
  select e.cid, e.month, first(${col} order by p.mrr desc, ${col} nulls last) as segment
  from (select distinct e.cid, e.month from evc e anti join sp on sp.cid = e.cid and sp.month = e.month) e
  join cust c on c.cid = e.cid join ${quoteIdentifier(source)} p on p.customer_id = c.customer_id
  where p.start_date < e.month + interval 1 month and (p.end_date is null or p.end_date > e.month)
  group by e.cid, e.month
),`,
    joins: 'left join fb on fb.cid = e.cid and fb.month = e.month',
  };
}

/**
 * The CTEs `chg, dly, stp, evt, evc` of the dated method (reading `cust`): `evc` has one row per customer and day
 * on which the customer's MRR changes within `$from`..`$to` (the net of that day's starts and ends): `cid, month,
 * day, before, after, class`. Shared by the bridge and the movement list, so both count the same movements.
 */
export function datedChangeCtes(source: string): string {
  const s = quoteIdentifier(source);
  return `chg as (
  select customer_id, start_date as day, cast(mrr as ${MRR_DECIMAL}) as delta from ${s} where customer_id is not null and mrr <> 0
  union all
  select customer_id, end_date, -cast(mrr as ${MRR_DECIMAL}) from ${s} where customer_id is not null and end_date is not null and mrr <> 0
),
dly as (select customer_id, day, sum(delta) as delta from chg group by customer_id, day having sum(delta) <> 0),
stp as (select customer_id, day, delta, sum(delta) over (partition by customer_id order by day rows between unbounded preceding and current row) as after from dly),
evt as (
  select customer_id, day, after - delta as before, after,
    coalesce(max(after) over (partition by customer_id order by day rows between unbounded preceding and 1 preceding), 0) > 0 as paid_before
  from stp
),
evc as (
  select c.cid, cast(date_trunc('month', e.day) as date) as month, cast(e.day as date) as day, e.before, e.after,
    case when e.before <= 0 and e.paid_before then 'reactivation' when e.before <= 0 then 'new' when e.after <= 0 then 'churned'
      when e.after > e.before then 'expansion' else 'contraction' end as class
  from evt e join cust c on c.customer_id = e.customer_id
  where e.day >= cast($from as date) and e.day < cast($to as date) + interval 1 month
),`;
}

/** The dated movements: one row per customer and day on which the customer's MRR changes, classed, aggregated with the month levels. */
function datedMoves(source: string, by: ResolvedChurnBy | null): string {
  const seg = datedSegment(source, by);
  const order = by?.kind === 'table' ? 'segc.seg_order' : 'null::integer';
  const segJoin = by?.kind === 'table' ? 'left join segc on segc.cid = e.cid' : '';
  const segExpr = by?.kind === 'table' ? 'segc.segment' : seg.expr;
  return `${datedChangeCtes(source)}
${seg.ctes}
ev as (
  select e.*, ${segExpr} as segment, ${order} as seg_order, coalesce(sp.prev > 0, false) as at_start
  from evc e left join sp on sp.cid = e.cid and sp.month = e.month ${seg.joins} ${segJoin}
),
lvl as (
  select segment, min(seg_order) as seg_order, month, ${sumIf('prev', 'prev > 0')} as mrr_start, ${sumIf('cur', 'cur > 0')} as mrr_end,
    ${countIf('prev > 0')} as customers_start, ${countIf('cur > 0')} as customers_end
  from sp group by segment, month
),
mvd as (
  select segment, min(seg_order) as seg_order, month,
    ${sumIf('after', "class = 'new'")} as new, ${sumIf('after - before', "class = 'expansion'")} as expansion,
    ${sumIf('before - after', "class = 'contraction'")} as contraction, ${sumIf('before', "class = 'churned'")} as churned,
    ${sumIf('after', "class = 'reactivation'")} as reactivation,
    ${countIf("class = 'new'")} as new_customers, ${countIf("class = 'churned'")} as churned_customers,
    ${countIf("class = 'reactivation'")} as reactivated_customers,
    count(distinct cid) filter (where class = 'churned' and at_start) as churned_at_start
  from ev group by segment, month
),
agg as (
  select coalesce(l.segment, m.segment) as segment, coalesce(l.seg_order, m.seg_order) as seg_order, coalesce(l.month, m.month) as month,
    coalesce(l.mrr_start, 0) as mrr_start, coalesce(l.mrr_end, 0) as mrr_end,
    coalesce(m.new, 0) as new, coalesce(m.expansion, 0) as expansion, coalesce(m.contraction, 0) as contraction,
    coalesce(m.churned, 0) as churned, coalesce(m.reactivation, 0) as reactivation,
    coalesce(l.customers_start, 0) as customers_start, coalesce(l.customers_end, 0) as customers_end,
    coalesce(m.new_customers, 0) as new_customers, coalesce(m.churned_customers, 0) as churned_customers,
    coalesce(m.reactivated_customers, 0) as reactivated_customers, coalesce(m.churned_at_start, 0) as churned_at_start
  from lvl l full join mvd m on l.segment is not distinct from m.segment and l.month = m.month
)`;
}

/**
 * One row per segment and month from `$from` to `$to`, then the segment's total (`month` NULL), segments in
 * the segment table's order, else by value, the missing value last. Binds `$from`, `$to`.
 */
export function mrrMovementsBySql(o: MrrMovementsBySqlOptions): string {
  const column = o.by?.kind === 'subscriptions' ? o.by.column : null;
  const segs =
    o.by === null
      ? 'select null::varchar as segment, null::integer as seg_order'
      : 'select segment, min(seg_order) as seg_order from agg group by segment';
  return `with ${monthCtes(o.source, column, o.tables)},
${MONTHS_THROUGH_TO},
${segmentCtes(o.by)},
${o.method === 'dated' ? datedMoves(o.source, o.by) : MONTH_END_MOVES},
segs as (${segs}),
per_month as (
  select g.segment, g.seg_order, g.month,
    coalesce(a.mrr_start, 0) as mrr_start, coalesce(a.mrr_end, 0) as mrr_end, coalesce(a.new, 0) as new, coalesce(a.expansion, 0) as expansion,
    coalesce(a.contraction, 0) as contraction, coalesce(a.churned, 0) as churned, coalesce(a.reactivation, 0) as reactivation,
    coalesce(a.customers_start, 0) as customers_start, coalesce(a.customers_end, 0) as customers_end,
    coalesce(a.new_customers, 0) as new_customers, coalesce(a.churned_customers, 0) as churned_customers,
    coalesce(a.reactivated_customers, 0) as reactivated_customers, coalesce(a.churned_at_start, 0) as churned_at_start
  from (select s.segment, s.seg_order, m.month from segs s cross join (${MONTHS_SQL}) m) g
  left join agg a on a.segment is not distinct from g.segment and a.month = g.month
),
rows as (
  select segment, month, min(seg_order) as seg_order, arg_min(mrr_start, month) as mrr_start, arg_max(mrr_end, month) as mrr_end,
    sum(new) as new, sum(expansion) as expansion, sum(contraction) as contraction, sum(churned) as churned, sum(reactivation) as reactivation,
    arg_min(customers_start, month) as customers_start, arg_max(customers_end, month) as customers_end,
    sum(customers_start) as customer_months, sum(mrr_start) as mrr_at_risk, count(*) filter (where customers_start > 0) as months_at_risk,
    sum(new_customers) as new_customers, sum(churned_customers) as churned_customers, sum(reactivated_customers) as reactivated_customers,
    sum(churned_at_start) as churned_at_start
  from per_month
  group by grouping sets ((segment, month), (segment))
)
select segment, month, mrr_start, new, expansion, contraction, churned, reactivation, mrr_end,
  customers_start, customers_end, customer_months, mrr_at_risk, months_at_risk, new_customers, churned_customers, reactivated_customers,
  churned_at_start, mrr_end - (mrr_start + new + expansion + reactivation - contraction - churned) as bridge_gap
from rows
order by seg_order nulls last, segment nulls last, month nulls last`;
}
