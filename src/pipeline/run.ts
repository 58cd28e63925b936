/**
 * runPipeline: file in, results out — load the transactions (and customer attributes), run every
 * analysis the library has, in the order a reader meets them, and return the plain results; with a
 * subscriptions file (and usage events) also the subscription analyses, and with only those, only them. What
 * `swb report` and notebook 05 run; turning the results into a report is {@link reportFromResults}'s
 * job (pure), so the report layer never loads a file or queries the database.
 */
import { overview, type OverviewResult } from '../analyses/overview/index.js';
import { clusters, type ClusterResult } from '../analyses/clusters/index.js';
import { clusterVsRfm, type ClusterRfmCrosstab } from '../analyses/clusters/vs-rfm.js';
import { cohorts, type CohortResult } from '../analyses/cohorts/index.js';
import { rfm, type RfmResult } from '../analyses/rfm/index.js';
import { clv, CLV_DISCOUNT_RATE, CLV_MARGIN } from '../analyses/clv/index.js';
import { keyword, numberInRange } from '../analyses/shared/validate.js';
import { clvBySegment, type ClvSegmentRow } from '../analyses/clv/aggregates.js';
import type { ClvResult } from '../analyses/clv/types.js';
import { loadCustomers } from '../data/customers.js';
import type { ColumnMapping } from '../data/fields.js';
import type { LoadReport, ReturnHandling } from '../data/load-report.js';
import { loadTransactions } from '../data/load.js';
import { isoDate, type Locale } from '../locale.js';
import type { SegmentsSectionInput } from '../analyses/segments/section.js';
import type { Workbench } from '../workbench.js';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { dayAfterLastOrder } from '../analyses/shared/as-of.js';
import { checkByAttributes, segmentsDetail, segmentsForReport } from '../analyses/segments/report-run.js';
import { goalsForReport, type GoalsResult, type GoalsSpec } from '../analyses/goals/index.js';
import type { SegmentByResult } from '../analyses/segments/index.js';
import {
  checkSufficiency, dataFacts, resolveMinimums, type DataFacts, type Minimums, type Sufficiency, type SufficiencyAnalysis,
} from '../analyses/shared/sufficiency.js';

import { withStableSources } from '../analyses/shared/customer-cache.js';
import { timed, attempt, type BuildProgress, type PipelineFailures, type Watch } from './stages.js';
import { runSubscriptions, type SubscriptionResults } from './subscriptions.js';
import { subscriptionMessages } from '../analyses/subscriptions/messages.js';

export type { BuildProgress, BuildStage, PipelineAnalysis, SubscriptionAnalysis, PipelineFailures } from './stages.js';
export { PROGRESS_EVERY_MS } from './stages.js';
export type { SubscriptionResults } from './subscriptions.js';

/** Options for {@link runPipeline}. */
export interface PipelineOptions {
  /**
   * Transactions file (CSV/TSV, .gz, Parquet, JSON).
   * @defaultValue none: then `subscriptions` is required and only the subscription analyses run
   */
  file?: string;
  /** Subscriptions file (one row per subscription period); adds the subscriptions section. @defaultValue none */
  subscriptions?: string;
  /** Product usage events file (with `subscriptions`); adds usage segments and churn by usage. @defaultValue none */
  events?: string;
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
  /** With `clv`: share of revenue that is profit; 1 means values are revenue. @defaultValue 1 */
  margin?: number;
  /** With `clv`: yearly discount rate of future value (0.1 = 10% a year). @defaultValue 0 */
  discountRate?: number;
  /** strptime format of text dates in the file (e.g. `%d-%m-%Y`). @defaultValue detected from the file */
  dateFormat?: string;
  /** KPI goals per segment (see `readGoalsFile` in src/pipeline/goals.ts); they get their own section. @defaultValue none */
  goals?: GoalsSpec;
  /**
   * Customer attributes the segments section splits the value tiers by; an unknown name is an error listing
   * the usable ones. @defaultValue country when present, and the first three text columns of the customers file
   */
  by?: readonly string[];
  /** Minimums the data must meet per analysis (see `DEFAULT_MINIMUMS`); a section that misses one says so. @defaultValue DEFAULT_MINIMUMS */
  minimums?: Partial<Record<SufficiencyAnalysis, Minimums>>;
  /** Called after each stage, and every {@link PROGRESS_EVERY_MS} while a long one runs. @defaultValue none */
  onProgress?: (progress: BuildProgress) => void;
}

