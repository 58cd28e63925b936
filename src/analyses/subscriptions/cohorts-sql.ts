/**
 * Pure SQL builder for subscription cohorts. Nothing here runs a query: the table passes through
 * `quoteIdentifier`; `$from`, `$to` (first and last cohort month; `$to` also ends observation) are bound
 * by the caller.
 *
 * The statement, in steps:
 *   pm     customer × month with the month-end MRR (`cur`, paying.ts) and the first month the customer
 *          ever pays, the cohort (months-sql.ts; the cached table when given)
 *   agg    paying customers and MRR (exact DECIMAL) per cohort of the range and month offset up to `$to`;
 *          month 0 holds every customer of the cohort, so it gives the cohort's size
 *   grid   cohort × month offset 0 .. (months to `$to`), so months without any payer are rows too
 *   cells  shares of month 0; cumulative MRR per customer
 * With a segment (`by`), every step per segment too: a customer's segment is the value they start paying on
 * (a subscriptions column at the end of their first paying month) or their value in a per-customer table.
 */
import { periodKeySql } from '../cohorts/sql.js';
import { quoteIdentifier } from '../../sql.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { monthCtes, MONTHS_THROUGH_TO, type MonthTables } from './months-sql.js';
import { SUBSCRIPTIONS_TABLE } from './source.js';

/**
 * One row per cohort × month offset, cohorts by start, offsets ascending: `cohort` ('2024-01'),
 * `cohort_start`, `k`, `size`, `active` (paying at the end of month k), `mrr`, `retention`,
 * `mrr_per_customer`, `mrr_retention` (MRR ÷ month-0 MRR), `cumulative_mrr_per_customer`, and the exact sums
 * `cohort_mrr` (over the cohort's cells) and `total_mrr` (over all cells).
 * Reads the cached month `tables` when given, else builds the months from `source`. Binds `$from`, `$to`.
 */
export function subscriptionCohortsSql(
  source: string = SUBSCRIPTIONS_TABLE,
  tables?: MonthTables,
  by: ResolvedChurnBy | null = null,
): string {
  const segment =
    by === null
      ? 'select cid, null::varchar as segment from pmx where false'
      : by.kind === 'subscriptions'
        ? 'select cid, seg_end as segment from pmx where month = first_month and cur > 0'
        : `select c.cid, t.${quoteIdentifier(by.column)}::varchar as segment from cust c join ${quoteIdentifier(by.table)} t on t.customer_id = c.customer_id`;
  return `with ${monthCtes(source, by?.kind === 'subscriptions' ? by.column : null, tables)},
${MONTHS_THROUGH_TO},
segs as (${segment}),
agg as (
  select s.segment, first_month as cohort_start, date_diff('month', first_month, month) as k, count(*) as active, sum(cur) as mrr
  from pmx left join segs s using (cid) where cur > 0 and first_month between cast($from as date) and cast($to as date)
  group by all
),
sizes as (select segment, cohort_start, active as size from agg where k = 0),
grid as (
  select segment, cohort_start, size, unnest(range(0, date_diff('month', cohort_start, cast($to as date)) + 1)) as k from sizes
),
cells as (
  select g.segment, g.cohort_start, g.k, g.size, coalesce(a.active, 0) as active, coalesce(a.mrr, 0) as mrr
  from grid g left join agg a on a.segment is not distinct from g.segment and a.cohort_start = g.cohort_start and a.k = g.k
)
select segment, ${periodKeySql('month', 'cohort_start')} as cohort, cohort_start, k, size, active, mrr::double as mrr,
  active / size as retention, (mrr / size)::double as mrr_per_customer,
  (mrr / max(case when k = 0 then mrr end) over (partition by segment, cohort_start))::double as mrr_retention,
  (sum(mrr) over (partition by segment, cohort_start order by k rows between unbounded preceding and current row) / size)::double as cumulative_mrr_per_customer,
  sum(mrr) over (partition by segment, cohort_start)::double as cohort_mrr, sum(mrr) over (partition by segment)::double as total_mrr
from cells
order by segment nulls last, cohort_start, k`;
}
