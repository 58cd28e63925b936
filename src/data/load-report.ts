/** What a load did with every row: the LoadReport type and its reasons. */

/** Why a source row was set aside instead of loaded. */
export type SetAsideReason =
  | 'missing_customer_id'
  | 'unparseable_date'
  | 'date_out_of_range'
  | 'unparseable_amount'
  | 'invalid_amount'
  | 'zero_amount'
  /** Transactions: the unit price is below zero (not the price of a sale; quantity × price would turn a return into a purchase). */
  | 'negative_price'
  /** A line that repeats the header (files joined with their headers). */
  | 'repeated_header'
  | 'return_excluded'
  | 'cancellation_excluded'
  | 'duplicate'
  /** Subscriptions: the subscription id column is empty in this row. */
  | 'missing_subscription_id'
  /** Subscriptions: the end date is on or before the start date (a period of zero days or less). */
  | 'end_before_start'
  /** Subscriptions: the monthly recurring revenue is below zero. */
  | 'negative_mrr'
  /** Subscriptions: the billing interval is not one of month, quarter, half year, year, week. */
  | 'invalid_interval'
  /** Subscriptions: the period starts before an earlier-starting period of the same subscription ends. */
  | 'overlapping_period'
  /**
   * Subscriptions: the period starts inside a kept period of the same subscription and plan at another MRR (a
   * price change written without ending the earlier period).
   */
  | 'price_change_in_period'
  /** Events: the event name is empty. */
  | 'missing_event';

/** Rows set aside for one reason. */
export interface SetAside {
  /** Why. */
  reason: SetAsideReason;
  /** How many source rows. */
  count: number;
  /** A few source row numbers (1-based line numbers in the file, header = line 1; record numbers for Parquet/JSON). */
  examples: number[];
}

/** Which source column became which canonical field. */
export interface ColumnUse {
  /** Canonical field (`customer_id`, `order_date`, `amount`, …). */
  field: string;
  /** Source column name(s) or expression (`Quantity × UnitPrice`). */
  source: string;
}

/** How returns and cancellations are handled when loading. */
export type ReturnHandling = 'net' | 'exclude';

/** The result of `loadTransactions` / `loadCustomers` / `loadSubscriptions` / `loadEvents`. */
export interface LoadReport {
  /** Which table was (re)built. */
  table: 'transactions' | 'customers' | 'subscriptions' | 'events';
  /** The path as given. */
  source: string;
  /** File name without directories. */
  fileName: string;
  /** Detected format. */
  format: 'csv' | 'parquet' | 'json';
  /** sha256 of the file's bytes (so a report can name exactly what it read). */
  sha256: string;
  /** Preset used, if any. */
  preset?: string;
  /** Data rows read from the file (header excluded). */
  rowsRead: number;
  /** Rows now in the table. */
  rowsLoaded: number;
  /** Rows set aside, grouped by reason, in a fixed reason order; reasons with zero rows are omitted. */
  setAside: SetAside[];
  /**
   * Transactions: first and last order date. Subscriptions: first start date and latest start or end date.
   * Events: first and last event time.
   */
  dateRange?: { first: Date; last: Date };
  /** Distinct customers loaded. */
  customers: number;
  /** Distinct orders loaded (transactions only). */
  orders?: number;
  /** Distinct subscription ids loaded (subscriptions only). */
  subscriptions?: number;
  /** Which source column became which field. */
  columns: ColumnUse[];
  /** How returns were handled (transactions only). */
  returns?: ReturnHandling;
  /** Non-fatal notes (e.g. a date format that was guessed, columns ignored). */
  warnings: string[];
}
