/**
 * The types of the trends analysis: options, the options actually used, and the result (points, and every
 * segment at every point with its KPIs). Kept apart from the computation in `index.ts`.
 */
import type { Proportion } from '../../stats/proportion.js';
import type { ClusterNamePart } from '../clusters/names.js';
import type { RfmThresholds } from '../rfm/index.js';
import type { SegmentMap } from '../rfm/segment-map.js';
import type { DateInput } from '../shared/validate.js';
import type { TrendClusterFeature, TrendPeriod } from './sql.js';

/** Options of `trends`. */
export interface TrendsOptions {
  /** The last point (the report's as-of date): orders before it count. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** Step between points. @defaultValue 'month' */
  period?: TrendPeriod;
  /** Number of points, the last at `asOf` (2..60); dates before the first purchase are left out. @defaultValue 12 */
  points?: number;
  /** RFM bins per score, as in `rfm()`. @defaultValue the segment map's bins, else 5 */
  bins?: number;
  /** RFM scoring, as in `rfm()`. @defaultValue 'quantile' */
  scoring?: 'quantile' | RfmThresholds;
  /** RFM segment map, as in `rfm()`. @defaultValue standardSegmentMap(bins) */
  segmentMap?: SegmentMap;
  /** `'net'`: returns subtract from revenue; `'ignore'`: return rows are left out (as in `rfm()`). @defaultValue 'net' */
  returns?: 'net' | 'ignore';
  /**
   * Value tiers: shares of the tiers before the rest, as in `segmentBy({ valueTiers })`, cut over the customers with a
   * purchase before each date (`segmentBy` with a customers table also counts its customers without one). @defaultValue [0.2, 0.3]
   */
  valueTiers?: true | readonly number[];
  /** A point of a segment with fewer customers is flagged `tooSmall` (its KPIs are not shown). @defaultValue 30 */
  minSize?: number;
  /**
   * Clusters to follow: every point's buyers assigned to the nearest of these centres, their features
   * standardised with these means and standard deviations (a `clusters()` result; the last point then has
   * its sizes when the returns rule is `'net'`, as `clusters()` counts). @defaultValue none
   */
  clusters?: TrendClusters;
  /**
   * Customer attributes to follow (columns of the customers table, or transactions attributes such as
   * `country`, a customer's most frequent value), each customer's value taken once, as of `asOf`, as
   * `segmentBy({ column })` gives it; or behavioural segmentations (`timing`, `loyalty`, `journey`,
   * `product-mix`, `channel`, `price`), written again as of every date, so that a customer moves between their
   * segments (a customers-file column of the same name wins and is taken once). @defaultValue none
   */
  by?: readonly string[];
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Customers table (for `by` and clustering features from it). @defaultValue 'customers' */
  customers?: string;
}

/** The parts of a `clusters()` result that trends reads: its features, centres and names. */
export interface TrendClusters {
  /** Features as used, in the centres' coordinate order, with their standardisation. */
  features: ReadonlyArray<TrendClusterFeature & { mean: number; sd: number }>;
  /** Cluster profiles, cluster 1 first: their centres and name parts. */
  profiles: ReadonlyArray<{ cluster: number; centroid: readonly number[]; nameParts: readonly ClusterNamePart[] }>;
  /** The missing-value rule and customers table of the clustering. */
  options: { missing: 'exclude' | 'mean'; customers: string };
}

/** The options of a run with every default filled in. */
export interface TrendsOptionsUsed {
  /** The last point. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Step between points. */
  period: TrendPeriod;
  /** Points asked for (before dates without customers were left out). */
  points: number;
  /** RFM bins. */
  bins: number;
  /** RFM scoring rule. */
  scoring: 'quantile' | RfmThresholds;
  /** RFM segment map. */
  segmentMap: SegmentMap;
  /** Return handling. */
  returns: 'net' | 'ignore';
  /** Value tier shares before the rest. */
  valueTiers: number[];
  /** Points of a segment below this many customers are flagged `tooSmall`. */
  minSize: number;
  /** Transactions table. */
  source: string;
  /** Customers table. */
  customers: string;
  /** Attributes followed (in `groupings`, after the clusters). */
  by: string[];
  /** Clusters followed (0: none). */
  clusters: number;
}

