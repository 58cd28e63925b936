/**
 * Pure SQL builder for cohort analysis. Nothing here runs a query: the period is a validated enum,
 * identifiers pass through `quoteIdentifier`, and values (`$asOf`, `$lastStart`, `$lastPartial`) are
 * bound by the caller.
 *
 * The statement, in steps:
 *   tx     rows before `$asOf` (return rows dropped with `returns: 'ignore'`)
 *   firsts first purchase (non-return row) per customer, and the attribute of that first order
 *   cust   cohort key, first period `p0`, and `m`: the last period index the customer contributes to
 *   cp     customer × period index: active (any purchase row), net revenue (exact decimal sum);
 *          rows before the first purchase (returns of earlier, unseen purchases) are left out
 *   cells  cohort × index: observed customers (those with `m >= k`), active, revenue, then
 *          per-customer revenue, revenue retention and cumulative revenue per customer by window
 */
import { quoteIdentifier } from '../sql.js';

/** Calendar period of cohorts and of the period index. */
export type CohortPeriod = 'month' | 'week' | 'quarter';

/** What {@link cohortsSql} needs: everything validated and defaulted. */
export interface CohortsSqlOptions {
  /** Transactions table. */
  source: string;
  /** Period grain. */
  period: CohortPeriod;
  /** Attribute column, or undefined for cohorts by first period. */
  by?: { column: string; from: 'transactions' | 'customers'; table: string };
  /** `'ignore'` leaves return rows out entirely. */
  returns: 'net' | 'ignore';
  /** Drop partly observed cells with index ≥ 1 (time cohorts). */
  dropPartial: boolean;
}

/** Number of whole periods from period start `a` to period start `b` (both already truncated). */
export function periodDiffSql(period: CohortPeriod, a: string, b: string): string {
  if (period === 'week') return `(date_diff('day', ${a}, ${b}) // 7)`;
  const months = `((year(${b}) - year(${a})) * 12 + month(${b}) - month(${a}))`;
  return period === 'month' ? months : `(${months} // 3)`;
}

/** Label of a period start: `2010-12`, `2020-W53` (ISO week), `2011-Q1`. */
export function periodKeySql(period: CohortPeriod, start: string): string {
  if (period === 'week') return `strftime(${start}, '%G-W%V')`;
  if (period === 'month') return `strftime(${start}, '%Y-%m')`;
  return `(year(${start})::varchar || '-Q' || quarter(${start})::varchar)`;
}

/**
 * The query giving one row per cohort × period index, ordered (time cohorts by start, attribute
 * cohorts by size then key). Binds `$asOf`, `$lastStart` (start of the last observed period) and
 * `$lastPartial` (true when `$asOf` falls before that period's end).
 */
export function cohortsSql(o: CohortsSqlOptions): string {
  const P = `'${o.period}'`;
  const attr = o.by?.from === 'transactions' ? quoteIdentifier(o.by.column) : undefined;
  const where = ['order_date < $asOf', o.returns === 'ignore' ? 'not coalesce(is_return, false)' : ''].filter(Boolean).join(' and ');
  const firstAttr = attr ? `, first(${attr}::varchar order by order_date, order_id, ${attr}::varchar nulls last) as attr` : '';
  const custJoin = o.by?.from === 'customers' ? `left join ${quoteIdentifier(o.by.table)} a using (customer_id)` : '';
  const key = !o.by ? periodKeySql(o.period, `date_trunc(${P}, f.first_order)`)
    : o.by.from === 'transactions' ? 'f.attr' : `a.${quoteIdentifier(o.by.column)}::varchar`;
  const maxIndex = periodDiffSql(o.period, `date_trunc(${P}, f.first_order)`, '$lastStart');
  // The last index a customer contributes to. Attribute cohorts mix start periods, so each
  // customer's partial period is left out; time cohorts keep it (flagged) unless dropPartial.
  const last = o.by
    ? `${maxIndex} - ($lastPartial)::integer`
    : o.dropPartial ? `case when $lastPartial and ${maxIndex} >= 1 then ${maxIndex} - 1 else ${maxIndex} end` : maxIndex;
  const order = o.by ? 'size desc, cohort nulls last, k' : 'cohort_start, k';
  return `with tx as (
  select customer_id, order_id, order_date, amount, coalesce(is_return, false) as is_return${attr ? `, ${attr}` : ''}
  from ${quoteIdentifier(o.source)} where ${where}
),
firsts as (
  select customer_id, min(order_date) as first_order${firstAttr}
  from tx where not is_return group by customer_id
),
cust as (
  select f.customer_id, f.first_order, date_trunc(${P}, f.first_order) as p0, ${key} as cohort,
    ${o.by ? 'null::timestamp' : `date_trunc(${P}, f.first_order)`} as cohort_start,
    (${maxIndex})::integer as max_index, (${last})::integer as m
  from firsts f ${custJoin}
),
cp as (
  select t.customer_id, ${periodDiffSql(o.period, 'c.p0', `date_trunc(${P}, t.order_date)`)}::integer as k,
    bool_or(not t.is_return) as active, sum(cast(t.amount as decimal(18, 6))) as revenue
  from tx t join cust c using (customer_id)
  where t.order_date >= c.first_order
  group by all
),
sizes as (
  select cohort, min(cohort_start) as cohort_start, count(*)::bigint as size, max(max_index) as max_index from cust group by cohort
),
observed as (
  select cohort, k, sum(n)::bigint as observed
  from (select cohort, unnest(range(m + 1)) as k, n from (select cohort, m, count(*) as n from cust where m >= 0 group by all))
  group by all
),
agg as (
  select c.cohort, cp.k, (count(*) filter (where cp.active))::bigint as active, sum(cp.revenue) as revenue
  from cp join cust c using (customer_id)
  where cp.k <= c.m
  group by all
),
cells as (
  select o.cohort, s.cohort_start, o.k, s.size, o.observed, coalesce(a.active, 0)::bigint as active,
    coalesce(a.revenue, 0)::double as revenue,
    ${o.by ? 'false' : '($lastPartial and o.k = s.max_index)'} as partial
  from observed o join sizes s on s.cohort is not distinct from o.cohort
  left join agg a on a.cohort is not distinct from o.cohort and a.k = o.k
)
select cohort, cohort_start, k, size, observed, active, active / observed as retention, revenue,
  revenue / observed as revenue_per_customer,
  (revenue / observed) / max(case when k = 0 then revenue / observed end) over (partition by cohort) as revenue_retention,
  sum(revenue / observed) over (partition by cohort order by k rows between unbounded preceding and current row) as cumulative_revenue_per_customer,
  partial
from cells
order by ${order}`;
}
