/**
 * Options of the cluster analysis, their defaults, and their validation (one place, so the result
 * can state exactly what was used).
 */
import { WorkbenchError } from '../../errors.js';
import { DEFAULT_FEATURES } from './features.js';
import {
  checkOptionKeys,
  keyword,
  optionKeys,
  outputTable,
  wholeNumber,
  type DateInput,
  minSizeOption,
} from '../shared/validate.js';
import { resolveMinimums, type Minimums } from '../shared/sufficiency.js';
import { clusterMessages } from './messages.js';

/** Options of {@link clusters}. */
export interface ClusterOptions {
  /**
   * Feature names: computed ones (`recency`, `frequency`, `monetary`, `avg_order_value`, `tenure_days`)
   * or numeric columns of the customers table. @defaultValue ['recency', 'frequency', 'monetary']
   */
  features?: readonly string[];
  /** Number of clusters, or `'auto'` to choose by silhouette over `kRange`. @defaultValue 'auto' */
  k?: number | 'auto';
  /** Smallest and largest k tried when `k` is `'auto'`. @defaultValue [2, 8] */
  kRange?: readonly [number, number];
  /** Seed for sampling and k-means++ (restart r uses `seed + r`). @defaultValue 42 */
  seed?: number;
  /** k-means++ starts of the final fit; the lowest inertia wins. @defaultValue 10 */
  restarts?: number;
  /** Iterations per k-means start. @defaultValue 100 */
  maxIterations?: number;
  /** Customers in the seeded fit sample (everyone is assigned afterwards, in SQL). @defaultValue 50000 */
  sampleSize?: number;
  /** With `k: 'auto'`: customers (first of the fit sample) used to compare the k values. @defaultValue 10000 */
  searchSampleSize?: number;
  /** With `k: 'auto'`: k-means++ starts per k while comparing. @defaultValue 3 */
  searchRestarts?: number;
  /** Customers (first of the fit sample) over which silhouettes are computed (O(n²)). @defaultValue 3000 */
  silhouetteSampleSize?: number;
  /** Sampled customers returned with 2-D coordinates for the scatter chart. @defaultValue 2000 */
  projectionPoints?: number;
  /** Log-scale computed features (`ln(1 + max(x, 0))`); customers columns are never transformed. @defaultValue true */
  logScale?: boolean;
  /**
   * Customers with a missing (or non-finite) feature value: `'exclude'` leaves them out of the
   * clustering (counted in `excludedCount` and the warnings, no row in `table`); `'mean'` imputes the
   * feature's mean (z = 0). @defaultValue 'exclude'
   */
  missing?: 'exclude' | 'mean';
  /** As-of moment: only orders before it count; recency and tenure are measured to its day. @defaultValue the day after the last order */
  asOf?: DateInput;
  /** Clusters with fewer customers are flagged `tooSmall` (too small to act on as a segment). @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Customers table holding attribute features. @defaultValue 'customers' */
  customers?: string;
  /** Table (re)created with `customer_id, cluster` for every clustered customer. @defaultValue 'clusters' */
  table?: string;
  /** Allow `table` to name an input table (`transactions`, `customers`) or `source`, replacing it. @defaultValue false */
  replace?: boolean;
  /**
   * Minimums the data must meet for clusters worth reading, checked into `result.sufficiency` (given ones replace
   * the defaults one by one; any check of {@link Minimums} may be added). @defaultValue { customers: 100, historyDays: 180 }
   */
  minimums?: Minimums;
}

/** The options of a run with every default filled in. */
export interface ClusterOptionsUsed extends Required<Omit<ClusterOptions, 'asOf' | 'replace'>> {
  /** As-of moment used. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
}

const CLUSTER_KEYS = optionKeys<ClusterOptions>({
  features: true,
  k: true,
  kRange: true,
  seed: true,
  restarts: true,
  maxIterations: true,
  sampleSize: true,
  searchSampleSize: true,
  searchRestarts: true,
  silhouetteSampleSize: true,
  projectionPoints: true,
  logScale: true,
  missing: true,
  asOf: true,
  minSize: true,
  source: true,
  customers: true,
  table: true,
  replace: true,
  minimums: true,
});

/** Fill in defaults and check the options (everything but `asOf`, which needs the data). */
export function resolveOptions(o: ClusterOptions): Omit<ClusterOptionsUsed, 'asOf' | 'asOfFromData'> {
  checkOptionKeys('clusters', o, CLUSTER_KEYS);
  const k = o.k ?? 'auto';
  if (k !== 'auto') wholeNumber('k', k, 1);
  const kRange = o.kRange ?? [2, 8];
  wholeNumber('kRange[0]', kRange[0], 2);
  if (!Number.isInteger(kRange[1]) || kRange[1] < kRange[0]) {
    throw new WorkbenchError('BAD_OPTION', clusterMessages.badKRange(kRange), { kRange });
  }
  const seed = o.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw new WorkbenchError('BAD_OPTION', clusterMessages.badSeed(seed), { seed });
  const missing = keyword('missing', o.missing ?? 'exclude', ['exclude', 'mean']);
  return {
    features: [...(o.features ?? DEFAULT_FEATURES)],
    k,
    kRange: [kRange[0], kRange[1]],
    seed,
    restarts: wholeNumber('restarts', o.restarts ?? 10, 1),
    maxIterations: wholeNumber('maxIterations', o.maxIterations ?? 100, 1),
    sampleSize: wholeNumber('sampleSize', o.sampleSize ?? 50_000, 2),
    searchSampleSize: wholeNumber('searchSampleSize', o.searchSampleSize ?? 10_000, 2),
    searchRestarts: wholeNumber('searchRestarts', o.searchRestarts ?? 3, 1),
    silhouetteSampleSize: wholeNumber('silhouetteSampleSize', o.silhouetteSampleSize ?? 3000, 2),
    projectionPoints: wholeNumber('projectionPoints', o.projectionPoints ?? 2000, 0),
    minSize: minSizeOption(o.minSize),
    logScale: o.logScale ?? true,
    missing,
    source: o.source ?? 'transactions',
    customers: o.customers ?? 'customers',
    minimums: resolveMinimums('clusters', o.minimums),
    table: outputTable('clusters', o.table, 'clusters', {
      source: o.source ?? 'transactions',
      ...(o.replace ? { replace: true } : {}),
    }),
  };
}
