/**
 * Pure SQL builders of the product-mix analysis. Table names pass through `quoteIdentifier`, centroids and
 * indices through `numberLiteral`; `$asOf` and `$minLines` are bound by the caller.
 *
 * The steps: the purchase rows before `$asOf` with a category (from the transactions' `category` column, or
 * from a product → category table joined on `product_id`, which wins where both exist) → spend per customer ×
 * category → the categories numbered by spend (the first {@link MIX_RULES.maxCategories}; the rest are one
 * `other` column) → per customer the share of spend in each → nearest centroid in SQL.
 */
import { exactMean, moneySum, numberLiteral, quoteIdentifier } from '../../sql.js';

/** The documented rules and limits. */
export const MIX_RULES = {
  /** Categories kept as their own feature, by spend; the rest are added up as `other`. */
  maxCategories: 12,
  /** A cluster whose average customer spends at least this share in one category is "mostly" that category. */
  mostlyShare: 0.5,
  /** Customers in the k-means fit at most (a deterministic sample by hash of the id); every customer is assigned. */
  fitSample: 20_000,
  /** Customers in the silhouette that chooses k at most. */
  silhouetteSample: 2_000,
  /** Values of k tried when none is given. */
  kRange: [2, 8] as const,
  /** Bootstrap replicates of the pair lifts. */
  replicates: 400,
} as const;

/** Where categories come from. */
export interface CategorySource {
  /** Transactions table. */
  source: string;
  /** The transactions have a `category` column. */
  hasColumn: boolean;
  /** Product → category table (`product_id, category`), joined on `product_id`. @defaultValue none */
  mapping?: string;
}

/** SQL of the purchase rows before `$asOf`: `customer_id, category` (null: none), `amount`. */
export function categorisedRowsSql(o: CategorySource): string {
  const t = quoteIdentifier(o.source);
  const own = o.hasColumn ? "nullif(trim(t.category), '')" : 'null::varchar';
  const category = o.mapping ? `coalesce(m.category, ${own})` : own;
  const join = o.mapping ? `left join ${quoteIdentifier(o.mapping)} m on m.product_id = t.product_id` : '';
  return `select t.customer_id, ${category} as category, t.amount
  from ${t} t ${join}
  where t.order_date < $asOf and t.customer_id is not null and not coalesce(t.is_return, false) and t.amount > 0`;
}

/**
 * (Re)creates `table`: spend (DECIMAL) and rows per customer × category, categories numbered `idx` by spend
 * (0 = most; ties by name); `idx` = `maxCategories` for the rest (`other`) and -1 for the rows without a
 * category, kept so that {@link spendCoverageSql} reads the coverage from this table instead of the rows
 * again (every other reader takes `idx >= 0`). Binds `$asOf`.
 */
export function spendSql(o: CategorySource, table: string): string {
  return `create or replace temp table ${quoteIdentifier(table)} as
with s as (
  select customer_id, category, ${moneySum()} as spend, count(*)::bigint as lines
  from (${categorisedRowsSql(o)}) group by all
),
c as (
  select category, row_number() over (order by sum(spend) desc, category) - 1 as idx
  from s where category is not null group by category
)
select s.customer_id, s.category, s.spend, s.lines,
  (case when c.idx is null then -1 else least(c.idx, ${numberLiteral(MIX_RULES.maxCategories)}) end)::integer as idx
from s left join c using (category)`;
}

/**
 * Purchase rows with and without a category, and their revenue (one row), from the table {@link spendSql}
 * wrote: the same exact decimal sums as over the rows.
 */
export function spendCoverageSql(spend: string): string {
  return `select coalesce(sum(lines), 0)::bigint as rows, coalesce(sum(lines) filter (where idx >= 0), 0)::bigint as with_category,
  coalesce(sum(spend), 0)::double as revenue,
  coalesce(sum(spend) filter (where idx >= 0), 0)::double as with_category_revenue
from ${quoteIdentifier(spend)}`;
}

/** The categories of `spend` by number, with their spend and customers (ordered by idx, then name). */
export function categoriesSql(spend: string): string {
  return `select idx, category, sum(spend)::double as spend, count(distinct customer_id)::bigint as customers
from ${quoteIdentifier(spend)} where idx >= 0 group by all order by idx, category`;
}

/**
 * (Re)creates `table`: one row per customer with a categorised purchase — `lines`, `spend` (double) and the
 * share of spend `s0 … s{d-1}` per category number. A customer has one row per named category (each its own
 * number), so its spend there is read with `max`, not summed (no wide DECIMAL additions: about 1 s less at 1M
 * customers); only `other` adds up several categories.
 */
