/**
 * Pure SQL builders for MRR movements. Nothing here runs a query: the table name passes through
 * `quoteIdentifier`, and `$from` and `$to` (first and last month reported; first days of months) are
 * bound by the caller.
 *
 * The statement, in steps:
 *   pm      customer × month: MRR at the end of the previous month (`prev`) and of this one (`cur`) for
 *           every month in which either is > 0, and the first month the customer ever pays (months-sql.ts;
 *           the cached table when given), so "paid before" sees all history
 *   moves   one class per row of the range: new, reactivation, expansion, contraction, churned or flat
 *   agg     per month (every month of the range, also empty ones), then one total row (grouping sets)
 * All money stays DECIMAL until the final cast, so the bridge adds up exactly; `bridge_gap` (per month
 * and in total) and `continuity_gap` (this month's start − last month's end) are 0 unless the SQL is wrong.
 */
import { monthCtes, MONTHS_THROUGH_TO, type MonthTables } from './months-sql.js';
import { SUBSCRIPTIONS_TABLE } from './source.js';

export { MRR_DECIMAL } from './months-sql.js';

/** SQL for the months from `$from` to `$to` (first days, DATE) as `months(month)`. */
export const MONTHS_SQL = `select cast(m as date) as month
  from range(cast($from as date), cast($to as date) + interval 1 day, interval 1 month) r(m)`;

const sumIf = (expr: string, cond: string): string => `coalesce(sum(${expr}) filter (where ${cond}), 0)`;
const countIf = (cond: string): string => `count(*) filter (where ${cond})`;

/**
 * One row per month from `$from` to `$to` plus a total row (`month` NULL, last): MRR at the start and end,
 * the five movement classes (all ≥ 0), customer counts, and the exact `bridge_gap` / `continuity_gap`.
 * Reads the cached month `tables` when given, else builds the months from `source`. Binds `$from`, `$to`.
 */
export function mrrMovementsSql(source: string = SUBSCRIPTIONS_TABLE, tables?: MonthTables): string {
  return `with ${monthCtes(source, null, tables)},
${MONTHS_THROUGH_TO},
moves as (
  select month, prev, cur,
    case when prev = 0 and first_month = month then 'new'
         when prev = 0 then 'reactivation'
         when cur = 0 then 'churned'
         when cur > prev then 'expansion'
         when cur < prev then 'contraction'
         else 'flat' end as class
  from pmx where month between cast($from as date) and cast($to as date)
),
per_month as (
  select months.month,
    ${sumIf('prev', 'prev > 0')} as mrr_start, ${sumIf('cur', 'cur > 0')} as mrr_end,
    ${sumIf('cur', "class = 'new'")} as new, ${sumIf('cur - prev', "class = 'expansion'")} as expansion,
    ${sumIf('prev - cur', "class = 'contraction'")} as contraction, ${sumIf('prev', "class = 'churned'")} as churned,
    ${sumIf('cur', "class = 'reactivation'")} as reactivation,
    ${countIf('prev > 0')} as customers_start, ${countIf('cur > 0')} as customers_end,
    ${countIf("class = 'new'")} as new_customers, ${countIf("class = 'churned'")} as churned_customers,
    ${countIf("class = 'reactivation'")} as reactivated_customers
  from (${MONTHS_SQL}) months left join moves using (month)
  group by months.month
),
rows as (
  select month, arg_min(mrr_start, month) as mrr_start, arg_max(mrr_end, month) as mrr_end,
    sum(new) as new, sum(expansion) as expansion, sum(contraction) as contraction, sum(churned) as churned, sum(reactivation) as reactivation,
    arg_min(customers_start, month) as customers_start, arg_max(customers_end, month) as customers_end,
    sum(customers_start) as customer_months, sum(mrr_start) as mrr_at_risk,
    sum(new_customers) as new_customers, sum(churned_customers) as churned_customers, sum(reactivated_customers) as reactivated_customers,
    max(abs(mrr_start - coalesce(prev_end, mrr_start))) as continuity_gap
  from (select *, lag(mrr_end) over (order by month) as prev_end from per_month)
  group by grouping sets ((month), ())
)
select month, mrr_start, new, expansion, contraction, churned, reactivation, mrr_end,
  customers_start, customers_end, customer_months, mrr_at_risk, new_customers, churned_customers, reactivated_customers,
  mrr_end - (mrr_start + new + expansion + reactivation - contraction - churned) as bridge_gap, continuity_gap
from rows
order by month nulls last`;
}