/** Everything {@link runPipeline} found: plain result values, nothing to query. */
export interface PipelineResults {
  /** What loading the transactions did (absent in a run on subscriptions only). */
  load?: LoadReport;
  /** What loading the customer attributes did (with `options.customers`). */
  customers?: LoadReport;
  /**
   * The as-of moment every analysis used (RFM's, given or derived from the data); on subscriptions only, the
   * first day after the last month measured.
   */
  asOf: Date;
  /** Headline figures before the as-of moment (absent in a run on subscriptions only). */
  overview?: OverviewResult;
  /** RFM scores and segments (absent when it could not be computed: see `failures`). */
  rfm?: RfmResult;
  /** Monthly cohorts (absent when they could not be computed). */
  cohorts?: CohortResult;
  /** k-means clusters (absent when they could not be computed). */
  clusters?: ClusterResult;
  /** Clusters against RFM segments (with both). */
  crosstab?: ClusterRfmCrosstab;
  /** Value tiers, their sub-segments and RFM migration (absent when they could not be computed). */
  segments?: SegmentsSectionInput;
  /** The analyses that could not be computed on this data, and why; their sections say so. */
  failures: PipelineFailures;
  /** Subscriptions, MRR, churn and usage (with `options.subscriptions`). */
  subscriptions?: SubscriptionResults;
  /** KPIs against the goals (with `options.goals`). */
  goals?: GoalsResult;
  /** Predicted value (with `options.clv`). */
  clv?: ClvResult;
  /** Predicted value per RFM segment (with `options.clv`). */
  clvSegments?: ClvSegmentRow[];
  /**
   * Is the data enough for RFM, clusters and CLV: each result's own `sufficiency`, or, for an analysis that did
   * not run or could not be computed, its minimums checked here the same way. @defaultValue none (not checked)
   */
  sufficiency?: Record<SufficiencyAnalysis, Sufficiency>;
}

/**
 * The goals' KPIs. Goals on RFM segments when RFM could not be computed become a section failure; a goal the
 * data cannot answer (a segment or column it does not have) ends the run: the goals file is the caller's to fix.
 */
async function runGoals(
  wb: Workbench, spec: GoalsSpec, context: { asOf: Date; rfm: RfmResult | undefined; tiers: SegmentByResult | undefined },
  failures: PipelineFailures, watch: Watch,
): Promise<GoalsResult | undefined> {
  if (spec.segments === 'rfm' && !context.rfm) {
    failures.goals = { code: 'NO_DATA', message: messages.goalsAt(spec.file, '$.segments', messages.goalsNeedRfm()) };
    watch.onProgress?.({ stage: 'goals', ms: 0, detail: messages.sectionSkipped(failures.goals.message), failed: true });
    return undefined;
  }
  return timed('goals', watch, () => goalsForReport(wb, spec, {
    asOf: context.asOf, ...(context.rfm ? { rfm: context.rfm } : {}), ...(context.tiers ? { tiers: context.tiers } : {}),
  }), (g) => {
    const n = (s: string) => g.kpis.rows.filter((r) => r.status === s).length;
    return `${g.kpis.rows.length} segment × goal rows: ${n('met')} met, ${n('close')} close, ${n('missed')} missed`;
  });
}

const SUFFICIENCY_ANALYSES: readonly SufficiencyAnalysis[] = ['rfm', 'clusters', 'clv'];

/** The `minimums` option checked up front: an unknown analysis or check, or a bad number, is the caller's to fix. */
function checkMinimums(minimums: PipelineOptions['minimums']): void {
  for (const [analysis, m] of Object.entries(minimums ?? {})) resolveMinimums(keyword('minimums analysis', analysis, SUFFICIENCY_ANALYSES), m);
}

/** Each analysis's sufficiency from its result; the data's facts are read (once) only for an analysis without one. */
async function collectSufficiency(
  wb: Workbench, asOf: Date, given: Partial<Record<SufficiencyAnalysis, Sufficiency>>, minimums: PipelineOptions['minimums'],
): Promise<Record<SufficiencyAnalysis, Sufficiency>> {
  let facts: DataFacts | undefined;
  const out: Partial<Record<SufficiencyAnalysis, Sufficiency>> = {};
  for (const a of SUFFICIENCY_ANALYSES) {
    out[a] = given[a] ?? checkSufficiency(facts ??= await dataFacts(wb, { asOf }), a, minimums?.[a]);
  }
  return out as Record<SufficiencyAnalysis, Sufficiency>;
}

