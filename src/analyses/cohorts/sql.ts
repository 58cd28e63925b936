/**
 * Pure SQL builder for cohort analysis. Nothing here runs a query: the period is a validated enum,
 * identifiers pass through `quoteIdentifier`, and values (`$asOf`, `$lastStart`, `$lastPartial`) are
 * bound by the caller.
 *
 * The statements, in steps:
 *   periods the one pass over the rows before `$asOf` (return rows dropped with `returns: 'ignore'`):
 *           customer × calendar period → active (any purchase row), net revenue, first purchase; return
 *           rows grouped apart by their moment (`return_at`), so a return before the customer's first
 *           purchase (of an earlier, unseen purchase) can be told without reading the rows again
 *   firsts  first purchase per customer; `attrs`: the attribute of the first purchase
 *   cust    cohort key, first period `p0`, and `m`: the last period index the customer contributes to
 *   cells   cohort × index: observed customers (those with `m >= k`), active, revenue (without the
 *           returns before the first purchase), then per-customer revenue, revenue retention and
 *           cumulative revenue per customer by window
 *   stats   customers with only returns, and the returns before a first purchase: from the periods table too
 */
import { quoteIdentifier, moneySum } from '../../sql.js';
import { keyword } from '../shared/validate.js';

/** Calendar period of cohorts and of the period index. */
export type CohortPeriod = 'month' | 'week' | 'quarter';

/** The calendar periods, in the order messages list them. */
export const COHORT_PERIODS: readonly CohortPeriod[] = ['month', 'week', 'quarter'];

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
  /** Temp table of customer × period aggregates. @defaultValue {@link PERIODS_TABLE} */
  periodsTable?: string;
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

/** Default name of the temp table of customer × calendar period aggregates ({@link cohortPeriodsSql}). */
export const PERIODS_TABLE = '_swb_cohort_periods';

/** The options these builders splice into SQL text, checked (they are public: a caller may pass anything). */
function check(o: CohortsSqlOptions): void {
  keyword('period', o.period, COHORT_PERIODS);
  keyword('returns', o.returns, ['net', 'ignore']);
}

const periodsTable = (o: CohortsSqlOptions): string => quoteIdentifier(o.periodsTable ?? PERIODS_TABLE);

const txSql = (o: CohortsSqlOptions, extra = ''): string => {
  const where = ['order_date < $asOf', o.returns === 'ignore' ? 'not coalesce(is_return, false)' : '']
    .filter(Boolean)
    .join(' and ');
  return `select customer_id, order_id, order_date, amount, coalesce(is_return, false) as is_return${extra}
  from ${quoteIdentifier(o.source)} where ${where}`;
};

/**
 * The one pass over all transactions: (re)creates {@link PERIODS_TABLE} with one row per customer ×
 * calendar period of purchases (any purchase in it, net revenue of its purchase rows as an exact decimal sum,
 * the first purchase moment) and one per customer × return moment (`return_at`, the return rows' net amount
 * and count), so the cells and the stats read this table only. Binds `$asOf`.
 */
export function cohortPeriodsSql(o: CohortsSqlOptions): string {
  check(o);
  return `create or replace temp table ${periodsTable(o)} as
select customer_id, date_trunc('${o.period}', order_date) as p,
  case when is_return then order_date end as return_at, bool_or(not is_return) as active,
  ${moneySum()} as revenue, min(order_date) filter (where not is_return) as first_purchase, count(*) as n
from (${txSql(o)})
group by all`;
}

/**
 * The query giving one row per cohort × period index from {@link PERIODS_TABLE}, ordered (time
 * cohorts by start, attribute cohorts by size then key). Binds `$asOf`, `$lastStart` (start of the
 * last observed period) and `$lastPartial` (true when `$asOf` falls before that period's end).
 * Return rows booked before a customer's first purchase are left out of every cell (those in its first
 * period are the only ones a cell would hold); an attribute of the first order reads the purchase rows again.
 */
export function cohortsSql(o: CohortsSqlOptions): string {
  check(o);
  const P = `'${o.period}'`;
  const attr = o.by?.from === 'transactions' ? quoteIdentifier(o.by.column) : undefined;
  const custJoin = o.by?.from === 'customers' ? `left join ${quoteIdentifier(o.by.table)} a using (customer_id)` : '';
  const attrCte = attr
    ? `attrs as (
  select customer_id, first(${attr}::varchar order by order_date, order_id, ${attr}::varchar nulls last) as attr
  from (${txSql(o, `, ${attr}`)}) where not is_return group by customer_id
),
`
    : '';
  const key = !o.by ? periodKeySql(o.period, 'f.p0') : attr ? 'x.attr' : `a.${quoteIdentifier(o.by.column)}::varchar`;
  const maxIndex = periodDiffSql(o.period, 'f.p0', '$lastStart');
  // The last index a customer contributes to. Attribute cohorts mix start periods, so each
  // customer's partial period is left out; time cohorts keep it (flagged) unless dropPartial.
  const last = o.by
    ? `${maxIndex} - ($lastPartial)::integer`
    : o.dropPartial
      ? `case when $lastPartial and ${maxIndex} >= 1 then ${maxIndex} - 1 else ${maxIndex} end`
      : maxIndex;
  const order = o.by ? 'size desc, cohort nulls last, k' : 'cohort_start, k';
  return `with firsts as (
  select customer_id, min(first_purchase) as first_order, date_trunc(${P}, min(first_purchase)) as p0
  from ${periodsTable(o)} group by customer_id having bool_or(active)
),
${attrCte}cust as (
  select f.customer_id, f.p0, f.first_order, ${key} as cohort, ${o.by ? 'null::timestamp' : 'f.p0'} as cohort_start,
    (${maxIndex})::integer as max_index, (${last})::integer as m
  from firsts f ${attr ? 'join attrs x using (customer_id)' : ''} ${custJoin}
),
cp as (
  select c.cohort, ${periodDiffSql(o.period, 'c.p0', 'g.p')}::integer as k, g.active, g.revenue, c.m
  from ${periodsTable(o)} g join cust c using (customer_id)
  where g.p >= c.p0 and (g.return_at is null or g.return_at >= c.first_order)
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
  select cohort, k, (count(*) filter (where active))::bigint as active, sum(revenue) as revenue
  from cp where k <= m group by all
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

/**
 * Customers with only returns, and return rows before a customer's first purchase (each with its net amount),
 * all from {@link PERIODS_TABLE}. Binds nothing.
 */
export function cohortStatsSql(o: CohortsSqlOptions): string {
  check(o);
  return `with c as (
  select customer_id, bool_or(active) as buyer, min(first_purchase) as first_order,
    ${moneySum('revenue')} as amount
  from ${periodsTable(o)} group by customer_id
),
e as (
  select sum(g.n) as n, ${moneySum('g.revenue')} as amount
  from ${periodsTable(o)} g join c using (customer_id)
  where c.buyer and g.return_at < c.first_order
)
select (select count(*) from c where not buyer) as returns_only,
  (select coalesce(sum(amount), 0)::double from c where not buyer) as returns_only_amount,
  (select coalesce(n, 0) from e) as early,
  (select coalesce(amount, 0)::double from e) as early_amount`;
}
