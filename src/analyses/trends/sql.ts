/**
 * Pure SQL builders of the trends analysis. Nothing here runs a query: the number of points and the point
 * index are validated integers, identifiers pass through `quoteIdentifier`, and every date is a bound
 * parameter (`$b0` … `$b<points>`: the boundaries, `$b0` the start of the first point's window and `$b<i+1>`
 * the as-of moment of point i, so point i's window is `[$b<i>, $b<i+1>)`: the windows tile).
 *
 * The steps, in order (the caller runs them):
 *   state      one pass over the transactions before the last date: each row falls in the bucket of the
 *              boundaries it lies between (bucket i+1 = point i's window, bucket 0 = before the first
 *              window); rows are summed per customer × order × bucket, then per customer × bucket (an order
 *              counts once, in the bucket of its first purchase row), and running totals per customer give,
 *              at each bucket with rows, RFM's measures up to its end (`CUSTOMER_MEASURES`: the same orders,
 *              net revenue, first and last purchase as `rfm()`). One row per customer × active bucket, not
 *              per customer × point: a customer's state at point i is the row of its last bucket ≤ i+1
 *   per point  a view of one point's buyers cut from the state, each with its window revenue and purchase
 *              flags (this window, the next one); scored by RFM's own `rfmQuerySql` (the same quantile tie
 *              rule and segment map) and cut into value tiers by the shared top-share rule; a behavioural
 *              segmentation is written again as of each point's date
 *   figures    per point × grouping, one statement that segments the point's buyers and groups them by
 *              segment: customers, window revenue (sum and sum of squares, both exact sums so that reruns give
 *              the same bits, for the interval of the mean), customers who came back in the window, and for the
 *              next point's churn the window's buyers and those of them without a purchase in the next window,
 *              appended to one table. No member rows are written: churn takes membership at the previous date,
 *              so each point's churn is already counted at the point before ({@link trendFiguresSql} pairs them)
 */
import { exactSum, moneySum, numberLiteral, quoteIdentifier } from '../../sql.js';
import { COMPUTED_FEATURES } from '../clusters/features.js';
import { revenueRankShareSql, withinTopShareSql } from '../shared/top-share.js';
import { keyword, wholeNumber } from '../shared/validate.js';

/** Calendar step between two points of a trend. */
export type TrendPeriod = 'month' | 'quarter';

/** The steps, in the order messages list them. */
export const TREND_PERIODS: readonly TrendPeriod[] = ['month', 'quarter'];

/** Most points a trend has. */
export const MAX_POINTS = 60;

/** What {@link trendStateSql} needs: everything validated. */
export interface TrendStateSqlOptions {
  /** Transactions table. */
  source: string;
  /** Temp table (re)created with one row per customer × bucket with activity. */
  table: string;
  /** Number of points (boundaries `$b0` … `$b<points>` are bound, in increasing order). */
  points: number;
  /** `'net'`: returns subtract from revenue; `'ignore'`: return rows are left out. */
  returns: 'net' | 'ignore';
}

/** `case when order_date < $b0 then 0 … else <points> end`: the bucket of a row. Pure. */
export function trendBucketSql(points: number): string {
  wholeNumber('points', points, 1, MAX_POINTS);
  const whens = Array.from({ length: points }, (_, j) => `when order_date < $b${j} then ${j}`);
  return `case ${whens.join(' ')} else ${points} end`;
}

/**
 * The one pass: (re)creates `table` with, per customer and bucket with rows, `b` (the bucket), `next_b`
 * (the customer's next active bucket, or points + 1), the running `frequency, monetary, first_order,
 * last_order` up to the end of bucket b (rows with a NULL customer left out, as the shared aggregate does),
 * `first_b` (the bucket of the first purchase, NULL before it), `bucket_revenue` (the exact net revenue in
 * bucket b), `bucket_bought` (a purchase row in bucket b) and `next_bought` (a purchase row in bucket `next_b`,
 * for churn). Binds `$b0` … `$b<points>`.
 */
