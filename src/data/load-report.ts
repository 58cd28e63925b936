/** What a load did with every row: the LoadReport type and its reasons. */

/** Why a source row was set aside instead of loaded. */
export type SetAsideReason =
  | 'missing_customer_id'
  | 'unparseable_date'
  | 'date_out_of_range'
  | 'unparseable_amount'
  | 'invalid_amount'
  | 'zero_amount'
  | 'return_excluded'
  | 'cancellation_excluded'
  | 'duplicate';

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

/** The result of `loadTransactions` / `loadCustomers`. */
export interface LoadReport {
  /** Which table was (re)built. */
  table: 'transactions' | 'customers';
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
  /** First and last order date (transactions only). */
  dateRange?: { first: Date; last: Date };
  /** Distinct customers loaded. */
  customers: number;
  /** Distinct orders loaded (transactions only). */
  orders?: number;
  /** Which source column became which field. */
  columns: ColumnUse[];
  /** How returns were handled (transactions only). */
  returns?: ReturnHandling;
  /** Non-fatal notes (e.g. a date format that was guessed, columns ignored). */
  warnings: string[];
}
