/**
 * overview: the headline figures of the `transactions` table (customers, orders, revenue, period,
 * one-time buyers, returns, revenue concentration) that a report's summary states before any
 * segmentation. One SQL query over the whole table.
 */
import type { Workbench } from '../../workbench.js';
import { moneySum } from '../../sql.js';
import { customerAggregateSql } from '../shared/customer-aggregate.js';
import { withCustomerAggregate } from '../shared/customer-cache.js';
import { messages } from '../../messages.js';
import { checkOptionKeys, optionalDate, optionKeys, type DateInput } from '../shared/validate.js';
import { revenueRankShareSql, withinTopShareSql } from '../shared/top-share.js';
import { tagResult } from '../../inspect.js';

/** Options for {@link overview}. */
export interface OverviewOptions {
  /** Only rows before this moment count (as in `rfm`, whose default is the day after the last order). @defaultValue all rows */
  asOf?: DateInput;
  /** Share of best customers (by net revenue) whose revenue share is reported. @defaultValue 0.2 */
  topShare?: number;
}

/** Headline figures of the transactions. */
export interface OverviewResult {
  /** Customers with a purchase before the as-of moment (customers with only returns do not count), as RFM and cohorts count them. */
  customers: number;
  /** Distinct orders, not counting orders that only hold returns. */
  orders: number;
  /** Sum of all amounts (returns subtract). */
  netRevenue: number;
  /** Sum of positive amounts. */
  grossRevenue: number;
  /** Minus the sum of negative amounts (returns, credits), as a positive number. */
  returned: number;
  /** Customers with exactly one order. */
  oneTimeCustomers: number;
  /** Net revenue of the best `topShare` of customers (ranked by net revenue; equal revenues on the same side, see `shared/top-share`). */
  topRevenue: number;
  /** First and last order date, or undefined when there are no rows. */
  period?: { first: Date; last: Date };
  /** Options used, defaults filled in. */
  options: { asOf?: Date; topShare: number };
  /** Non-fatal notes. */
  warnings: string[];
}

/**
 * SQL of {@link overview}; binds `$asOf` (TIMESTAMP or NULL) and `$topShare`. Pure. `aggregate`: the quoted name
 * of a table already holding the per-customer aggregate of the same rows (src/analyses/shared/customer-cache.ts).
 */
export function overviewSql(aggregate?: string): string {
  // One pass for the figures of the rows, one per-customer aggregate for those of the customers: no CTE over
  // the rows is referenced twice, so DuckDB never copies the transactions.
  const rows = 'FROM transactions WHERE $asOf IS NULL OR order_date < $asOf';
  return `
WITH c AS (
  ${
    aggregate !== undefined
      ? `SELECT customer_id, frequency AS orders, monetary AS revenue FROM ${aggregate}`
      : customerAggregateSql({
          from: 'transactions',
          where: '$asOf IS NULL OR order_date < $asOf',
          measures: ['frequency', 'monetary'],
          names: { frequency: 'orders', monetary: 'revenue' },
          buyersOnly: true,
        })
  }
), totals AS (
  SELECT count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders,
    coalesce(${moneySum()}, 0)::double AS net_revenue,
    coalesce(${moneySum()} FILTER (WHERE amount > 0), 0)::double AS gross_revenue,
    coalesce(-${moneySum()} FILTER (WHERE amount < 0), 0)::double AS returned,
    min(order_date) AS first, max(order_date) AS last
  ${rows}
), ranked AS (
  SELECT revenue, orders, ${revenueRankShareSql('revenue')} AS rank_share FROM c
), per_customer AS (
  SELECT count(*) AS customers, count(*) FILTER (WHERE orders = 1) AS one_time,
    coalesce(sum(revenue) FILTER (WHERE ${withinTopShareSql('rank_share', '$topShare')}), 0) AS top_revenue
  FROM ranked
)
SELECT p.customers, t.orders, t.net_revenue, t.gross_revenue, t.returned, p.one_time, p.top_revenue, t.first, t.last
FROM totals t, per_customer p`;
}

type OverviewRow = {
  customers: number;
  orders: number;
  net_revenue: number;
  gross_revenue: number;
  returned: number;
  one_time: number;
  top_revenue: number;
  first: Date | null;
  last: Date | null;
};

/**
 * Headline figures of `transactions` (needs columns customer_id, order_id, order_date, amount, is_return).
 * @example const o = await overview(wb, { asOf: new Date('2011-12-09') });
 */
export async function overview(wb: Workbench, options: OverviewOptions = {}): Promise<OverviewResult> {
  checkOptionKeys('overview', options, optionKeys<OverviewOptions>({ asOf: true, topShare: true }));
  const asOf = optionalDate('asOf', options.asOf);
  const topShare = options.topShare ?? 0.2;
  const [row] = await withCustomerAggregate(wb, { source: 'transactions', asOf: asOf ?? null }, (aggregate) =>
    wb.query<OverviewRow>(overviewSql(aggregate), { asOf: asOf ?? null, topShare }),
  );
  if (!row) throw new Error('overview query returned no row');
  const warnings = row.customers === 0 ? [messages.warnNoTransactions()] : [];
  return tagResult(
    {
      customers: row.customers,
      orders: row.orders,
      netRevenue: row.net_revenue,
      grossRevenue: row.gross_revenue,
      returned: row.returned,
      oneTimeCustomers: row.one_time,
      topRevenue: row.top_revenue,
      ...(row.first && row.last ? { period: { first: row.first, last: row.last } } : {}),
      options: { ...(asOf ? { asOf } : {}), topShare },
      warnings,
    },
    'OverviewResult',
  );
}