const loadDetail = (r: LoadReport): string =>
  `${r.fileName}: ${r.rowsRead.toLocaleString('en')} rows read, ${r.rowsLoaded.toLocaleString('en')} used, ${r.customers.toLocaleString('en')} customers`;

/** The results of a run with a transactions file: its load and headline figures are always there. */
export type TransactionPipelineResults = PipelineResults & Required<Pick<PipelineResults, 'load' | 'overview'>>;

/** Options that only apply to a transactions file (an error in a run on subscriptions only). */
const TRANSACTION_OPTIONS = ['preset', 'mapping', 'returns', 'customers', 'asOf', 'clv', 'margin', 'discountRate', 'dateFormat', 'goals', 'by', 'minimums'] as const;

/** A run on subscriptions (and events) only: no transactions, so no RFM, cohorts, clusters or segments. */
async function subscriptionsOnly(wb: Workbench, options: PipelineOptions & { subscriptions: string }, watch: Watch): Promise<PipelineResults> {
  const given = TRANSACTION_OPTIONS.filter((k) => options[k] !== undefined && options[k] !== false);
  if (given.length) throw new WorkbenchError('BAD_OPTION', messages.flagNeedsTransactions(given.join(', ')), { options: given });
  const failures: PipelineFailures = {};
  const subscriptions = await runSubscriptions(wb, { subscriptions: options.subscriptions, events: options.events }, failures, watch);
  // The first day after the last month measured: MRR is read on the last day of each month before it.
  const last = subscriptions.movements?.options.to ?? subscriptions.load.dateRange?.last ?? subscriptions.load.dateRange?.first;
  if (!last) throw new WorkbenchError('NO_DATA', subscriptionMessages.emptySubscriptions(subscriptions.load.fileName), { file: options.subscriptions });
  return { asOf: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)), failures, subscriptions };
}

/**
 * Load a file (transactions, subscriptions and usage events, or subscriptions alone) and run the analyses;
 * progress per stage with its duration.
 * @example const results = await runPipeline(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail' });
 * @example const saas = await runPipeline(wb, { subscriptions: 'subscriptions.csv', events: 'events.csv' });
 */
