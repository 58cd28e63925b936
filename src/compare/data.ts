/**
 * The aggregate results a report embeds as data (`<script type="application/json" id="swb-results">`), so that
 * a later run can say what changed: segment sizes per grouping, KPIs per segment, cohort curves, and the facts
 * that make two reports like for like. Aggregates only: no customer id ever enters it, and every count of fewer
 * people than the report's `minGroup` is `null`, as the page hides it. Types and the format marker only.
 */

/** The `format` of every embedded results block. */
export const REPORT_DATA_FORMAT = 'segment-workbench/report-data';

/** Version of the embedded block's shape; a report with another one cannot be compared. */
export const REPORT_DATA_SCHEMA = 1;

/** What must be equal for two reports to be compared like for like (dates as `YYYY-MM-DD`). */
export interface ReportFacts {
  /** Version of segment-workbench that wrote the report. */
  version: string;
  /** File name of the transactions (named when it differs; a monthly export may be renamed). */
  source: string;
  /** First and last order date of the data used. */
  period: { first: string; last: string } | null;
  /** The as-of date of the analyses. */
  asOf: string;
  /** How the columns were read: `preset <name>`, or the mapping `field=column` pairs. */
  mapping: string;
  /** How returns were loaded (`--returns`). */
  returns: string;
  /** The RFM segment map: its name and bins. */
  segmentMap: string;
  /** ISO 4217 currency of the amounts. */
  currency: string;
  /** Smallest count of people shown (`--min-group`). */
  minGroup: number;
}

/** One segment of a grouping: its size and net revenue (`null`: fewer people than `minGroup`, hidden). */
export interface SegmentSize {
  /** Stable key (`champions`, `top-20%`, a country, a cluster's English name). */
  key: string;
  /** Name as the report shows it, in its language. */
  label: string;
  /** Customers in the segment. */
  customers: number | null;
  /** Their net revenue. */
  revenue: number | null;
}

/** The kinds of grouping a report shows sizes of. */
export type GroupingKind = 'rfm' | 'valueTiers' | 'clusters' | 'by';

/** A grouping of the customers into segments. */
export interface Grouping {
  /** `rfm`, `valueTiers`, `clusters` or `by:<attribute>`. */
  id: string;
  /** What it groups by. */
  kind: GroupingKind;
  /** The attribute of a `by` grouping. */
  variable?: string;
  /** Customers grouped (the total the shares are of). */
  customers: number;
  /** Segments in the report's order. */
  segments: SegmentSize[];
}

/** A value with its 95% interval. */
export interface Interval {
  /** The estimate (a mean or a rate). */
  value: number;
  /** Lower end. */
  low: number;
  /** Upper end. */
  high: number;
}

/** The KPIs of one segment at the as-of date (`null`: too few customers to show). */
export interface SegmentKpis {
  /** Grouping id (`rfm`, `valueTiers`). */
  grouping: string;
  /** Segment key. */
  key: string;
  /** Net revenue per customer in the period before the as-of date (month or quarter, as the trends). */
  revenuePerCustomer: Interval | null;
  /** Share of the segment's customers who ordered again in that period. */
  repeatRate: Interval | null;
}

/** One cohort's customer retention by period since its first order. */
export interface CohortCurve {
  /** Cohort key (`2011-03`). */
  cohort: string;
  /** Start of the cohort's period (`YYYY-MM-DD`). */
  start: string | null;
  /** Customers in the cohort (`null`: hidden, fewer than `minGroup`). */
  size: number | null;
  /** Share active per period since the first (period 0 first); `null` for a hidden cohort. */
  retention: number[] | null;
}

/** The cohort curves a report shows. */
export interface CohortCurves {
  /** Cohort period (`month`, `quarter`, `week`). */
  period: string;
  /** Retention of all cohorts together by period since the first order. */
  average: number[];
  /** Each cohort. */
  curves: CohortCurve[];
}

/**
 * Customers since the previous report's as-of date, from this run's data (a report built with `--compare`
 * embeds them; rules in src/compare/since.ts). `null`: fewer people than `minGroup`.
 */
export interface SinceFigures {
  /** The previous report's as-of date (`YYYY-MM-DD`). */
  previousAsOf: string;
  /** Customers with a purchase before it (in this run's data). */
  known: number | null;
  /** Customers whose first purchase is on or after it (and before this as-of date). */
  newCustomers: number | null;
  /** Known customers without a purchase since it. */
  lapsed: number | null;
}

/** Everything a report embeds as data (see {@link REPORT_DATA_FORMAT}). */
export interface ReportData {
  /** Always {@link REPORT_DATA_FORMAT}. */
  format: typeof REPORT_DATA_FORMAT;
  /** Always {@link REPORT_DATA_SCHEMA} for this version. */
  schema: number;
  /** The like-for-like facts. */
  facts: ReportFacts;
  /** Customers with a purchase before the as-of date. */
  customers: number;
  /** Their orders. */
  orders: number;
  /** Their net revenue. */
  revenue: number;
  /** Segment sizes per grouping. */
  groupings: Grouping[];
  /** KPIs per segment, where the report has them (from the trends' last point). */
  kpis: SegmentKpis[];
  /** Cohort retention curves, where the report has them. */
  cohorts: CohortCurves | null;
  /** New and lapsed customers since the compared report's as-of date (only in a report built with `--compare`). */
  since?: SinceFigures;
}
