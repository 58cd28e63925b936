/**
 * Pure SQL builders of the price-sensitivity analysis. Table names pass through `quoteIdentifier`, the rule
 * constants through `numberLiteral`; `$asOf` is bound by the caller.
 *
 * A purchase row is bought on discount when any signal the data has says so (see {@link PRICE_RULES}); per
 * customer: purchase revenue, the part of it bought on discount, orders and orders with a discounted row, net
 * revenue (returns subtracted, exact decimal sum), days since the last order, and one price segment.
 */
import { exactSum, moneySum, numberLiteral, quoteIdentifier } from '../../sql.js';

/** The price segments, in report order (stable keys). */
export const PRICE_SEGMENTS = ['full-price', 'mixed', 'deal-seeker'] as const;

/** A price segment key. */
export type PriceSegment = (typeof PRICE_SEGMENTS)[number];

/** The columns that can mark a row as bought on discount. */
export const PRICE_SIGNALS = ['discount', 'promo_code', 'list_price'] as const;

/** A discount signal column. */
export type PriceSignal = (typeof PRICE_SIGNALS)[number];

/**
 * The documented rules. A purchase row is bought on discount when `discount` > 0, or `promo_code` is not
 * empty, or `list_price` is more than half a cent above `unit_price` (each only when the data has the column).
 * A customer's discounted share is the part of their purchase revenue (return rows left out) bought on
 * discount; compared in whole percents:
 * - `deal-seeker`: at least `dealSeekerPercent`% bought on discount;
 * - `full-price`: less than `fullPricePercent`%;
 * - `mixed`: in between.
 */
export const PRICE_RULES = {
  /** At or above this share (percent) of revenue on discount: deal-seeker. */
  dealSeekerPercent: 50,
  /** Below this share (percent): full price. */
  fullPricePercent: 10,
  /** A list price counts as a discount when it is more than this above the unit price (money). */
  listPriceMargin: 0.005,
} as const;

/** What the builders need. */
export interface PriceSqlOptions {
  /** Transactions table. */
  source: string;
  /** Table (re)created with one row per customer. */
  table: string;
  /** The signal columns the source has (at least one). */
  signals: readonly PriceSignal[];
}

/** SQL condition: the row was bought on discount, by the signals given. */
export function discountedSql(signals: readonly PriceSignal[]): string {
  const parts = signals.map((s) =>
    s === 'discount'
      ? 'coalesce(discount, 0) > 0'
      : s === 'promo_code'
        ? "coalesce(trim(promo_code), '') <> ''"
        : `coalesce(list_price > unit_price + ${numberLiteral(PRICE_RULES.listPriceMargin)}, false)`,
  );
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/**
 * (Re)creates `table`: one row per customer with a purchase before `$asOf` — `gross` (purchase revenue),
 * `on_discount`, `share` (on_discount / gross, 0 when gross ≤ 0), `orders`, `discounted_orders`, `revenue`
 * (net), `days_since` and `segment`.
 */
export function priceCustomersSql(o: PriceSqlOptions): string {
  const R = PRICE_RULES;
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with rows as (
  select customer_id, order_id, order_date, amount, coalesce(is_return, false) as is_return,
    ${discountedSql(o.signals)} as disc
  from ${quoteIdentifier(o.source)} where order_date < $asOf and customer_id is not null
),
cust as (
  select customer_id, ${moneySum('amount')} filter (where not is_return) as gross,
    coalesce(${moneySum('amount')} filter (where not is_return and disc), 0) as on_discount,
    count(distinct order_id) filter (where not is_return) as orders,
    count(distinct order_id) filter (where not is_return and disc) as discounted_orders,
    ${moneySum('amount')} as revenue,
    date_diff('day', cast(max(order_date) filter (where not is_return) as date), cast($asOf as date))::integer as days_since
  from rows group by customer_id
)
select customer_id, gross::double as gross, on_discount::double as on_discount,
  case when gross > 0 then (on_discount / gross)::double else 0 end as share,
  orders::bigint as orders, discounted_orders::bigint as discounted_orders, revenue::double as revenue, days_since,
  case
    when gross > 0 and 100 * on_discount >= ${numberLiteral(R.dealSeekerPercent)} * gross then 'deal-seeker'
    when gross > 0 and 100 * on_discount >= ${numberLiteral(R.fullPricePercent)} * gross then 'mixed'
    else 'full-price'
  end as segment
from cust where orders > 0`;
}

/** Customers per tenth of discounted share (0 = under 10% … 9 = 90% or more), ordered. */
export function priceBandsSql(table: string): string {
  return `select least(floor(share * 10), 9)::integer as band, count(*)::bigint as customers
from ${quoteIdentifier(table)} group by 1 order by 1`;
}

/** Totals of `table`: purchase revenue and the part on discount (one row). */
export function priceTotalsSql(table: string): string {
  return `select coalesce(${exactSum('gross', 6)}, 0) as gross, coalesce(${exactSum('on_discount', 6)}, 0) as on_discount,
  coalesce(sum(orders), 0)::bigint as orders, coalesce(sum(discounted_orders), 0)::bigint as discounted_orders
from ${quoteIdentifier(table)}`;
}

/** One row per customer of `table`, ordered by customer: the export's rows. */
export function priceRowsSql(table: string): string {
  return `select customer_id, segment, share, orders, discounted_orders, revenue, days_since
from ${quoteIdentifier(table)} order by customer_id`;
}
