/** The types of the timing analysis: options, the options actually used, and the result (keys and numbers). */
import type { DateInput } from '../shared/validate.js';
import type { TimeBand, TimingSegment } from './sql.js';

/** Options of `timing`. */
export interface TimingOptions {
  /** End of observation: orders on or after it are left out; days since the last order count to its day. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** Segments with fewer customers are flagged `tooSmall` (too small to act on as a group). @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
}

/** The options of a run with every default filled in. */
export interface TimingOptionsUsed {
  /** As-of moment. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Segments below this many customers are flagged `tooSmall`. */
  minSize: number;
  /** Transactions table. */
  source: string;
}

/** One timing segment. */
export interface TimingSegmentSummary {
  /** Stable key (see `TIMING_RULES` for the rule of each). */
  key: TimingSegment;
  /** Customers in it. */
  customers: number;
  /** customers / all customers (NaN without customers). */
  share: number;
  /** Net revenue of its customers before the as-of date (returns subtracted). */
  revenue: number;
  /** revenue / all revenue (NaN when all revenue ≤ 0). */
  revenueShare: number;
  /** revenue / customers (NaN when empty). */
  revenuePerCustomer: number;
  /** Fewer customers than `minSize` (empty segments too). */
  tooSmall: boolean;
}

/** Purchase orders in one weekday × hour cell. */
export interface TimingGridCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Hour of day 0–23, or null when the data has no times (one cell per weekday). */
  hour: number | null;
  /** Purchase orders placed then. */
  orders: number;
}

/** Order counts of the whole data, per pattern. */
export interface TimingOrderCounts {
  /** Purchase orders before the as-of date. */
  total: number;
  /** Placed on Saturday or Sunday. */
  weekend: number;
  /** Placed in the holiday season (20 November – 31 December). */
  season: number;
  /** Per time-of-day band (all 0 when the data has no times). */
  bands: Record<TimeBand, number>;
}

/** What `timing` returns: aggregates only. */
export interface TimingResult {
  /** Options actually used. */
  options: TimingOptionsUsed;
  /** Whether any purchase timestamp has a time of day other than 00:00 (false: dates only, no bands). */
  hasTimes: boolean;
  /** Customers with a purchase before the as-of date; each is in exactly one segment. */
  customerCount: number;
  /** Their net revenue. */
  revenue: number;
  /** Every segment in report order (`TIMING_SEGMENTS`; the band segments only when the data has times), empty ones included. */
  segments: TimingSegmentSummary[];
  /** Orders of the whole data per pattern. */
  orders: TimingOrderCounts;
  /** Customers with each pattern whatever segment a higher rule gave them (at least two orders for season and weekend). */
  patterns: { season: number; weekend: number; due: number };
  /** Customers with a purchase cycle, and the median of their cycles in days (NaN when none). */
  cycle: { customers: number; medianDays: number };
  /**
   * Days from the first purchase day up to the as-of date, and how many of them are holiday-season days: a
   * customer buying evenly over time would have `seasonDays / days` of their orders in the season.
   */
  window: { days: number; seasonDays: number };
  /** 7 × 24 cells (7 × 1 without times), Monday 0:00 first; empty cells included. */
  grid: TimingGridCell[];
  /** Recoverable data quirks. */
  warnings: string[];
}
