/**
 * Pure SQL builder for subscription cohorts. Nothing here runs a query: the table passes through
 * `quoteIdentifier`; `$first` (first month of the data), `$from`, `$to` (first and last cohort month;
 * `$to` also ends observation) are bound by the caller.
 *
 * The statement, in steps:
 *   mm     customer × month-end MRR (paying.ts) from `$first`, so a cohort is the first month ever paid
 *   firsts cohort month per customer (the first month-end at which they pay), kept when in the range
 *   grid   cohort × month offset 0 .. (months to `$to`), so months without any payer are rows too
 *   cells  paying customers and MRR (exact DECIMAL) per cell; shares of month 0; cumulative MRR per customer
 */
import { periodKeySql } from '../cohorts/sql.js';
import { monthEndMrrCte } from './movements-sql.js';
import { SUBSCRIPTIONS_TABLE } from './source.js';

/**
 * One row per cohort × month offset, cohorts by start, offsets ascending: `cohort` ('2024-01'),
 * `cohort_start`, `k`, `size`, `active` (paying at the end of month k), `mrr`, `retention`,
 * `mrr_per_customer`, `mrr_retention` (MRR ÷ month-0 MRR), `cumulative_mrr_per_customer`, and the exact sums
 * `cohort_mrr` (over the cohort's cells) and `total_mrr` (over all cells).
 * Binds `$first`, `$from`, `$to`.
 */
export function subscriptionCohortsSql(source: string = SUBSCRIPTIONS_TABLE): string {
  return `with ${monthEndMrrCte(source, '$first')},
firsts as (
  select customer_id, min(month) as cohort_start from mm group by all
  having min(month) between cast($from as date) and cast($to as date)
),
sizes as (select cohort_start, count(*) as size from firsts group by all),
grid as (
  select cohort_start, size, unnest(range(0, date_diff('month', cohort_start, cast($to as date)) + 1)) as k from sizes
),
agg as (
  select f.cohort_start, date_diff('month', f.cohort_start, mm.month) as k, count(*) as active, sum(mm.mrr) as mrr
  from mm join firsts f using (customer_id) group by all
),
cells as (
  select g.cohort_start, g.k, g.size, coalesce(a.active, 0) as active, coalesce(a.mrr, 0) as mrr
  from grid g left join agg a on a.cohort_start = g.cohort_start and a.k = g.k
)
select ${periodKeySql('month', 'cohort_start')} as cohort, cohort_start, k, size, active, mrr::double as mrr,
  active / size as retention, (mrr / size)::double as mrr_per_customer,
  (mrr / max(case when k = 0 then mrr end) over (partition by cohort_start))::double as mrr_retention,
  (sum(mrr) over (partition by cohort_start order by k rows between unbounded preceding and current row) / size)::double as cumulative_mrr_per_customer,
  sum(mrr) over (partition by cohort_start)::double as cohort_mrr, sum(mrr) over ()::double as total_mrr
from cells
order by cohort_start, k`;
}