/** One date of the trend: all customers scored then. */
export interface TrendPoint {
  /** The as-of moment: orders before it count. */
  date: Date;
  /** Start of its window, one period before `date`: KPIs of "the period before" count orders in `[windowStart, date)`. */
  windowStart: Date;
  /** Customers with a purchase before `date`. */
  customers: number;
  /** Their net revenue in the window. */
  revenue: number;
}

/** A mean with its 95% interval (normal approximation: mean ± 1.96 · sd / √n; NaN below two customers). */
export interface MeanInterval {
  /** The mean. */
  mean: number;
  /** Lower end of the 95% interval. */
  low: number;
  /** Upper end of the 95% interval. */
  high: number;
}

/** One segment at one point. */
export interface TrendValue {
  /** Segment key: an RFM segment key (`champions`) or a value-tier key (`top-20%`). */
  segment: string;
  /** Index of the point in `points`. */
  point: number;
  /** Customers in the segment at the point's date. */
  customers: number;
  /** Share of the point's customers. */
  share: number;
  /** Their net revenue in the point's window. */
  revenue: number;
  /** Net revenue in the window per customer of the segment (customers without an order in it count as 0). */
  revenuePerCustomer: MeanInterval;
  /**
   * Share of the segment's customers who came back in the window: a purchase order in it by a customer who had
   * bought before it (a first purchase is not a repeat). With its 95% Wilson interval.
   */
  repeatRate: Proportion;
  /**
   * Churn: of the segment's customers at the previous point who bought in the previous point's window, the
   * share with no purchase in this window, with its 95% Wilson interval. Membership is the previous point's, so
   * that churn of recency-based segments (RFM, clusters on recency) is not circular; a segment empty at this
   * point still has it. Not defined (NaN, total 0) at the first point, whose previous window the trend does not cover.
   */
  churn: Proportion;
  /** Fewer customers than `minSize`: a report shows "too small" instead of its KPIs. */
  tooSmall: boolean;
}

/** What {@link trends} returns: keys and numbers only. */
export interface TrendsResult {
  /** Options actually used. */
  options: TrendsOptionsUsed;
  /** The dates with customers, oldest first. */
  points: TrendPoint[];
  /** RFM segment keys, in map order. */
  segments: string[];
  /** Value-tier keys, top first. */
  tiers: string[];
  /** Every RFM segment at every point (empty ones included), point by point in map order. */
  rfm: TrendValue[];
  /** Every value tier at every point, point by point, top first. */
  valueTiers: TrendValue[];
  /** The clusters (when asked for), then each attribute or segmentation of `by`, in that order. */
  groupings: TrendGrouping[];
  /** Recoverable data quirks (a followed segmentation's warnings included, each once). */
  warnings: string[];
}

/** One more grouping followed over time: the clusters, a customer attribute or a behavioural segmentation. */
export interface TrendGrouping {
  /**
   * `'clusters'`: assigned to the clusters' centres at each point; `'attribute'`: a customer attribute, its value
   * as of the last date; `'segmentation'`: a behavioural segmentation, written as of each point's date.
   */
  kind: 'clusters' | 'attribute' | 'segmentation';
  /** `'clusters'`, the attribute's column name or the segmentation's id. */
  by: string;
  /**
   * Segment keys in order: cluster numbers (`'1'` first), the attribute's values as `segmentBy` orders them, or
   * the segmentation's keys with customers at some point in its report order (data-dependent keys as the last
   * point orders them, then earlier ones), `'(missing)'` last for buyers it left out (all of a date's buyers when it
   * could not be worked out at that date: see `warnings`).
   */
  keys: string[];
  /** With clusters: each cluster's name parts (as the clusters result), in key order. */
  nameParts?: ClusterNamePart[][];
  /** Every key at every point (empty ones included), point by point in key order. */
  values: TrendValue[];
}
