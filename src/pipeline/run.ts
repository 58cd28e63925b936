/**
 * runPipeline: file in, results out — load the transactions (and customer attributes), run every
 * analysis the library has, in the order a reader meets them, and return the plain results. What
 * `swb report` and notebook 05 run; turning the results into a report is {@link reportFromResults}'s
 * job (pure), so the report layer never loads a file or queries the database.
 */
import { overview, type OverviewResult } from '../analyses/overview/index.js';
import { clusters, type ClusterResult } from '../analyses/clusters/index.js';
import { clusterVsRfm, type ClusterRfmCrosstab } from '../analyses/clusters/vs-rfm.js';
import { cohorts, type CohortResult } from '../analyses/cohorts/index.js';
import { rfm, type RfmResult } from '../analyses/rfm/index.js';
import { clv } from '../analyses/clv/index.js';
import { clvBySegment, type ClvSegmentRow } from '../analyses/clv/aggregates.js';
import type { ClvResult } from '../analyses/clv/types.js';
import { loadCustomers } from '../data/customers.js';
import type { ColumnMapping } from '../data/fields.js';
import type { LoadReport, ReturnHandling } from '../data/load-report.js';
import { loadTransactions } from '../data/load.js';
import { isoDate, type Locale } from '../locale.js';
import type { SegmentsSectionInput } from '../report/sections/segments.js';
import type { Workbench } from '../workbench.js';
import { segmentsDetail, segmentsForReport } from './segments.js';

/** A stage of {@link runPipeline}. */
export type BuildStage = 'load' | 'customers' | 'overview' | 'rfm' | 'cohorts' | 'clusters' | 'segments' | 'clv';

/** Reported after each stage. */
export interface BuildProgress {
  /** Which stage finished. */
  stage: BuildStage;
  /** How long it took, in milliseconds. */
  ms: number;
  /** What it did, in a few words (English, for the console). */
  detail: string;
}

/** Options for {@link runPipeline}. */
export interface PipelineOptions {
  /** Transactions file (CSV/TSV, .gz, Parquet, JSON). */
  file: string;
  /** Column preset for the file (e.g. `online-retail`). @defaultValue none (headers recognised) */
  preset?: string;
  /** Explicit column mapping. @defaultValue none */
  mapping?: ColumnMapping;
  /** How returns are loaded. @defaultValue 'net' */
  returns?: ReturnHandling;
  /** Customer attributes file. @defaultValue none */
  customers?: string;
  /** As-of date of the analyses; later orders are left out. @defaultValue the day after the last order */
  asOf?: Date;
  /** Language of the value-tier names (they are data). @defaultValue 'en' */
  locale?: Locale;
  /**
   * Also fit BG/NBD + Gamma-Gamma on everything before the as-of day (predicted value per RFM segment).
   * Off by default: on a single year of data the model often finds no dropout and calls everyone alive.
   * @defaultValue false
   */
  clv?: boolean;
  /** Called after each stage. @defaultValue none */
  onProgress?: (progress: BuildProgress) => void;
}

/** Everything {@link runPipeline} found: plain result values, nothing to query. */
export interface PipelineResults {
  /** What loading the transactions did. */
  load: LoadReport;
  /** What loading the customer attributes did (with `options.customers`). */
  customers?: LoadReport;
  /** The as-of moment every analysis used (RFM's, given or derived from the data). */
  asOf: Date;
  /** Headline figures before the as-of moment. */
  overview: OverviewResult;
  /** RFM scores and segments. */
  rfm: RfmResult;
  /** Monthly cohorts. */
  cohorts: CohortResult;
  /** k-means clusters. */
  clusters: ClusterResult;
  /** Clusters against RFM segments. */
  crosstab: ClusterRfmCrosstab;
  /** Value tiers, their sub-segments and RFM migration. */
  segments: SegmentsSectionInput;
  /** Predicted value (with `options.clv`). */
  clv?: ClvResult;
  /** Predicted value per RFM segment (with `options.clv`). */
  clvSegments?: ClvSegmentRow[];
}

async function timed<T>(stage: BuildStage, onProgress: PipelineOptions['onProgress'], body: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  const start = performance.now();
  const value = await body();
  onProgress?.({ stage, ms: performance.now() - start, detail: detail(value) });
  return value;
}

const loadDetail = (r: LoadReport): string =>
  `${r.fileName}: ${r.rowsRead.toLocaleString('en')} rows read, ${r.rowsLoaded.toLocaleString('en')} used, ${r.customers.toLocaleString('en')} customers`;

/**
 * Load a file and run the analyses; progress per stage with its duration.
 * @example const results = await runPipeline(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail' });
 */
export async function runPipeline(wb: Workbench, options: PipelineOptions): Promise<PipelineResults> {
  const { onProgress } = options;
  const load = await timed('load', onProgress, () =>
    loadTransactions(wb, options.file, {
      ...(options.preset ? { preset: options.preset } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.returns ? { returns: options.returns } : {}),
    }), loadDetail);
  const customers = options.customers
    ? await timed('customers', onProgress, () => loadCustomers(wb, options.customers as string), loadDetail)
    : undefined;
  // A given as-of date describes the customers as they were then: later orders are left out.
  const rfmResult = await timed('rfm', onProgress, () => rfm(wb, options.asOf ? { asOf: options.asOf, laterOrders: 'exclude' } : {}),
    (r) => `${r.customerCount.toLocaleString('en')} customers scored as of ${isoDate(r.options.asOf)}`);
  const asOf = rfmResult.options.asOf;
  const cohortResult = await timed('cohorts', onProgress, () => cohorts(wb, { asOf }),
    (r) => `${r.cohorts.length} ${r.options.period} cohorts, ${r.customerCount.toLocaleString('en')} customers`);
  const clusterResult = await timed('clusters', onProgress, () => clusters(wb, { asOf }),
    (r) => `k = ${r.k}, ${r.customerCount.toLocaleString('en')} customers, silhouette ${r.silhouette.toFixed(2)}`);
  const crosstab = await clusterVsRfm(wb, { rfm: rfmResult, clusters: clusterResult });
  const segments = await timed('segments', onProgress,
    () => segmentsForReport(wb, { asOf }), segmentsDetail);
  const results: Omit<PipelineResults, 'overview'> = {
    load, ...(customers ? { customers } : {}), asOf, rfm: rfmResult, cohorts: cohortResult, clusters: clusterResult, crosstab, segments,
  };
  if (options.clv) {
    // Predicted value: BG/NBD + Gamma-Gamma fitted on everything before the as-of day, per RFM segment.
    const calibrationEnd = new Date(asOf.getTime() - 86_400_000);
    results.clv = await timed('clv', onProgress, () => clv(wb, { calibrationEnd }),
      (r) => `${r.customers.toLocaleString('en')} customers, ${r.bgnbd.repeatBuyers.toLocaleString('en')} repeat buyers, P(alive) and 12-month value`);
    results.clvSegments = await clvBySegment(wb, results.clv, rfmResult);
  }
  const ov = await timed('overview', onProgress, () => overview(wb, { asOf }),
    (o) => `${o.customers.toLocaleString('en')} customers, ${o.orders.toLocaleString('en')} orders`);
  return { ...results, overview: ov };
}