export function trendStateSql(o: TrendStateSqlOptions): string {
  keyword('returns', o.returns, ['net', 'ignore']);
  const where = [
    'customer_id is not null',
    `order_date < $b${o.points}`,
    o.returns === 'ignore' ? 'not coalesce(is_return, false)' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const buy = 'not coalesce(is_return, false)';
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with per_order as (
  select customer_id, order_id, ${trendBucketSql(o.points)} as b, ${moneySum()} as amount,
    min(order_date) filter (where ${buy}) as first_buy, max(order_date) filter (where ${buy}) as last_buy
  from ${quoteIdentifier(o.source)} where ${where}
  group by customer_id, order_id, b
),
firsts as (
  select customer_id, b, count(*) as new_orders
  from (
    select customer_id, min(b) filter (where first_buy is not null) as b
    from per_order where order_id is not null group by customer_id, order_id
  )
  where b is not null group by customer_id, b
),
buckets as (
  select customer_id, b, t.amount, coalesce(f.new_orders, 0) as new_orders, t.first_buy, t.last_buy
  from (
    select customer_id, b, sum(amount) as amount, min(first_buy) as first_buy, max(last_buy) as last_buy
    from per_order group by customer_id, b
  ) t left join firsts f using (customer_id, b)
)
select customer_id, b, coalesce(lead(b) over (partition by customer_id order by b), ${numberLiteral(o.points + 1)}) as next_b,
  (sum(new_orders) over w)::bigint as frequency,
  coalesce(sum(amount) over w, 0)::double as monetary,
  min(first_buy) over w as first_order,
  max(last_buy) over w as last_order,
  min(case when first_buy is not null then b end) over w as first_b,
  coalesce(amount, 0) as bucket_revenue,
  first_buy is not null as bucket_bought,
  coalesce(lead(first_buy is not null) over p, false) as next_bought
from buckets
window w as (partition by customer_id order by b rows between unbounded preceding and current row),
  p as (partition by customer_id order by b)`;
}

/**
 * The view of point `point`'s buyers (a purchase before its date), read by each grouping's statement straight
 * from the state (cheaper than writing a table that a few scans read once each): the columns of the shared per-customer
 * aggregate (what `rfmQuerySql` reads) plus {@link TREND_FIGURE_COLUMNS}: `window_revenue` (net revenue in the
 * point's window), `came_back` (a purchase in the window by a customer who had bought before it), `window_buyer`
 * (a purchase in the window) and `next_buyer` (a purchase in the next point's window; for churn at the next point). Pure.
 */
export function trendPointSql(view: string, state: string, point: number): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  const b = numberLiteral(point + 1);
  return `create or replace temp view ${quoteIdentifier(view)} as
select customer_id, frequency, monetary, first_order, last_order,
  case when b = ${b} then bucket_revenue else 0 end as window_revenue,
  b = ${b} and bucket_bought and first_b < ${b} as came_back,
  b = ${b} and bucket_bought as window_buyer,
  next_b = ${numberLiteral(point + 2)} and next_bought as next_buyer
from ${quoteIdentifier(state)} where b <= ${b} and ${b} < next_b and first_b is not null`;
}

/**
 * Buyers per point: `(i, n)` for every point with any, from the state table. A customer is a buyer at point i
 * when its first purchase falls in a bucket ≤ i+1: its one row with `b = first_b` gives that bucket, so the
 * counts are running sums over those rows (no scan per point). Pure.
 */
export function trendCountsSql(state: string, points: number): string {
  wholeNumber('points', points, 1, MAX_POINTS);
  return `select p.i, sum(f.n)::bigint as n
from range(${numberLiteral(points)}) p(i)
join (select b, count(*) as n from ${quoteIdentifier(state)} where b = first_b group by b) f on f.b <= p.i + 1
group by p.i order by p.i`;
}

/** The columns of a point's view that its figures read, carried through every grouping's segmenting query. */
export const TREND_FIGURE_COLUMNS = ['window_revenue', 'came_back', 'window_buyer', 'next_buyer'] as const;

/**
 * The table of figures per point × grouping × segment, `(i, kind, segment, customers, revenue, revenue_sq,
 * repeaters, window_buyers, leavers)`: the last two are the segment's members who bought in point i's window and
 * of those the ones without a purchase in the next point's window, point i + 1's churn (see {@link trendFiguresSql}). Pure.
 */
export function trendFiguresTableSql(table: string): string {
  return `create or replace temp table ${quoteIdentifier(table)} (i integer, kind varchar, segment varchar,
  customers bigint, revenue double, revenue_sq double, repeaters bigint, window_buyers bigint, leavers bigint)`;
}

/** A grouping's kind in the figures table: `rfm`, `tier`, `cluster` or `by<n>` (the n-th attribute). */
function kindLiteral(kind: string): string {
  if (!/^(rfm|tier|cluster|by\d{1,2})$/.test(kind)) throw new Error(`trends: not a grouping kind: ${kind}`);
  return `'${kind}'`;
}

/**
 * Append a grouping's figures at one point: `segmented` yields one row per member, `(segment,
 * ...TREND_FIGURE_COLUMNS)`; per segment its customers, window revenue (sum and sum of squares), repeaters
 * (`came_back`), window buyers and leavers (window buyers without a purchase in the next window).
 */
function figuresInsert(figures: string, point: number, kind: string, segmented: string): string {
  return `insert into ${quoteIdentifier(figures)}
select ${numberLiteral(point)}, ${kindLiteral(kind)}, segment, count(*)::bigint, sum(window_revenue)::double,
  ${exactSum('window_revenue::double * window_revenue::double', 6)},
  (count(*) filter (where came_back))::bigint, (count(*) filter (where window_buyer))::bigint,
  (count(*) filter (where window_buyer and not next_buyer))::bigint
from (${segmented}) group by segment`;
}

/** `a.window_revenue, a.came_back, …`: the figure columns, qualified by `alias` when given. */
function figureColumns(alias?: string): string {
  return TREND_FIGURE_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}

/**
 * Record one point's RFM segments' figures, from RFM's own query on the point's view (`rfmQuerySql` with
 * `carry: TREND_FIGURE_COLUMNS`: only its `segment` and the carried columns are read, so the rest of its
 * columns are never built). Pure.
 */
export function trendRfmFiguresSql(figures: string, rfmQuery: string, point: number): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  return figuresInsert(figures, point, 'rfm', `select segment, ${figureColumns()} from (${rfmQuery})`);
}

/**
 * Record one point's value tiers' figures, its buyers cut by net revenue before its date as
 * `segmentBy({ valueTiers })` does: tier j holds the customers whose share of customers with at least their
 * revenue is within the first j cumulative shares (equal revenues share a tier). Tier keys are bound as
 * `$t0` … `$t<n>`. Pure.
 */
export function trendTierFiguresSql(figures: string, view: string, point: number, shares: readonly number[]): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  let cum = 0;
  const cases = shares
    .map((s, j) => {
      cum += s;
      return `when ${withinTopShareSql('c', cum)} then $t${j}`;
    })
    .join(' ');
  return figuresInsert(
    figures,
    point,
    'tier',
    `select case ${cases} else $t${shares.length} end as segment, ${figureColumns()}
  from (select ${figureColumns()}, ${revenueRankShareSql('monetary')} as c from ${quoteIdentifier(view)})`,
  );
}

/** A clustering feature as {@link trendClusterFiguresSql} needs it (the clusters result's own). */
export interface TrendClusterFeature {
  /** A computed feature (`recency`, `frequency`, …) or a numeric column of the customers table. */
  name: string;
  /** Where it comes from. */
  source: 'transactions' | 'customers';
  /** Transform before standardising. */
  transform: 'log1p' | 'none';
}

/** What {@link trendClusterFiguresSql} needs: the clusters result's features, number of centres and missing rule. */
export interface TrendClusterSqlOptions {
  /** Features in the order of the centres' coordinates. */
  features: readonly TrendClusterFeature[];
  /** Number of centres (bound as `$c<cluster>_<feature>`, cluster 0 first: the report's cluster 1). */
  k: number;
  /** `'exclude'`: a customer with a missing value is left out; `'mean'`: its z-score is 0. */
  missing: 'exclude' | 'mean';
  /** Customers table (read only when a feature comes from it). */
  customers: string;
}

/**
 * Record one point's clusters' figures: each buyer's features as of the point's date (`$asOf`) from the
 * point's view, transformed and standardised with the clusters result's means and standard deviations
 * (`$m<j>`, `$s<j>`) and assigned to the nearest of its centres, with the same expressions, summation order
 * and lowest-index tie rule as `clusters()` (src/analyses/clusters/features.ts), so the last point's sizes are
 * the clusters section's. Segment keys are the cluster numbers, `'1'` first. Pure.
 */
export function trendClusterFiguresSql(
  figures: string,
  view: string,
  point: number,
  o: TrendClusterSqlOptions,
): string {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  wholeNumber('k', o.k, 1, 100);
  keyword('missing', o.missing, ['exclude', 'mean']);
  const computed: Readonly<Record<string, string>> = COMPUTED_FEATURES;
  const raw = o.features.map((f, j) => {
    const expr = Object.hasOwn(computed, f.name)
      ? `(${computed[f.name]})::double`
      : `cust.${quoteIdentifier(f.name)}::double`;
    return `case when isfinite(${expr}) then ${expr} end as f${j}`;
  });
  const t = o.features.map((f, j) => (f.transform === 'log1p' ? `ln(1 + greatest(f${j}, 0))` : `f${j}`));
  const z = t.map((e, j) => {
    const zj = `(${e} - $m${j}) / $s${j}`;
    return `${o.missing === 'mean' ? `coalesce(${zj}, 0)` : zj} as z${j}`;
  });
  const where = o.missing === 'exclude' ? `where ${t.map((e) => `${e} is not null`).join(' and ')}` : '';
  const dist = (c: number) =>
    o.features.map((_, j) => `(z${j} - $c${c}_${j}::double) * (z${j} - $c${c}_${j}::double)`).join(' + ');
  const list = Array.from({ length: o.k }, (_, c) => dist(c)).join(', ');
  const usesCustomers = o.features.some((f) => f.source === 'customers');
  const join = usesCustomers
    ? ` left join ${quoteIdentifier(o.customers)} as cust on cust.customer_id = v.customer_id`
    : '';
  const carried = figureColumns();
  return figuresInsert(
    figures,
    point,
    'cluster',
    `select list_position(d, list_min(d))::varchar as segment, ${carried}
  from (select ${carried}, [${list}] as d
    from (select ${carried}, ${z.join(', ')}
      from (select v.*, ${raw.join(', ')} from ${quoteIdentifier(view)} as v${join}) ${where}))`,
  );
}

/** A grouping's figures at one point: the point's buyers joined to `table` (`customer_id, segment`). */
function joinedFiguresSql(figures: string, view: string, point: number, kind: string, table: string, keepAll: boolean) {
  wholeNumber('point', point, 0, MAX_POINTS - 1);
  const segment = keepAll ? 'coalesce(g.segment::varchar, $missing)' : 'g.segment';
  return figuresInsert(
    figures,
    point,
    kind,
    `select ${segment} as segment, ${figureColumns('v')}
  from ${quoteIdentifier(view)} v ${keepAll ? 'left join' : 'join'} ${quoteIdentifier(table)} g on g.customer_id = v.customer_id`,
  );
}

/**
 * Record one point's figures per value of a customer attribute: the point's buyers joined to `table`
 * (`customer_id, segment`, as `segmentBy({ column })` writes it: one value per customer). Pure.
 */
export function trendAttributeFiguresSql(
  figures: string,
  view: string,
  point: number,
  kind: string,
  table: string,
): string {
  return joinedFiguresSql(figures, view, point, kind, table, false);
}

/**
 * Record one point's figures per segment of a behavioural segmentation: the point's buyers joined to `table`
 * (`customer_id, segment`, as the segmentation wrote it as of the point's date); a buyer the segmentation left
 * out gets `$missing`, so that the segments' shares add up to 1. Pure.
 */
export function trendSegmentationFiguresSql(
  figures: string,
  view: string,
  point: number,
  kind: string,
  table: string,
): string {
  return joinedFiguresSql(figures, view, point, kind, table, true);
}

/**
 * Every figure, in a stable order, `(i, kind, segment, customers, revenue, revenue_sq, repeaters, prev_buyers,
 * churners)`: churn at point i counts the segment's members at point i − 1 (membership at the previous date keeps
 * churn from being circular for segments defined by recency: RFM, clusters on recency) who bought in that point's
 * window (`prev_buyers`: point i − 1's window buyers) and of those the ones without a purchase in point i's window
 * (`churners`: point i − 1's leavers). A segment with members at only one of the two points still gets its row
 * (zeros for the other side); one without window buyers at i − 1 and without members at i gets none. `points`
 * is the number of points: the last point's leavers belong to no point. Pure.
 */
export function trendFiguresSql(figures: string, points: number): string {
  wholeNumber('points', points, 1, MAX_POINTS);
  const f = quoteIdentifier(figures);
  return `with prev as (
  select (i + 1)::integer as i, kind, segment, window_buyers as prev_buyers, leavers as churners
  from ${f} where window_buyers > 0 and i + 1 < ${numberLiteral(points)}
)
select coalesce(c.i, p.i) as i, coalesce(c.kind, p.kind) as kind, coalesce(c.segment, p.segment) as segment,
  coalesce(c.customers, 0) as customers, coalesce(c.revenue, 0) as revenue, coalesce(c.revenue_sq, 0) as revenue_sq,
  coalesce(c.repeaters, 0) as repeaters, coalesce(p.prev_buyers, 0) as prev_buyers, coalesce(p.churners, 0) as churners
from ${f} c full join prev p on p.i = c.i and p.kind = c.kind and p.segment is not distinct from c.segment
order by i, kind, segment`;
}
