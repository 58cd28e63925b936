/**
 * Pure SQL builder for customer and revenue churn per segment. Nothing here runs a query: tables and
 * columns pass through `quoteIdentifier`; `$from` and `$to` (first and last month, first days) are
 * bound by the caller.
 *
 * The statement, in steps:
 *   pm     customer × month: MRR at the month START (the end of the previous month): `prev`, and at its
 *          end: `cur` (0 when the customer stopped paying), with the value of a subscriptions column at
 *          the month start: on the subscriptions covering the previous month's last day, the one with the
 *          highest MRR (ties: the lowest value) (months-sql.ts; the cached table when given)
 *   risk   the rows of the range with `prev` > 0, and the reactivations (`prev` = 0, `cur` > 0, paid at an
 *          earlier month end), with the segment: the subscriptions column's value at the month start (a
 *          reactivation: at the month end), the customer's value in a per-customer table, or an event
 *          attribute's value at the month start (event-segments-sql.ts: the latest event at or before it)
 *   result per segment, then one total row (`is_total`): customer-months at risk, months with anyone at risk, churned customers,
 *          MRR at risk, churned MRR, contraction, expansion and reactivation, as exact DECIMAL sums
 */
import { quoteIdentifier } from '../../sql.js';
import { keyword } from '../shared/validate.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { monthCtes, MONTHS_THROUGH_TO, MRR_DECIMAL, type MonthTables } from './months-sql.js';
import { eventSegmentCte, segmentAtMonthStartJoin, type EventAttribute } from './event-segments-sql.js';

/** What {@link subscriptionChurnSql} needs: the subscriptions table and the resolved segment source. */
export interface SubscriptionChurnSqlOptions {
  /** Subscriptions table. */
  source: string;
  /** Where each customer's segment comes from. */
  by: ResolvedChurnBy;
  /** The cached month tables of `source` (built with the `by` column when it is a subscriptions column); inline when absent. */
  tables?: MonthTables;
}

const sumIf = (expr: string, cond: string): string =>
  `coalesce(sum(${expr}) filter (where ${cond}), cast(0 as ${MRR_DECIMAL}))`;

/**
 * The rows of each segment: the customers at risk (paying at the month start) and those returning (paying
 * at the month end after a month end without paying, having paid before), with the segment: the
 * subscriptions column's value at the month start, for a returning customer at the month end (the value
 * they return on), a per-customer table's value, or an event attribute's value at the month start.
 */
function riskSql(o: SubscriptionChurnSqlOptions): string {
  const range =
    '(r.prev > 0 or (r.cur > 0 and r.first_month < r.month)) and r.month between cast($from as date) and cast($to as date)';
  if (o.by.kind === 'subscriptions') {
    return `select r.cid, r.month, r.prev, r.cur, case when r.prev > 0 then r.seg_start else r.seg_end end as segment, null::integer as seg_order
  from pmx r where ${range}`;
  }
  if (o.by.kind === 'events') {
    return `select r.cid, r.month, r.prev, r.cur, evs.segment, null::integer as seg_order
  from pmx r ${segmentAtMonthStartJoin('r')} where ${range}`;
  }
  const order = o.by.orderColumn ? `t.${quoteIdentifier(o.by.orderColumn)}` : 'null';
  return `select r.cid, r.month, r.prev, r.cur, seg.segment, seg.seg_order
  from pmx r left join (
    select c.cid, t.${quoteIdentifier(o.by.column)}::varchar as segment, ${order} as seg_order
    from cust c join ${quoteIdentifier(o.by.table)} t on t.customer_id = c.customer_id) seg on seg.cid = r.cid
  where ${range}`;
}

/**
 * One row per segment (ordered by the segment table's order when it has one, then by value, the
 * missing value last) and a total row last. Binds `$from`, `$to`.
 */
export function subscriptionChurnSql(o: SubscriptionChurnSqlOptions): string {
  keyword('by.kind', o.by.kind, ['subscriptions', 'table', 'events']);
  const column = o.by.kind === 'subscriptions' ? o.by.column : null;
  const evb = o.by.kind === 'events' ? `${eventSegmentCte(o.by.table, o.by.column as EventAttribute)},\n` : '';
  return `with ${monthCtes(o.source, column, o.tables)},
${MONTHS_THROUGH_TO},
${evb}risk as (${riskSql(o)})
select segment, grouping(segment) = 1 as is_total, min(seg_order) as seg_order,
  count(*) filter (where prev > 0) as customer_months, count(distinct month) filter (where prev > 0) as months_at_risk,
  count(distinct cid) filter (where prev > 0) as customers, count(*) filter (where prev > 0 and cur = 0) as churned_customers,
  coalesce(sum(prev), cast(0 as ${MRR_DECIMAL})) as mrr_at_risk, ${sumIf('prev', 'prev > 0 and cur = 0')} as churned_mrr,
  ${sumIf('prev - cur', 'cur > 0 and cur < prev')} as contraction, ${sumIf('cur - prev', 'prev > 0 and cur > prev')} as expansion,
  ${sumIf('cur', 'prev = 0')} as reactivation
from risk
group by grouping sets ((segment), ())
order by is_total, seg_order nulls last, segment nulls last`;
}
