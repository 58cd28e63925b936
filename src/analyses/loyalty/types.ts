/** The types of the loyalty analysis: options, the options actually used, and the result (keys and numbers). */
import type { ClvResult } from '../clv/types.js';
import type { RfmResult } from '../rfm/index.js';
import type { Sufficiency, Minimums } from '../shared/sufficiency.js';
import type { DateInput } from '../shared/validate.js';
import type { LoyaltySegment } from './sql.js';

/** Options of `loyalty`. */
export interface LoyaltyOptions {
  /** End of observation: orders on or after it are left out. @defaultValue the RFM result's, else the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** An RFM result whose table is still current (its segment is the signal without CLV). @defaultValue computed at `asOf` */
  rfm?: RfmResult;
  /** A CLV result whose table is still current: P(alive) is then the signal that a customer slips away. @defaultValue none (the RFM segment) */
  clv?: ClvResult;
  /** Segments with fewer customers are flagged `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Minimums the data must meet (checked into `sufficiency`). @defaultValue { customers: 50, historyDays: 180, repeatBuyers: 30 } */
  minimums?: Minimums;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Per-customer table (re)created (see `loyaltyCustomersSql`). @defaultValue 'loyalty' */
  table?: string;
  /** Allow `table` to name an input table, replacing it. @defaultValue false */
  replace?: boolean;
}

/** The options of a run with every default filled in. */
export interface LoyaltyOptionsUsed {
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** What says a customer is slipping away: P(alive) of a CLV model, or the RFM segment. */
  signal: 'p-alive' | 'rfm';
  /** The RFM segment keys counted as slipping away (the `at-risk` and `lost` loyalty groups of its map). */
  lapsingSegments: string[];
  minSize: number;
  minimums: Minimums;
  source: string;
  table: string;
}

/** One loyalty segment. */
export interface LoyaltySegmentSummary {
  /** Stable key (see `LOYALTY_RULES`). */
  key: LoyaltySegment;
  customers: number;
  /** customers / all customers (NaN without customers). */
  share: number;
  /** Net revenue of its customers before the as-of date. */
  revenue: number;
  /** revenue / all revenue (NaN when all revenue ≤ 0). */
  revenueShare: number;
  /** revenue / customers (NaN when empty). */
  revenuePerCustomer: number;
  /** Purchase orders per customer (NaN when empty). */
  ordersPerCustomer: number;
  /** Retention: share of its customers with an order in the last `LOYALTY_RULES.activeDays` days (NaN when empty). */
  activeShare: number;
  /** Median of its customers' own cycles in days (NaN when none has one). */
  medianCycle: number;
  /** Mean CV of the gaps of its customers with one (NaN when none). */
  meanCv: number;
  /** Mean P(alive) (NaN without a CLV model or when empty). */
  meanPAlive: number;
  /** Fewer customers than `minSize` (empty segments too). */
  tooSmall: boolean;
}

/** What `loyalty` returns: aggregates only; the per-customer rows are in `table`. */
export interface LoyaltyResult {
  /** Table with one row per customer: `customer_id, orders, order_days, gaps, cycle, mean_gap, cv, max_gap, days_since, active, revenue, rfm_segment, p_alive, lapsing, segment`. */
  table: string;
  options: LoyaltyOptionsUsed;
  /** Customers with a purchase before the as-of date; each is in exactly one segment. */
  customerCount: number;
  /** Their net revenue. */
  revenue: number;
  /** Every segment in report order (`LOYALTY_SEGMENTS`), empty ones included. */
  segments: LoyaltySegmentSummary[];
  /** Customers with enough order days to judge regularity (`LOYALTY_RULES.regularGaps` gaps). */
  regularityJudged: number;
  /** Is the data enough (customers, history, repeat buyers). */
  sufficiency: Sufficiency;
  /** Recoverable data quirks. */
  warnings: string[];
}
