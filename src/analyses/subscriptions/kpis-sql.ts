/**
 * Pure SQL builders of the subscription KPIs that the MRR bridge does not give: revenue retention over
 * `$n` months and trial → paid conversion. Nothing here runs a query: tables and columns pass through
 * `quoteIdentifier`; `$from`, `$to` (first and last month, first days), `$n` (months) and `$days` are
 * bound by the caller.
 *
 * Retention, per month m of the range: the customers paying at the end of month m − n (the base), with
 * their segment THEN (a subscriptions column's value at that month end, or a per-customer table's value),
 * and what they pay at the end of m: NRR = Σ MRR at m ÷ Σ MRR at m − n (expansion counts, new customers do
 * not); GRR = Σ min(MRR at m, MRR at m − n) ÷ the same base (only losses count). With `$n` = 1 the base's
 * customers who pay nothing at the end of m (`lost`) ÷ the base is the month's customer churn, in the segment
 * each customer had at the month start.
 *
 * Trials: a customer's trial is their first period with MRR 0 that starts before they first pay; it
 * converts when the customer's first paid period starts within `$days` days of the trial's start. A trial
 * whose window runs past the data's last date is pending (neither converted nor lost).
 */
import { quoteIdentifier } from '../../sql.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { monthCtes, MONTHS_THROUGH_TO, MRR_DECIMAL, type MonthTables } from './months-sql.js';

/** What the KPI builders need. */
export interface KpiSqlOptions {
  /** Subscriptions table. */
  source: string;
  /** Where each customer's segment comes from; null: no segments (every row's segment NULL). */
  by: ResolvedChurnBy | null;
  /** The cached month tables (built with the `by` column when it is a subscriptions column); inline when absent. */
  tables?: MonthTables;
}

/** The per-customer table's values as `segc(cid, segment)`, for a `by` of kind table. */
function segcSql(by: ResolvedChurnBy): string {
  return `select c.cid, t.${quoteIdentifier(by.column)}::varchar as segment from cust c join ${quoteIdentifier(by.table)} t on t.customer_id = c.customer_id`;
}

/**
 * Rows `segment, is_total, month, customers, lost, base, kept, kept_gross` per segment and month of the range, then
 * per month for all (`is_total`), months with no base left out. Binds `$from`, `$to`, `$n`.
 */
export function retentionSql(o: KpiSqlOptions): string {
  const column = o.by?.kind === 'subscriptions' ? o.by.column : null;
  const table = o.by?.kind === 'table';
  const segment = o.by === null ? 'null::varchar' : table ? 's.segment' : 'r.seg_end';
  return `with ${monthCtes(o.source, column, o.tables)},
${MONTHS_THROUGH_TO},
${table && o.by ? `segc as (${segcSql(o.by)}),` : ''}
base as (
  select r.cid, r.month as base_month, r.cur as base, ${segment} as segment
  from pmx r ${table ? 'left join segc s on s.cid = r.cid' : ''}
  where r.cur > 0 and r.month between cast(cast($from as date) - to_months($n) as date) and cast(cast($to as date) - to_months($n) as date)
),
pairs as (
  select b.segment, cast(b.base_month + to_months($n) as date) as month, b.base, coalesce(l.cur, 0) as later
  from base b left join pmx l on l.cid = b.cid and l.month = cast(b.base_month + to_months($n) as date)
)
select segment, grouping(segment) = 1 as is_total, month, count(*) as customers, count(*) filter (where later = 0) as lost,
  cast(sum(base) as ${MRR_DECIMAL}) as base, cast(sum(later) as ${MRR_DECIMAL}) as kept, cast(sum(least(later, base)) as ${MRR_DECIMAL}) as kept_gross
from pairs
group by grouping sets ((segment, month), (month))
order by is_total, segment nulls last, month`;
}

/**
 * Rows `segment, is_total, month, trials, converted, pending` per segment and trial-start month of the range,
 * then per month for all (`is_total`). Binds `$from`, `$to`, `$days`.
 */
export function trialsSql(o: Omit<KpiSqlOptions, 'tables'>): string {
  const s = quoteIdentifier(o.source);
  const seg = o.by?.kind === 'subscriptions' ? `${quoteIdentifier(o.by.column)}::varchar` : 'null::varchar';
  const table = o.by?.kind === 'table' ? o.by : null;
  return `with periods as (
  select customer_id, start_date, mrr, ${seg} as segment from ${s} where customer_id is not null
),
last_day as (select greatest(max(start_date), coalesce(max(end_date), max(start_date))) as d from ${s}),
paid as (select customer_id, min(start_date) as first_paid from periods where mrr > 0 group by customer_id),
trials as (
  select t.customer_id, min(t.start_date) as trial_start, arg_min(t.segment, t.start_date) as segment, min(p.first_paid) as first_paid
  from periods t left join paid p using (customer_id)
  where t.mrr = 0 and (p.first_paid is null or t.start_date < p.first_paid)
  group by t.customer_id
),
classed as (
  select ${table ? `x.${quoteIdentifier(table.column)}::varchar` : 't.segment'} as segment, cast(date_trunc('month', t.trial_start) as date) as month,
    t.first_paid is not null and t.first_paid < t.trial_start + to_days(cast($days as integer)) as converted,
    t.trial_start + to_days(cast($days as integer)) > (select d from last_day) as open_window
  from trials t ${table ? `left join ${quoteIdentifier(table.table)} x on x.customer_id = t.customer_id` : ''}
  where t.trial_start >= cast($from as date) and t.trial_start < cast($to as date) + interval 1 month
)
select segment, grouping(segment) = 1 as is_total, month, count(*) as trials,
  count(*) filter (where converted) as converted, count(*) filter (where not converted and open_window) as pending
from classed
group by grouping sets ((segment, month), (month))
order by is_total, segment nulls last, month`;
}
