/**
 * Pure SQL builders of the trends analysis. Nothing here runs a query: the number of dates and the point
 * index are validated integers, identifiers pass through `quoteIdentifier`, and every date is a bound
 * parameter (`$d<i>` the as-of moment of point i, `$w<i>` the start of its window).
 *
 * The steps, in order (the caller runs them):
 *   aggregate  one pass over the transactions before the last date, summed per order line moment (customer,
 *              order, timestamp, return flag: exact decimal sums, so nothing changes but the row count) and
 *              joined to the dates: per point × buyer the measures RFM reads (`CUSTOMER_MEASURES`, so the
 *              same orders, net revenue, first and last purchase as `rfm()`), plus the window's net revenue
 *   per point  a view of one point's rows, scored by RFM's own `rfmSql` (the same quantile tie rule and
 *              segment map) and cut into value tiers by the shared top-share rule; the keys go to `members`
 *   figures    one query over `members` × aggregate: customers, window revenue (sum and sum of squares,
 *              for the interval of the mean) and customers with two or more orders, per point × segment
 */
import { moneySum, numberLiteral, quoteIdentifier } from '../../sql.js';
import { CUSTOMER_MEASURES } from '../shared/customer-aggregate.js';
import { revenueRankShareSql, withinTopShareSql } from '../shared/top-share.js';
import { keyword, wholeNumber } from '../shared/validate.js';

/** Calendar step between two points of a trend. */
export type TrendPeriod = 'month' | 'quarter';

/** The steps, in the order messages list them. */
export const TREND_PERIODS: readonly TrendPeriod[] = ['month', 'quarter'];

/** Most points a trend has. */
export const MAX_POINTS = 60;

/** What {@link trendAggregateSql} needs: everything validated. */
export interface TrendAggregateSqlOptions {
  /** Transactions table. */
  source: string;
  /** Temp table (re)created with one row per point × buyer. */
  table: string;
  /** Number of points (dates `$d0` … and window starts `$w0` … are bound). */
  points: number;
  /** `'net'`: returns subtract from revenue; `'ignore'`: return rows are left out. */
  returns: 'net' | 'ignore';
}

/** `values ($d0, $w0, 0), …`: the dates relation `(as_of, window_start, i)`. Pure. */
export function trendDatesSql(points: number): string {
  wholeNumber('points', points, 1, MAX_POINTS);
  const rows = Array.from({ length: points }, (_, i) => `($d${i}::timestamp, $w${i}::timestamp, ${i})`);
  return `select * from (values ${rows.join(', ')}) dates(as_of, window_start, i)`;
}

/**
 * The one pass: (re)creates `table` with, per point i and buyer before its date, `frequency, monetary,
 * first_order, last_order` (RFM's measures, rows with a NULL customer left out as the shared aggregate
 * does), `window_revenue`, the exact net revenue in `[window_start, as_of)`, and `came_back`: a purchase in the
 * window by a customer who had bought before it. Binds `$d<i>`, `$w<i>`.
 */
export function trendAggregateSql(o: TrendAggregateSqlOptions): string {
  keyword('returns', o.returns, ['net', 'ignore']);
  const last = `(select max(as_of) from dates)`;
  const where = [
    'customer_id is not null',
    `order_date < ${last}`,
    o.returns === 'ignore' ? 'not coalesce(is_return, false)' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const measures = Object.entries(CUSTOMER_MEASURES).map(([name, sql]) => `${sql} as ${name}`);
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with dates as (${trendDatesSql(o.points)}),
tx as (
  select customer_id, order_id, order_date, coalesce(is_return, false) as is_return, ${moneySum()} as amount
  from ${quoteIdentifier(o.source)} where ${where}
  group by all
)
select d.i, tx.customer_id,
  ${measures.join(',\n  ')},
  coalesce(${moneySum()} filter (where order_date >= d.window_start), 0) as window_revenue,
  coalesce(bool_or(not is_return and order_date >= d.window_start), false)
    and min(order_date) filter (where not is_return) < d.window_start as came_back
from tx join dates d on tx.order_date < d.as_of
group by d.i, d.window_start, tx.customer_id
having count(*) filter (where not is_return) > 0`;
}

/** The view of one point's buyers, in the columns of the shared per-customer aggregate (what `rfmSql` reads). Pure. */
export function trendPointViewSql(view: string, aggregate: string, point: number): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  return `create or replace temp view ${quoteIdentifier(view)} as
select customer_id, frequency, monetary, first_order, last_order from ${quoteIdentifier(aggregate)} where i = ${numberLiteral(point)}`;
}

/** The table of segment keys per point: `(i, kind, customer_id, segment)`, `kind` `rfm` or `tier`. Pure. */
export function trendMembersTableSql(table: string): string {
  return `create or replace temp table ${quoteIdentifier(table)} (i integer, kind varchar, customer_id varchar, segment varchar)`;
}

/** Copy one point's RFM segments from the table `rfmSql` wrote. Pure. */
export function trendRfmMembersSql(members: string, rfmTable: string, point: number): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  return `insert into ${quoteIdentifier(members)} select ${numberLiteral(point)}, 'rfm', customer_id, segment from ${quoteIdentifier(rfmTable)}`;
}

/**
 * Cut one point's buyers into value tiers by net revenue before its date, as `segmentBy({ valueTiers })`
 * does: tier j holds the customers whose share of customers with at least their revenue is within the
 * first j cumulative shares (equal revenues share a tier). Tier keys are bound as `$t0` … `$t<n>`. Pure.
 */
export function trendTierMembersSql(members: string, view: string, point: number, shares: readonly number[]): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  let cum = 0;
  const cases = shares
    .map((s, j) => {
      cum += s;
      return `when ${withinTopShareSql('c', cum)} then $t${j}`;
    })
    .join(' ');
  return `insert into ${quoteIdentifier(members)}
select ${numberLiteral(point)}, 'tier', customer_id, case ${cases} else $t${shares.length} end
from (select customer_id, ${revenueRankShareSql('monetary')} as c from ${quoteIdentifier(view)})`;
}

/**
 * Per point × kind × segment: customers, window revenue (exact sum, and the sum of squares as DOUBLE for the
 * interval of the mean) and customers who came back in the window (`came_back`). Pure.
 */
export function trendFiguresSql(members: string, aggregate: string): string {
  return `select m.i, m.kind, m.segment, count(*)::bigint as customers, sum(a.window_revenue)::double as revenue,
  sum(a.window_revenue::double * a.window_revenue::double) as revenue_sq,
  (count(*) filter (where a.came_back))::bigint as repeaters
from ${quoteIdentifier(members)} m join ${quoteIdentifier(aggregate)} a on a.i = m.i and a.customer_id = m.customer_id
group by all
order by m.i, m.kind, m.segment`;
}
