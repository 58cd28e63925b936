/**
 * Pure SQL builder for customer and revenue churn per segment. Nothing here runs a query: tables and
 * columns pass through `quoteIdentifier`; `$from` and `$to` (first and last month, first days) are
 * bound by the caller.
 *
 * The statement, in steps:
 *   mm     customer × month-end MRR (paying.ts) from the month before `$from`
 *   risk   customer × month with MRR > 0 at the month START (the end of the previous month): `prev`,
 *          and at its end: `cur` (0 when the customer stopped paying)
 *   seg    the customer's segment at the month start: for a subscriptions column, the value on the
 *          subscriptions covering the previous month's last day with the highest MRR (ties: the lowest
 *          value); for a per-customer table, its value
 *   result per segment, then one total row (`is_total`): customer-months at risk, months with anyone at risk, churned customers,
 *          MRR at risk, churned MRR, contraction and expansion, as exact DECIMAL sums
 */
import { quoteIdentifier } from '../../sql.js';
import { keyword } from '../shared/validate.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { monthEndMrrCte, MRR_DECIMAL, PAIRS_SQL } from './movements-sql.js';

/** What {@link subscriptionChurnSql} needs: the subscriptions table and the resolved segment source. */
export interface SubscriptionChurnSqlOptions {
  /** Subscriptions table. */
  source: string;
  /** Where each customer's segment comes from. */
  by: ResolvedChurnBy;
}

const sumIf = (expr: string, cond: string): string => `coalesce(sum(${expr}) filter (where ${cond}), cast(0 as ${MRR_DECIMAL}))`;

/** The CTE `seg(customer_id, month, segment, seg_order)`: the segment at the start of each month. */
function segmentCte(o: SubscriptionChurnSqlOptions): string {
  const col = quoteIdentifier(o.by.column);
  if (o.by.kind === 'table') {
    const order = o.by.orderColumn ? quoteIdentifier(o.by.orderColumn) : 'null';
    return `seg as (select customer_id, null::date as month, ${col}::varchar as segment, ${order} as seg_order from ${quoteIdentifier(o.by.table)})`;
  }
  // The covering rule of paying.ts, at the last day before each month start.
  return `seg as (
  select customer_id, month, first(segment order by seg_mrr desc, segment nulls last) as segment, null::integer as seg_order from (
    select s.customer_id, starts.month, s.${col}::varchar as segment, sum(s.mrr) as seg_mrr
    from (select cast(m as date) as month, cast(m - interval 1 day as date) as before
          from range(cast($from as date), cast($to as date) + interval 1 day, interval 1 month) r(m)) starts
    join ${quoteIdentifier(o.source)} s on s.start_date <= starts.before and (s.end_date is null or s.end_date > starts.before)
    group by all)
  group by all
)`;
}

/**
 * One row per segment (ordered by the segment table's order when it has one, then by value, the
 * missing value last) and a total row last. Binds `$from`, `$to`.
 */
export function subscriptionChurnSql(o: SubscriptionChurnSqlOptions): string {
  keyword('by.kind', o.by.kind, ['subscriptions', 'table']);
  const join = o.by.kind === 'table' ? 'seg.customer_id = r.customer_id' : 'seg.customer_id = r.customer_id and seg.month = r.month';
  return `with ${monthEndMrrCte(o.source, 'cast(cast($from as date) - interval 1 month as date)')},
${segmentCte(o)},
risk as (
  select r.customer_id, r.month, r.prev, r.cur, seg.segment, seg.seg_order
  from (${PAIRS_SQL}) r left join seg on ${join}
  where r.prev > 0
)
select segment, grouping(segment) = 1 as is_total, min(seg_order) as seg_order,
  count(*) as customer_months, count(distinct month) as months_at_risk, count(distinct customer_id) as customers, count(*) filter (where cur = 0) as churned_customers,
  coalesce(sum(prev), cast(0 as ${MRR_DECIMAL})) as mrr_at_risk, ${sumIf('prev', 'cur = 0')} as churned_mrr,
  ${sumIf('prev - cur', 'cur > 0 and cur < prev')} as contraction, ${sumIf('cur - prev', 'cur > prev')} as expansion
from risk
group by grouping sets ((segment), ())
order by is_total, seg_order nulls last, segment nulls last`;
}
