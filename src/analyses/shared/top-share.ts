/**
 * The one rule for "the top 20% of customers by net revenue", written once so that the summary, the
 * RFM section and the value tiers quote the same customers and the same share of revenue.
 *
 * Customers are ranked by revenue, best first; a customer is in the top `share` when the share of
 * customers with at least its revenue is at most `share` (`cume_dist`). Equal revenues are on the same
 * side, as equal values get equal RFM scores: with ties at the edge the top group is a little smaller.
 */
import { numberLiteral } from '../../sql.js';

/** Tolerance for the comparison of cumulative shares (so 0.2 + 0.3 still includes a share of exactly 0.5). */
const EPSILON = '1e-12';

/** SQL window expression: the share of customers with at least this `revenue` (a column of the relation). Pure. */
export function revenueRankShareSql(revenue: string): string {
  return `cume_dist() over (order by ${revenue} desc)`;
}

/**
 * SQL condition: the rank share `rank` (from {@link revenueRankShareSql}) is within the top `share`,
 * given as a number or as a bound parameter such as `$topShare`. Pure.
 * @example `sum(revenue) filter (where ${withinTopShareSql('c', 0.2)})`
 */
export function withinTopShareSql(rank: string, share: number | `$${string}`): string {
  return `${rank} <= ${typeof share === 'number' ? numberLiteral(share) : share} + ${EPSILON}`;
}

/**
 * SQL giving one row, `share`: the top `$top` of customers' part of the total revenue (NULL when the
 * total is 0) over `from`, a relation with one row per customer and a `revenue` column. Binds `$top`. Pure.
 */
export function topRevenueShareSql(from: string, revenue = 'revenue'): string {
  return `select sum(${revenue}) filter (where ${withinTopShareSql('_rank_share', '$top')}) / nullif(sum(${revenue}), 0) as share
     from (select ${revenue}, ${revenueRankShareSql(revenue)} as _rank_share from ${from})`;
}
