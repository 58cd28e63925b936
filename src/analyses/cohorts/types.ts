/**
 * The types of cohort analysis: options, the options actually used, and the result (cells, cohorts,
 * the weighted average curve). Kept apart from the computation in `cohorts.ts`.
 */
import type { CohortPeriod } from './sql.js';
import type { DateInput } from '../shared/validate.js';

/** Options of `cohorts`. */
export interface CohortOptions {
  /** Period of the cohorts and of the period index; weeks are ISO weeks (Monday–Sunday). @defaultValue 'month' */
  period?: CohortPeriod;
  /**
   * Group by an attribute instead of the first-order period: a column of the transactions (the
   * value on the customer's first purchase) or of the customers table. @defaultValue none (cohorts by period)
   */
  by?: string;
  /** Where `by` is looked up. @defaultValue the transactions when they have the column, else the customers table */
  byTable?: 'transactions' | 'customers';
  /** End of observation: orders on or after it are ignored. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** `'net'`: returns subtract from revenue in the period they are booked; `'ignore'`: return rows are left out. @defaultValue 'net' */
  returns?: 'net' | 'ignore';
  /** Leave out the last, partly observed period of each cohort (period 0 always stays). @defaultValue false */
  dropPartial?: boolean;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Customers table (for `by`). @defaultValue 'customers' */
  customers?: string;
}

/** The options of a run with every default filled in. */
export interface CohortOptionsUsed {
  /** Period grain. */
  period: CohortPeriod;
  /** Attribute column, or null for cohorts by first-order period. */
  by: string | null;
  /** Table the attribute came from, or null. */
  byTable: 'transactions' | 'customers' | null;
  /** End of observation. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Return handling. */
  returns: 'net' | 'ignore';
  /** Whether partial cells were dropped. */
  dropPartial: boolean;
  /** Transactions table. */
  source: string;
  /** Customers table. */
  customers: string;
}

/** One cohort × period-index cell. */
export interface CohortCell {
  /** Cohort key: `2010-12`, `2020-W53`, `2011-Q1`, or the attribute value (null when missing). */
  cohort: string | null;
  /** Start of the cohort's first period (time cohorts only). */
  start?: Date;
  /** Periods since the first-order period (0 = the period of the first order). */
  period: number;
  /** Customers in the cohort. */
  size: number;
  /** Customers for whom this period is observed (= size for time cohorts; the weight of the cell). */
  observed: number;
  /** Customers with a purchase in this period. */
  active: number;
  /** active / observed. */
  retention: number;
  /** Net revenue of the cohort in this period. */
  revenue: number;
  /** revenue / observed. */
  revenuePerCustomer: number;
  /** Revenue per customer relative to period 0 (NaN when period 0 revenue is 0). */
  revenueRetention: number;
  /** Sum of revenue per customer over periods 0..period (historical LTV). */
  cumulativeRevenuePerCustomer: number;
  /** True for the last, partly observed period. */
  partial: boolean;
}

/** One cohort. */
export interface CohortSummary {
  /** Cohort key (see {@link CohortCell.cohort}). */
  cohort: string | null;
  /** Start of the first period (time cohorts only). */
  start?: Date;
  /** Customers in the cohort. */
  size: number;
  /** Number of period cells (0..periods-1). */
  periods: number;
  /** Net revenue over all its cells. */
  revenue: number;
}

/** The weighted average curve at one period index, over the cohorts with that period fully observed. */
export interface CohortAveragePoint {
  /** Period index. */
  period: number;
  /** Cohorts included. */
  cohorts: number;
  /** Customers observed (the weights). */
  customers: number;
  /** Active customers in those cohorts. */
  active: number;
  /** Σ active / Σ observed: the size-weighted mean retention. */
  retention: number;
  /** Weighted mean revenue retention (cohorts with period-0 revenue > 0). */
  revenueRetention: number;
  /** Weighted mean cumulative revenue per customer. */
  cumulativeRevenuePerCustomer: number;
}

/** What `cohorts` returns. */
export interface CohortResult {
  /** Options actually used. */
  options: CohortOptionsUsed;
  /** Cohorts: time cohorts by start, attribute cohorts by size (largest first). */
  cohorts: CohortSummary[];
  /** All cells, cohort by cohort (same order as `cohorts`), period ascending. */
  rows: CohortCell[];
  /** Size-weighted average curve (partial cells and the `leftCensored` cohort left out). */
  average: CohortAveragePoint[];
  /** Customers in a cohort. */
  customerCount: number;
  /** Net revenue in all cells. */
  revenue: number;
  /** The last observed period: its key, start and whether it is partial. */
  lastPeriod: { key: string; start: Date; partial: boolean };
  /** Customers with only returns before `asOf` (in no cohort; 0 with `returns: 'ignore'`, which never reads returns). */
  returnsOnlyCustomers: number;
  /** Return rows booked before the customer's first purchase (left out). */
  returnsBeforeFirstPurchase: number;
  /** Net amount of the customers with only returns (≤ 0; in no cohort, so not in `revenue`). @defaultValue absent: not computed */
  returnsOnlyRevenue?: number;
  /** Net amount of the return rows before a customer's first purchase (≤ 0; not in `revenue`). @defaultValue absent: not computed */
  returnsBeforeFirstPurchaseRevenue?: number;
  /**
   * The first time cohort, which also holds every customer who bought before the data starts (their real first
   * order is not in the data: left-censored). It is left out of `average` and of comparisons between cohorts.
   * @defaultValue absent: attribute cohorts, or a single cohort
   */
  leftCensored?: string;
  /** Recoverable data quirks. */
  warnings: string[];
}
