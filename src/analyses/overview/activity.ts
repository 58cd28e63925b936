/**
 * activity: customers, new customers, orders and revenue per calendar period (month by default),
 * the first look at a transactions table before any segmentation. One SQL query, grouped in DuckDB.
 */
import type { Workbench } from '../../workbench.js';
import { moneySum } from '../../sql.js';
import { messages } from '../../messages.js';
import { checkOptionKeys, keyword, optionalDate, optionKeys, type DateInput } from '../shared/validate.js';

/** Calendar period to group by. */
export type ActivityPeriod = 'week' | 'month' | 'quarter';

/** Options for {@link activity}. */
export interface ActivityOptions {
  /** Period length. @defaultValue 'month' */
  period?: ActivityPeriod;
  /** Only rows before this moment count. @defaultValue all rows */
  asOf?: DateInput;
}

/** One period. */
export interface ActivityRow {
  /** Start of the period (UTC midnight; weeks start on Monday). */
  start: Date;
  /** Customers with at least one (non-return) order in the period. */
  customers: number;
  /** Of those, customers whose first order ever falls in the period. */
  newCustomers: number;
  /** Distinct orders, not counting orders that only hold returns. */
  orders: number;
  /** Sum of all amounts (returns subtract). */
  netRevenue: number;
  /** Minus the sum of negative amounts, as a positive number. */
  returned: number;
}

/** Result of {@link activity}. */
export interface ActivityResult {
  /** Periods in time order (periods without any row are absent). */
  rows: ActivityRow[];
  /** True when the data ends before the last period does (so its bar is not comparable). */
  lastIsPartial: boolean;
  /** Last order date in the data used. */
  lastOrder?: Date;
  /** Options used, defaults filled in. */
  options: { period: ActivityPeriod; asOf?: Date };
  /** Non-fatal notes. */
  warnings: string[];
}

const PERIODS: readonly ActivityPeriod[] = ['week', 'month', 'quarter'];

/** SQL of {@link activity}; binds `$period` (week/month/quarter) and `$asOf` (TIMESTAMP or NULL). Pure. */
export function activitySql(): string {
  return `
WITH t AS (
  SELECT customer_id, order_id, order_date, amount, is_return FROM transactions
  WHERE $asOf IS NULL OR order_date < $asOf
), firsts AS (
  SELECT customer_id, date_trunc($period, min(order_date)) AS first_period FROM t WHERE NOT is_return GROUP BY customer_id
)
SELECT
  date_trunc($period, t.order_date) AS start,
  count(DISTINCT t.customer_id) FILTER (WHERE NOT t.is_return) AS customers,
  count(DISTINCT t.customer_id) FILTER (WHERE NOT t.is_return AND f.first_period = date_trunc($period, t.order_date)) AS new_customers,
  count(DISTINCT t.order_id) FILTER (WHERE NOT t.is_return) AS orders,
  coalesce(${moneySum('t.amount')}, 0)::double AS net_revenue,
  coalesce(-${moneySum('t.amount')} FILTER (WHERE t.amount < 0), 0)::double AS returned,
  max(t.order_date) AS last_order
FROM t LEFT JOIN firsts f USING (customer_id)
GROUP BY 1
ORDER BY 1`;
}

/** Start of the period after `start`. */
function nextStart(start: Date, period: ActivityPeriod): Date {
  const d = new Date(start.getTime());
  if (period === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + (period === 'month' ? 1 : 3));
  return d;
}

type Row = {
  start: Date;
  customers: number;
  new_customers: number;
  orders: number;
  net_revenue: number;
  returned: number;
  last_order: Date;
};

/**
 * Customers, new customers, orders and revenue per period of `transactions`.
 * @example const a = await activity(wb, { period: 'month' });
 */
export async function activity(wb: Workbench, options: ActivityOptions = {}): Promise<ActivityResult> {
  checkOptionKeys('activity', options, optionKeys<ActivityOptions>({ period: true, asOf: true }));
  const period = keyword('period', options.period ?? 'month', PERIODS);
  const asOf = optionalDate('asOf', options.asOf);
  const raw = await wb.query<Row>(activitySql(), { period, asOf: asOf ?? null });
  const rows: ActivityRow[] = raw.map((r) => ({
    start: r.start,
    customers: r.customers,
    newCustomers: r.new_customers,
    orders: r.orders,
    netRevenue: r.net_revenue,
    returned: r.returned,
  }));
  const last = raw.at(-1);
  const lastOrder = raw.reduce<Date | undefined>((m, r) => (!m || r.last_order > m ? r.last_order : m), undefined);
  // Data covers up to the as-of date, or else to the end of the last order's day.
  const end = last ? nextStart(last.start, period) : undefined;
  const covered =
    asOf ??
    (lastOrder
      ? new Date(Date.UTC(lastOrder.getUTCFullYear(), lastOrder.getUTCMonth(), lastOrder.getUTCDate() + 1))
      : undefined);
  const lastIsPartial = Boolean(end && covered && covered < end);
  const warnings = rows.length === 0 ? [messages.warnNoTransactions()] : [];
  return {
    rows,
    lastIsPartial,
    ...(lastOrder ? { lastOrder } : {}),
    options: { period, ...(asOf ? { asOf } : {}) },
    warnings,
  };
}
