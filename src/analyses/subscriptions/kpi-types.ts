/** The types of `subscriptionKpis`: options, one month's KPIs, one segment's, the result. */
import type { Proportion } from '../../stats/proportion.js';
import type { DateInput } from '../shared/validate.js';
import type { ChurnBy, ResolvedChurnBy } from './churn-by.js';
import type { MrrMethod } from './movements.js';
import type { FxRates } from './fx.js';

/** Options of {@link subscriptionKpis}. */
export interface SubscriptionKpiOptions {
  /** First month (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Also per segment, as mrrMovements takes `by`. @defaultValue none */
  by?: ChurnBy;
  /** Months over which revenue retention is measured (NRR, GRR). @defaultValue 12 */
  retentionMonths?: number;
  /** Days after a trial's start within which a first payment counts as converted. @defaultValue 30 */
  conversionDays?: number;
  /** Gross margin on MRR for the LTV, in (0, 1]. @defaultValue 1 (LTV in revenue) */
  margin?: number;
  /**
   * Months pooled (the month and the ones before it) for the customer churn of a month's LTV and for its
   * `trialConversionPooled`. @defaultValue 12
   */
  poolMonths?: number;
  /** Counting method of the bridge behind MRR and the quick ratio. @defaultValue 'month-end' */
  method?: MrrMethod;
  /** Segments with fewer customers at a month start on average are `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /** Customers table (for a `by` column of it). @defaultValue 'customers' */
  customers?: string;
  /** Exchange rates into one currency, applied before any sum (as mrrMovements takes them). @defaultValue none */
  fx?: FxRates;
}

/** The KPIs of one month. */
export interface SubscriptionKpiMonth {
  /** First day of the month (UTC). */
  month: Date;
  /** MRR at the month's end. */
  mrr: number;
  /** ARR = 12 × MRR. */
  arr: number;
  /** Paying customers at the month's end. */
  customers: number;
  /** ARPA = MRR ÷ paying customers (an account is a customer); null when no one pays. */
  arpa: number | null;
  /** MRR at the end of the month `retentionMonths` earlier, of the customers paying then (the retention base); 0 without one. */
  retentionBase: number;
  /** Net revenue retention: what the base's customers pay now ÷ the base (expansion counts, new customers do not); null without a base. */
  nrr: number | null;
  /** Gross revenue retention: Σ min(now, then) over the base's customers ÷ the base (only losses count); null without a base. */
  grr: number | null;
  /** (new + expansion + reactivation) ÷ (churned + contraction) of the month; null when nothing was lost. */
  quickRatio: number | null;
  /**
   * Customers paying at the end of the previous month who pay nothing at this month's end ÷ those customers,
   * with its 95% Wilson interval (each customer in the segment of the month start); null when no one paid then.
   */
  customerChurn: Proportion | null;
  /**
   * Customer lifetime value = ARPA × margin ÷ monthly customer churn, the churn pooled over the `poolMonths`
   * months up to this one; `low` and `high` divide by the high and the low end of that churn's 95% interval.
   * Each is null when its divisor is 0 (or no one pays). No discounting, churn taken as constant.
   */
  ltv: { value: number | null; low: number | null; high: number | null };
  /** Trials started in the month. */
  trials: number;
  /** Of those, converted ÷ those whose window is over (`pending` left out), with its 95% Wilson interval; null when none is. */
  trialConversion: Proportion | null;
  /**
   * Trial → paid over the trials started in the `poolMonths` months up to this one (decided ones, pooled), with its
   * 95% Wilson interval: the rate the KPI table and goals judge, since the trials of the last month are mostly
   * still pending; null when none is decided.
   */
  trialConversionPooled: Proportion | null;
  /** Trials of the month whose conversion window runs past the data's last date. */
  pendingTrials: number;
}

/** The KPIs of one segment. */
export interface SubscriptionKpiSegment {
  /** Segment value; null for the customers without one. */
  segment: string | null;
  /** One row per month of the range. */
  rows: SubscriptionKpiMonth[];
  /** Fewer than `minSize` customers at a month start on average (the bridge's rule). */
  tooSmall: boolean;
}

/** What {@link subscriptionKpis} returns. */
export interface SubscriptionKpiResult {
  /** Options actually used. */
  options: {
    from: Date;
    to: Date;
    by: ResolvedChurnBy | null;
    retentionMonths: number;
    conversionDays: number;
    margin: number;
    poolMonths: number;
    method: MrrMethod;
    minSize: number | null;
    source: string;
  };
  /** All customers, one row per month. */
  rows: SubscriptionKpiMonth[];
  /** Per segment (with `by`). */
  segments?: SubscriptionKpiSegment[];
  /** The one currency of every amount (the report currency with `fx`), or null when the table records none. */
  currency: string | null;
  /** Recoverable data quirks (the bridge's). */
  warnings: string[];
}
