/**
 * Pure SQL builders for MRR movements. Nothing here runs a query: the table name passes through
 * `quoteIdentifier`, and `$first` (first month of the data), `$from` and `$to` (first and last month
 * reported; all first days of months) are bound by the caller.
 *
 * The statement, in steps:
 *   mm      customer × month-end MRR (paying.ts) from `$first`, so "paid before" sees all history
 *   firsts  the first month each customer pays
 *   pairs   customer × month: MRR at the end of the previous month (`prev`) and of this one (`cur`),
 *           for every month in which either is > 0
 *   moves   one class per pair: new, reactivation, expansion, contraction, churned or flat
 *   agg     per month (every month of the range, also empty ones), then one total row (grouping sets)
 * All money stays DECIMAL until the final cast, so the bridge adds up exactly; `bridge_gap` (per month
 * and in total) and `continuity_gap` (this month's start − last month's end) are 0 unless the SQL is wrong.
 */
import { quoteIdentifier } from '../../sql.js';
import { monthlyMrrSql } from './paying.js';
import { SUBSCRIPTIONS_TABLE } from './source.js';

/** Exact decimal type of MRR sums. */
export const MRR_DECIMAL = 'decimal(38, 4)';

/** SQL for the months from `$from` to `$to` (first days, DATE) as `months(month)`. */
export const MONTHS_SQL = `select cast(m as date) as month
  from range(cast($from as date), cast($to as date) + interval 1 day, interval 1 month) r(m)`;

/** The CTE `mm(customer_id, month, mrr)`: month-end MRR as exact DECIMAL (paying.ts), months `historyFrom`..`$to`. */
export function monthEndMrrCte(source: string, historyFrom: string): string {
  return `mm as materialized (
  select customer_id, month, cast(mrr as ${MRR_DECIMAL}) as mrr from (${monthlyMrrSql(historyFrom, '$to', quoteIdentifier(source))})
)`;
}

/**
 * `customer_id, month, prev, cur` from the CTE `mm` for every month from `$from` to `$to` in which the
 * customer pays at the end of the previous month or of this one (the missing side is 0). A full join of
 * the month ends with the previous month ends (twice as fast as grouping their union at 3M customer-months).
 */
export const PAIRS_SQL = `select coalesce(c.customer_id, p.customer_id) as customer_id, coalesce(c.month, p.month) as month,
    coalesce(p.mrr, cast(0 as ${MRR_DECIMAL})) as prev, coalesce(c.mrr, cast(0 as ${MRR_DECIMAL})) as cur
  from (select customer_id, month, mrr from mm where month between cast($from as date) and cast($to as date)) c
  full join (select customer_id, cast(month + interval 1 month as date) as month, mrr from mm
             where month + interval 1 month between cast($from as date) and cast($to as date)) p
    on c.customer_id = p.customer_id and c.month = p.month`;

const sumIf = (expr: string, cond: string): string => `coalesce(sum(${expr}) filter (where ${cond}), 0)`;
const countIf = (cond: string): string => `count(*) filter (where ${cond})`;

/**
 * One row per month from `$from` to `$to` plus a total row (`month` NULL, last): MRR at the start and end,
 * the five movement classes (all ≥ 0), customer counts, and the exact `bridge_gap` / `continuity_gap`.
 * Binds `$first`, `$from`, `$to`.
 */
export function mrrMovementsSql(source: string = SUBSCRIPTIONS_TABLE): string {
  return `with ${monthEndMrrCte(source, '$first')},
firsts as (select customer_id, min(month) as first_month from mm group by all),
moves as (
  select p.month, p.prev, p.cur,
    case when p.prev = 0 and f.first_month = p.month then 'new'
         when p.prev = 0 then 'reactivation'
         when p.cur = 0 then 'churned'
         when p.cur > p.prev then 'expansion'
         when p.cur < p.prev then 'contraction'
         else 'flat' end as class
  from (${PAIRS_SQL}) p join firsts f using (customer_id)
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
