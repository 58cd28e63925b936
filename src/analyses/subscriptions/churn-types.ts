/** The types of `subscriptionChurn`: options, the options used, one segment's figures, the finding. */
import type { Proportion } from '../../stats/proportion.js';
import type { DateInput } from '../shared/validate.js';
import type { ChurnBy, ResolvedChurnBy } from './churn-by.js';
import type { FxRates, FxUsed } from './fx.js';

/** Options of `subscriptionChurn`. */
export interface SubscriptionChurnOptions {
  /**
   * What to segment by: `'plan'` (the plan with the highest MRR at each month start), another column of
   * the subscriptions (same rule) or of the customers table, `{ table, column }`: a table with
   * `customer_id` and a segment column (default `segment`), such as the one `segmentBy` writes, or
   * `'device'`, `'platform'`, `'app_version'`, `'app_major'` from the usage events (`events`).
   * A customer's segment is taken at the start of each month, so customers who move count where they were.
   */
  by: ChurnBy;
  /** First month (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Gross margin on MRR for the LTV, in (0, 1]. @defaultValue 1 (LTV in revenue) */
  margin?: number;
  /**
   * Segments with fewer customers at risk than this on average per month (customer-months ÷ the months in
   * which anyone is at risk) are flagged `small` and left out of the ranking. @defaultValue 30
   */
  minSize?: number;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /** Customers table (for a `by` column of it). @defaultValue 'customers' */
  customers?: string;
  /**
   * Usage events table, for a `by` of `device`, `platform`, `app_version` or `app_major` (the part before the
   * first dot): each customer's latest value at or before each month start, never their latest overall.
   * @defaultValue 'events'
   */
  events?: string;
  /** Exchange rates into one currency, applied before any sum (as mrrMovements takes them). @defaultValue none */
  fx?: FxRates;
}

/** Customer and revenue churn of one segment over the range (all rates monthly). */
export interface SubscriptionChurnFigures {
  /** Distinct customers paying at some month start in this segment. */
  customers: number;
  /** Customers paying at each month start, summed over the months (customer-months at risk). */
  customerMonths: number;
  /** customerMonths ÷ the months in which anyone is at risk ({@link SubscriptionChurnResult.monthsAtRisk}). */
  averageCustomers: number;
  /** Customers at risk who pay nothing at the month's end. */
  churnedCustomers: number;
  /** Monthly customer churn rate churnedCustomers ÷ customerMonths with its 95% Wilson interval. */
  customerChurn: Proportion;
  /** MRR at the month starts, summed (MRR at risk). */
  mrrAtRisk: number;
  /** MRR of the churned customers at the month start. */
  churnedMrr: number;
  /** MRR lost by customers at risk who pay less (positive). */
  contraction: number;
  /** MRR added by customers at risk who pay more. */
  expansion: number;
  /**
   * MRR of the customers returning in the range (not paying at a month start, paying at its end, paid at an earlier
   * month end), in the segment they return on. Always set by `subscriptionChurn`. @defaultValue 0 when absent
   */
  reactivation?: number;
  /** (churnedMrr + contraction) ÷ mrrAtRisk; null when mrrAtRisk is 0. */
  grossRevenueChurn: number | null;
  /**
   * (churnedMrr + contraction − expansion − reactivation) ÷ mrrAtRisk: ChartMogul's net MRR churn rate, the one
   * definition mrrMovements uses too (net-churn.ts); new MRR left out; negative = net expansion; null when mrrAtRisk is 0.
   */
  netRevenueChurn: number | null;
  /** mrrAtRisk ÷ customerMonths: average MRR of a paying customer at the month start. */
  arpu: number | null;
  /** Simple LTV = arpu × margin ÷ customer churn rate (no discounting, churn taken as constant); null when churn is 0. */
  ltv: number | null;
  /**
   * The simple LTV at the ends of the customer churn's 95% interval: `low` = arpu × margin ÷ the interval's
   * high end, `high` = ÷ its low end (null when that end is 0). Always set by `subscriptionChurn`. @defaultValue absent in results built by hand
   */
  ltvInterval?: { low: number | null; high: number | null };
}

/** One segment of {@link SubscriptionChurnResult}. */
export interface SubscriptionChurnRow extends SubscriptionChurnFigures {
  /** Segment value; null for customers without one. */
  segment: string | null;
  /** Fewer than `minSize` customers at risk on average per month: shown, not ranked. */
  small: boolean;
}

/**
 * Whether customer churn and revenue churn rank the segments alike: `different_order` when the segment
 * with the highest customer churn rate is not the one with the highest gross revenue churn.
 */
export interface SubscriptionChurnFinding {
  /** `same_order` or `different_order` (by the top segment). */
  key: 'same_order' | 'different_order';
  /** Segment with the highest customer churn rate. */
  topByCustomers: string;
  /** Segment with the highest gross revenue churn. */
  topByRevenue: string;
}

/** What `subscriptionChurn` returns. */
export interface SubscriptionChurnResult {
  /** Options actually used (months as first days). */
  options: {
    by: ResolvedChurnBy;
    from: Date;
    to: Date;
    months: number;
    margin: number;
    minSize: number;
    source: string;
    customers: string;
  };
  /** Months of the range in which some customer pays at the month start (the first month of the data has none). */
  monthsAtRisk: number;
  /** Segments in the segment table's order, else by value (the missing value last). */
  rows: SubscriptionChurnRow[];
  /** All customers at risk together. */
  total: SubscriptionChurnFigures;
  /** Ranked segments (not small, with a value), highest rate first; ties by segment value. */
  ranking: { byCustomers: string[]; byRevenue: string[] };
  /** The comparison of the two rankings; null when fewer than two segments are ranked. */
  finding: SubscriptionChurnFinding | null;
  /** `simple`: LTV = ARPU × margin ÷ monthly customer churn rate. */
  ltvMethod: 'simple';
  /** The one currency of every amount (the report currency with `fx`), or null when the table records none. */
  currency: string | null;
  /** How the amounts were converted into `currency` (with `fx` and other currencies in the data). */
  fx?: FxUsed;
  /** Recoverable data quirks. */
  warnings: string[];
}
