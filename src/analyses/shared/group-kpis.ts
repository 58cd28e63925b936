/**
 * Value and retention of groups of customers, side by side with 95% intervals: what the channel and price
 * analyses report per segment. One SQL builder over a per-customer table (`revenue`, `orders`, `days_since`)
 * and one pure step that turns its rows into {@link GroupKpis}.
 *
 * Intervals: revenue per customer is a mean with the normal interval mean ± 1.96 · sd / √n (sd of the
 * customers' revenue; sums taken exactly, so re-runs give the same bits); repeat and active rates are
 * proportions with the Wilson score interval.
 */
import { exactSum, numberLiteral, quoteIdentifier } from '../../sql.js';
import { wilson, type Proportion } from '../../stats/proportion.js';
import { Z95 } from '../../stats/normal.js';

/** A mean with its 95% interval (NaN without customers; the interval NaN with fewer than two). */
export interface MeanEstimate {
  /** The mean. */
  value: number;
  /** Lower end of the 95% interval. */
  low: number;
  /** Upper end of the 95% interval. */
  high: number;
}

/** Value and retention of one group of customers. */
export interface GroupKpis {
  /** Customers in the group. */
  customers: number;
  /** customers / all customers (NaN without customers). */
  share: number;
  /** Net revenue of the group before the as-of date (returns subtracted). */
  revenue: number;
  /** Purchase orders of the group. */
  orders: number;
  /** Net revenue per customer, with its 95% interval. */
  revenuePerCustomer: MeanEstimate;
  /** Net revenue per purchase order (NaN without orders). */
  revenuePerOrder: number;
  /** Share of the group with two or more orders (repeat rate), with its Wilson interval. */
  repeat: Proportion;
  /** Share of the group with an order in the last `activeDays` days before the as-of date, with its Wilson interval. */
  active: Proportion;
  /** Fewer customers than `minSize` (empty groups too): the report shows no numbers for it. */
  tooSmall: boolean;
}

/** A row of {@link groupKpisSql}. */
export type GroupKpiRow = {
  /** The group's value (null: customers without one). */
  group: string;
  customers: number;
  revenue: number;
  revenue_sq: number;
  orders: number;
  repeaters: number;
  active: number;
};

/** Days before the as-of date in which an order makes a customer active. */
export const ACTIVE_DAYS = 90;

/**
 * Per value of `groupColumn` of the per-customer `table` (columns `revenue`, `orders`, `days_since`): customers,
 * exact revenue and revenue², orders, repeaters (2+ orders) and active customers (last order fewer than
 * {@link ACTIVE_DAYS} days before the as-of date). Ordered by group. Pure.
 */
export function groupKpisSql(table: string, groupColumn: string): string {
  return `select ${quoteIdentifier(groupColumn)} as "group", count(*)::bigint as customers,
  ${exactSum('revenue', 6)} as revenue, ${exactSum('revenue * revenue', 6)} as revenue_sq,
  sum(orders)::bigint as orders, (count(*) filter (where orders >= 2))::bigint as repeaters,
  (count(*) filter (where days_since < ${numberLiteral(ACTIVE_DAYS)}))::bigint as active
from ${quoteIdentifier(table)} group by 1 order by 1`;
}

/** The mean of `n` values with sum `s` and sum of squares `s2`, with its normal 95% interval. Pure. */
export function meanEstimate(n: number, s: number, s2: number): MeanEstimate {
  if (!(n > 0)) return { value: NaN, low: NaN, high: NaN };
  const mean = s / n;
  if (n < 2) return { value: mean, low: NaN, high: NaN };
  const variance = Math.max(0, (s2 - n * mean * mean) / (n - 1));
  const half = (Z95 * Math.sqrt(variance)) / Math.sqrt(n);
  return { value: mean, low: mean - half, high: mean + half };
}

/** One group's KPIs from its row (an absent row: an empty group). Pure. */
export function groupKpis(row: GroupKpiRow | undefined, totalCustomers: number, minSize: number): GroupKpis {
  const n = Number(row?.customers ?? 0);
  const revenue = Number(row?.revenue ?? 0);
  const orders = Number(row?.orders ?? 0);
  return {
    customers: n,
    share: totalCustomers > 0 ? n / totalCustomers : NaN,
    revenue,
    orders,
    revenuePerCustomer: meanEstimate(n, revenue, Number(row?.revenue_sq ?? 0)),
    revenuePerOrder: orders > 0 ? revenue / orders : NaN,
    repeat: wilson(Number(row?.repeaters ?? 0), n),
    active: wilson(Number(row?.active ?? 0), n),
    tooSmall: n < minSize,
  };
}
