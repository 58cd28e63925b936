/** The types of the price-sensitivity analysis: options, the options used, the result (keys and numbers). */
import type { GroupKpis } from '../shared/group-kpis.js';
import type { DateInput } from '../shared/validate.js';
import type { PriceSegment, PriceSignal } from './sql.js';

/** Options of `priceSensitivity` and `priceCustomers`. */
export interface PriceOptions {
  /** End of observation: orders on or after it are left out. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** Segments with fewer customers are flagged `tooSmall` (the report shows no numbers for them). @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
}

/** The options of a run with every default filled in. */
export interface PriceOptionsUsed {
  /** As-of moment. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Segments below this many customers are flagged `tooSmall`. */
  minSize: number;
  /** Transactions table. */
  source: string;
}

/** One price segment with its value and retention. */
export interface PriceSegmentSummary extends GroupKpis {
  /** Stable key (see `PRICE_RULES`). */
  key: PriceSegment;
}

/** What `priceSensitivity` returns: aggregates only. */
export interface PriceResult {
  /** Options actually used. */
  options: PriceOptionsUsed;
  /** The columns that marked rows as bought on discount, in `PRICE_SIGNALS` order. */
  signals: PriceSignal[];
  /** Customers with a purchase before the as-of date; each is in exactly one segment. */
  customerCount: number;
  /** Their net revenue. */
  revenue: number;
  /** Purchase revenue (return rows left out) and the part of it bought on discount. */
  purchases: { revenue: number; onDiscount: number; orders: number; discountedOrders: number };
  /** Every segment in report order (`PRICE_SEGMENTS`), empty ones included. */
  segments: PriceSegmentSummary[];
  /** Customers per tenth of discounted share: band 0 = under 10%, …, band 9 = 90% or more; all ten bands. */
  bands: Array<{ band: number; customers: number }>;
  /** Recoverable data quirks. */
  warnings: string[];
}

/** One customer's price segment and the numbers behind it (the rows `swb export` writes). */
export interface PriceCustomer {
  /** Customer id as loaded. */
  customerId: string;
  /** Price segment key. */
  segment: PriceSegment;
  /** Share of the customer's purchase revenue bought on discount (0–1). */
  discountedShare: number;
  /** Purchase orders before the as-of date. */
  orders: number;
  /** Orders with at least one row bought on discount. */
  discountedOrders: number;
  /** Net revenue before the as-of date. */
  revenue: number;
  /** Days from the last purchase to the as-of date. */
  daysSinceLastOrder: number;
}