export function vectorsSql(spend: string, table: string, d: number): string {
  const shares = Array.from({ length: d }, (_, i) => {
    const of = i < MIX_RULES.maxCategories ? 'max' : 'sum';
    return `coalesce(${of}(spend) filter (where idx = ${numberLiteral(i)}) / sum(spend), 0)::double as s${i}`;
  });
  return `create or replace temp table ${quoteIdentifier(table)} as
select customer_id, sum(lines)::bigint as lines, sum(spend)::double as spend, ${shares.join(', ')}
from ${quoteIdentifier(spend)} where idx >= 0 group by customer_id`;
}

/** The fit sample: the share columns of up to `limit` customers with at least `$minLines` lines, by hash of the id. */
export function fitSampleSql(vectors: string, d: number, limit: number): string {
  const cols = Array.from({ length: d }, (_, i) => `s${i}`).join(', ');
  return `select ${cols} from ${quoteIdentifier(vectors)} where lines >= $minLines
order by hash(customer_id), customer_id limit ${numberLiteral(limit)}`;
}

/**
 * (Re)creates `table`: `customer_id, lines, spend, cluster` — the nearest centroid (0-based; the first on a tie)
 * for customers with at least `$minLines` lines, -1 for the others.
 */
export function assignSql(vectors: string, table: string, centroids: readonly (readonly number[])[]): string {
  const dist = centroids.map(
    (c) => `(${c.map((v, i) => `(s${i} - ${numberLiteral(v)}) * (s${i} - ${numberLiteral(v)})`).join(' + ')})`,
  );
  const nearest = dist.length === 1 ? '0' : `list_position([${dist.join(', ')}], least(${dist.join(', ')})) - 1`;
  return `create or replace temp table ${quoteIdentifier(table)} as
select v.*, case when lines >= $minLines then ${nearest} else -1 end::integer as cluster
from ${quoteIdentifier(vectors)} v`;
}

/** Per cluster of `assigned`: customers, spend and the mean share per category number (exact means). */
export function profilesSql(assigned: string, d: number): string {
  const means = Array.from({ length: d }, (_, i) => `${exactMean(`s${i}`)} as m${i}`).join(', ');
  return `select cluster, count(*)::bigint as customers, ${moneySum('spend')}::double as spend, ${means}
from ${quoteIdentifier(assigned)} group by cluster order by cluster`;
}

/**
 * Customers per pattern of categories bought (bit i set: bought category number i, `other` left out), for the
 * pair lifts: at most 2^maxCategories rows, whatever the number of customers.
 */
export function patternsSql(spend: string): string {
  return `select mask, count(*)::bigint as customers from (
  select customer_id, bit_or(1::bigint << idx) as mask from ${quoteIdentifier(spend)}
  where idx >= 0 and idx < ${numberLiteral(MIX_RULES.maxCategories)} group by customer_id
) group by mask order by mask`;
}

/** One row per customer of `assigned`, ordered by customer id, with the share columns. */
export function mixRowsSql(assigned: string, d: number): string {
  const cols = Array.from({ length: d }, (_, i) => `s${i}`).join(', ');
  return `select customer_id, cluster, lines, spend, ${cols} from ${quoteIdentifier(assigned)} order by customer_id`;
}

/**
 * (Re)creates `table` from `assigned`: one row per customer, `customer_id, segment, lines, spend, categories,
 * top_share` — the key of its cluster (each of `clusters` bound as `$k<cluster>`; `few-lines` for the rest), the number of
 * categories it spent in and its largest share of spend in one category.
 */
export function mixSegmentsSql(assigned: string, table: string, d: number, clusters: readonly number[]): string {
  const shares = Array.from({ length: d }, (_, i) => `s${i}`);
  const when = clusters.map((j) => `when ${numberLiteral(j)} then $k${j}`).join(' ');
  return `create or replace temp table ${quoteIdentifier(table)} as
select customer_id, ${when ? `(case cluster ${when} else 'few-lines' end)` : `'few-lines'`}::varchar as segment, lines, spend,
  (${shares.map((c) => `(${c} > 0)::integer`).join(' + ')})::bigint as categories,
  ${d === 1 ? 's0' : `greatest(${shares.join(', ')})`}::double as top_share
from ${quoteIdentifier(assigned)}`;
}