export function runPipeline(wb: Workbench, options: PipelineOptions & { file: string }): Promise<TransactionPipelineResults>;
export function runPipeline(wb: Workbench, options: PipelineOptions): Promise<PipelineResults>;
export async function runPipeline(wb: Workbench, options: PipelineOptions): Promise<PipelineResults> {
  const watch: Watch = { wb, onProgress: options.onProgress };
  if (options.events !== undefined && options.subscriptions === undefined) throw new WorkbenchError('BAD_OPTION', messages.eventsNeedSubscriptions(), { events: options.events });
  if (options.file === undefined) {
    if (options.subscriptions === undefined) throw new WorkbenchError('BAD_OPTION', messages.pipelineNeedsFile(), {});
    return subscriptionsOnly(wb, { ...options, subscriptions: options.subscriptions }, watch);
  }
  const file = options.file;
  // Checked before loading: a bad value is the caller's to fix, not a section that could not be computed.
  if (options.margin !== undefined) numberInRange('margin', options.margin, CLV_MARGIN);
  if (options.discountRate !== undefined) numberInRange('discountRate', options.discountRate, CLV_DISCOUNT_RATE);
  checkMinimums(options.minimums);
  const minimumsOf = (a: SufficiencyAnalysis): { minimums?: Minimums } => (options.minimums?.[a] ? { minimums: options.minimums[a] } : {});
  const load = await timed('load', watch, () =>
    loadTransactions(wb, file, {
      ...(options.preset ? { preset: options.preset } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.returns ? { returns: options.returns } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    }), loadDetail);
  // Nothing usable: no analysis can run, and the loader's reasons say why.
  if (load.rowsLoaded === 0) {
    throw new WorkbenchError('NO_DATA', messages.nothingLoaded(load.fileName, load.rowsRead, load.setAside.map((s) => [s.reason, s.count] as const)), { file });
  }
  const customers = options.customers
    ? await timed('customers', watch, () => loadCustomers(wb, options.customers as string), loadDetail)
    : undefined;
  // Checked before any analysis: a name the data does not have is the caller's to fix.
  if (options.by) await checkByAttributes(wb, options.by);
  // The analyses change no transactions: the shared per-customer aggregates are fingerprinted once.
  return withStableSources(wb, async () => {
    const failures: PipelineFailures = {};
    // A given as-of date describes the customers as they were then: later orders are left out.
    const rfmResult = await attempt('rfm', failures, watch, () => rfm(wb, { ...(options.asOf ? { asOf: options.asOf, laterOrders: 'exclude' } : {}), ...minimumsOf('rfm') }),
      (r) => `${r.customerCount.toLocaleString('en')} customers scored as of ${isoDate(r.options.asOf)}`);
    const asOf = rfmResult?.options.asOf ?? options.asOf ?? await dayAfterLastOrder(wb, 'transactions');
    if (!asOf) throw new WorkbenchError('NO_DATA', messages.noOrders('transactions'), { source: 'transactions' });
    const cohortResult = await attempt('cohorts', failures, watch, () => cohorts(wb, { asOf }),
      (r) => `${r.cohorts.length} ${r.options.period} cohorts, ${r.customerCount.toLocaleString('en')} customers`);
    const clusterResult = await attempt('clusters', failures, watch, () => clusters(wb, { asOf, ...minimumsOf('clusters') }),
      (r) => `k = ${r.k}, ${r.customerCount.toLocaleString('en')} customers, silhouette ${r.silhouette.toFixed(2)}`);
    const crosstab = rfmResult && clusterResult ? await clusterVsRfm(wb, { rfm: rfmResult, clusters: clusterResult }) : undefined;
    const segments = await attempt('segments', failures, watch,
      () => segmentsForReport(wb, { asOf, ...(options.by ? { by: options.by } : {}), ...(rfmResult ? { rfm: rfmResult } : {}) }), segmentsDetail);
    const goals = options.goals ? await runGoals(wb, options.goals, { asOf, rfm: rfmResult, tiers: segments?.segments }, failures, watch) : undefined;
    const results: Omit<PipelineResults, 'overview'> = {
      load, ...(customers ? { customers } : {}), asOf, failures,
      ...(rfmResult ? { rfm: rfmResult } : {}), ...(cohortResult ? { cohorts: cohortResult } : {}),
      ...(clusterResult ? { clusters: clusterResult } : {}), ...(crosstab ? { crosstab } : {}), ...(segments ? { segments } : {}),
      ...(goals ? { goals } : {}),
    };
    if (options.clv) {
      // Predicted value: BG/NBD + Gamma-Gamma fitted on everything before the as-of day, per RFM segment.
      const calibrationEnd = new Date(asOf.getTime() - 86_400_000);
      const clvResult = await attempt('clv', failures, watch, () => clv(wb, {
        calibrationEnd,
        ...(options.margin !== undefined ? { margin: options.margin } : {}),
        ...(options.discountRate !== undefined ? { discountRate: options.discountRate } : {}),
        ...minimumsOf('clv'),
      }),
        (r) => `${r.customers.toLocaleString('en')} customers, ${r.bgnbd.repeatBuyers.toLocaleString('en')} repeat buyers, P(alive) and 12-month value`);
      if (clvResult) {
        results.clv = clvResult;
        if (rfmResult) results.clvSegments = await clvBySegment(wb, clvResult, rfmResult);
      }
    }
    const ov = await timed('overview', watch, () => overview(wb, { asOf }),
      (o) => `${o.customers.toLocaleString('en')} customers, ${o.orders.toLocaleString('en')} orders`);
    const sufficiency = await collectSufficiency(wb, asOf, {
      ...(rfmResult ? { rfm: rfmResult.sufficiency } : {}), ...(clusterResult ? { clusters: clusterResult.sufficiency } : {}),
      ...(results.clv ? { clv: results.clv.sufficiency } : {}),
    }, options.minimums);
    const subscriptions = options.subscriptions === undefined ? undefined
      : await runSubscriptions(wb, { subscriptions: options.subscriptions, events: options.events }, failures, watch);
    return { ...results, overview: ov, sufficiency, ...(subscriptions ? { subscriptions } : {}) };
  });
}