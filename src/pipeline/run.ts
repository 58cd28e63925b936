/**
 * runPipeline: file in, results out — load the transactions (and customer attributes), run every analysis
 * of the registry (`analyses/registry.ts`) in its order, and return the plain results; with a subscriptions
 * file (and usage events) also the subscription analyses, and with only those, only them. What `swb report`
 * and notebook 05 run; turning the results into a report is {@link reportFromResults}'s job (pure), so the
 * report layer never loads a file or queries the database.
 */
import { loadCustomers } from '../data/customers.js';
import type { ColumnMapping } from '../data/fields.js';
import type { LoadReport, ReturnHandling } from '../data/load-report.js';
import { loadTransactions } from '../data/load.js';
import { loadEvents } from '../data/events.js';
import type { Workbench } from '../workbench.js';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { isoDay } from '../messages/format.js';
import { subscriptionMessages } from '../analyses/subscriptions/messages.js';
import { dayAfterLastOrder } from '../analyses/shared/as-of.js';
import { keyword } from '../analyses/shared/validate.js';
import {
  checkSufficiency,
  dataFacts,
  resolveMinimums,
  type DataFacts,
  type Sufficiency,
  type SufficiencyAnalysis,
} from '../analyses/shared/sufficiency.js';
import type {
  AnyAnalysis,
  RunContext,
  SharedReportOptions,
  Stages,
  WithSufficiency,
} from '../analyses/shared/analysis.js';
import { ANALYSES, type AnalysisOptions, type AnalysisResults } from '../analyses/registry.js';
import { runSubscriptions } from '../analyses/subscriptions/run.js';
import { churnByOption, mrrMethodOption } from '../analyses/subscriptions/analysis.js';
import { withStableSources } from '../analyses/shared/customer-cache.js';
import {
  timed,
  attempt,
  type BuildProgress,
  type BuildStage,
  type PipelineAnalysis,
  type PipelineFailures,
  type Watch,
} from './stages.js';

export type { BuildProgress, BuildStage, PipelineAnalysis, PipelineFailures } from './stages.js';
export type { SubscriptionAnalysis } from '../analyses/subscriptions/section.js';
export { PROGRESS_EVERY_MS } from './stages.js';
export type { SubscriptionResults } from '../analyses/subscriptions/run.js';

/** Options for {@link runPipeline}: the files and how to read them, plus the options of the registered analyses. */
export interface PipelineOptions extends SharedReportOptions, AnalysisOptions {
  /**
   * Transactions file (CSV/TSV, .gz, Parquet, JSON).
   * @defaultValue none: then `subscriptions` is required and only the subscription analyses run
   */
  file?: string;
  /** Column preset for the file (e.g. `online-retail`). @defaultValue none (headers recognised) */
  preset?: string;
  /** Explicit column mapping. @defaultValue none */
  mapping?: ColumnMapping;
  /** How returns are loaded. @defaultValue 'net' */
  returns?: ReturnHandling;
  /** Customer attributes file. @defaultValue none */
  customers?: string;
  /** strptime format of text dates in the file (e.g. `%d-%m-%Y`). @defaultValue detected from the file */
  dateFormat?: string;
  /** Called after each stage, and every {@link PROGRESS_EVERY_MS} while a long one runs. @defaultValue none */
  onProgress?: (progress: BuildProgress) => void;
}

/**
 * Everything {@link runPipeline} found: plain result values, nothing to query. Besides the loads, the as-of
 * date, the failures and the sufficiency, one field per registered analysis (`rfm`, `cohorts`, `clusters`,
 * `crosstab`, `segments`, `trends`, `goals`, `clv`, `clvSegments`, `clvCheck`, `overview`, `subscriptions`, `actions`): absent when
 * it did not run or could not be computed (see `failures`).
 */
export interface PipelineResults extends AnalysisResults {
  /** What loading the transactions did (absent in a run on subscriptions only). */
  load?: LoadReport;
  /** What loading the customer attributes did (with `options.customers`). */
  customers?: LoadReport;
  /** What loading the events did, when they came without subscriptions (with them: `subscriptions.events`). */
  events?: LoadReport;
  /**
   * The as-of moment every analysis used (RFM's, given or derived from the data); on subscriptions only, the
   * first day after the last month measured.
   */
  asOf: Date;
  /** The analyses that could not be computed on this data, and why; their sections say so. */
  failures: PipelineFailures;
  /**
   * Is the data enough for RFM, clusters and CLV: each result's own `sufficiency`, or, for an analysis that did
   * not run or could not be computed, its minimums checked here the same way. @defaultValue none (not checked)
   */
  sufficiency?: Record<SufficiencyAnalysis, Sufficiency>;
}

/** The analyses with data minimums, from the registry. */
const SUFFICIENCY_ANALYSES: readonly SufficiencyAnalysis[] = ANALYSES.flatMap((a: AnyAnalysis) =>
  a.sufficiency ? [a.sufficiency] : [],
);

/** The `minimums` option checked up front: an unknown analysis or check, or a bad number, is the caller's to fix. */
function checkMinimums(minimums: PipelineOptions['minimums']): void {
  for (const [analysis, m] of Object.entries(minimums ?? {}))
    resolveMinimums(keyword('minimums analysis', analysis, SUFFICIENCY_ANALYSES), m);
}

/** Each analysis's sufficiency from its result; the data's facts are read (once) only for an analysis without one. */
async function collectSufficiency(
  wb: Workbench,
  asOf: Date,
  given: Partial<Record<SufficiencyAnalysis, Sufficiency>>,
  minimums: PipelineOptions['minimums'],
): Promise<Record<SufficiencyAnalysis, Sufficiency>> {
  let facts: DataFacts | undefined;
  const out: Partial<Record<SufficiencyAnalysis, Sufficiency>> = {};
  for (const a of SUFFICIENCY_ANALYSES) {
    out[a] = given[a] ?? checkSufficiency((facts ??= await dataFacts(wb, { asOf })), a, minimums?.[a]);
  }
  return out as Record<SufficiencyAnalysis, Sufficiency>;
}

const loadDetail = (r: LoadReport): string =>
  `${r.fileName}: ${r.rowsRead.toLocaleString('en')} rows read, ${r.rowsLoaded.toLocaleString('en')} used, ${r.customers.toLocaleString('en')} customers`;

/** The results of a run with a transactions file: its load and headline figures are always there. */
export type TransactionPipelineResults = PipelineResults & Required<Pick<PipelineResults, 'load' | 'overview'>>;

/** Options that only apply to a transactions file (an error in a run on subscriptions only). */
const TRANSACTION_OPTIONS = [
  'preset',
  'mapping',
  'returns',
  'customers',
  'asOf',
  'clv',
  'margin',
  'discountRate',
  'dateFormat',
  'goals',
  'categories',
  'journeyMap',
  'by',
  'migrationFrom',
  'migrationOf',
  'trendsPeriod',
  'minimums',
] as const;

/** A run on subscriptions (and events) only: no transactions, so no RFM, cohorts, clusters or segments. */
async function subscriptionsOnly(
  wb: Workbench,
  options: PipelineOptions & { subscriptions: string },
  watch: Watch,
): Promise<PipelineResults> {
  // a goals file's subscription goals are for this run; its segment goals need transactions
  const given = TRANSACTION_OPTIONS.filter(
    (k) => options[k] !== undefined && options[k] !== false && (k !== 'goals' || options.goals?.goals.length !== 0),
  );
  if (given.length)
    throw new WorkbenchError('BAD_OPTION', messages.flagNeedsTransactions(given.join(', ')), { options: given });
  const failures: PipelineFailures = {};
  const mrrMethod = mrrMethodOption(options.mrrMethod);
  const subscriptions = await runSubscriptions(
    wb,
    {
      subscriptions: options.subscriptions,
      events: options.events,
      mrrMethod,
      fx: options.fx,
      goals: options.goals?.subscriptions
        ? { file: options.goals.file, subscriptions: options.goals.subscriptions }
        : undefined,
      churnBy: churnByOption(options.churnBy),
    },
    stagesOf(failures, watch),
  );
  // The first day after the last month measured: MRR is read on the last day of each month before it.
  const last =
    subscriptions.movements?.options.to ?? subscriptions.load.dateRange?.last ?? subscriptions.load.dateRange?.first;
  if (!last)
    throw new WorkbenchError('NO_DATA', subscriptionMessages.emptySubscriptions(subscriptions.load.fileName), {
      file: options.subscriptions,
    });
  return { asOf: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)), failures, subscriptions };
}

/**
 * Load a file (transactions, subscriptions and usage events, or subscriptions alone) and run the analyses;
 * progress per stage with its duration.
 * @example const results = await runPipeline(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail' });
 * @example const saas = await runPipeline(wb, { subscriptions: 'subscriptions.csv', events: 'events.csv' });
 */
export function runPipeline(
  wb: Workbench,
  options: PipelineOptions & { file: string },
): Promise<TransactionPipelineResults>;
export function runPipeline(wb: Workbench, options: PipelineOptions): Promise<PipelineResults>;
export async function runPipeline(wb: Workbench, options: PipelineOptions): Promise<PipelineResults> {
  const watch: Watch = { wb, onProgress: options.onProgress };
  if (options.fx !== undefined && options.subscriptions === undefined)
    throw new WorkbenchError('BAD_OPTION', messages.fxNeedsSubscriptions(), {});
  if (options.mrrMethod !== undefined && options.subscriptions === undefined)
    throw new WorkbenchError('BAD_OPTION', messages.mrrMethodNeedsSubscriptions(), { mrrMethod: options.mrrMethod });
  if (options.goals?.subscriptions && options.subscriptions === undefined)
    throw new WorkbenchError('BAD_OPTION', messages.subscriptionGoalsNeedSubscriptions(options.goals.file), {});
  if (options.churnBy !== undefined && options.subscriptions === undefined)
    throw new WorkbenchError('BAD_OPTION', messages.churnByNeedsSubscriptions(), { churnBy: options.churnBy });
  if (options.file === undefined) {
    if (options.subscriptions === undefined) throw new WorkbenchError('BAD_OPTION', messages.pipelineNeedsFile(), {});
    return subscriptionsOnly(wb, { ...options, subscriptions: options.subscriptions }, watch);
  }
  const file = options.file;
  const analyses = ANALYSES.filter((a: AnyAnalysis) => a.when?.(options) ?? true);
  // Checked before loading: a bad value is the caller's to fix, not a section that could not be computed.
  for (const a of analyses as readonly AnyAnalysis[]) a.check?.(options);
  checkMinimums(options.minimums);
  const load = await timed(
    'load',
    watch,
    () =>
      loadTransactions(wb, file, {
        ...(options.preset ? { preset: options.preset } : {}),
        ...(options.mapping ? { mapping: options.mapping } : {}),
        ...(options.returns ? { returns: options.returns } : {}),
        ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      }),
    loadDetail,
  );
  // Nothing usable: no analysis can run, and the loader's reasons say why.
  if (load.rowsLoaded === 0) {
    throw new WorkbenchError(
      'NO_DATA',
      messages.nothingLoaded(
        load.fileName,
        load.rowsRead,
        load.setAside.map((s) => [s.reason, s.count] as const),
      ),
      { file },
    );
  }
  // A given as-of date before every order would describe no customer: the caller's to fix, named with the data's period.
  const period = load.dateRange;
  if (options.asOf && period && options.asOf.getTime() <= period.first.getTime()) {
    throw new WorkbenchError(
      'BAD_OPTION',
      messages.asOfBeforeData(isoDay(options.asOf), isoDay(period.first), isoDay(period.last)),
      { asOf: options.asOf, first: period.first, last: period.last },
    );
  }
  const customers = options.customers
    ? await timed('customers', watch, () => loadCustomers(wb, options.customers as string), loadDetail)
    : undefined;
  // Events without subscriptions feed the journey section (usage segments and churn by usage need subscriptions:
  // with them, the subscriptions section loads the events itself).
  const eventsFile = options.subscriptions === undefined ? options.events : undefined;
  const events = eventsFile ? await timed('events', watch, () => loadEvents(wb, eventsFile), loadDetail) : undefined;
  // Checked before any analysis: a name the data does not have is the caller's to fix.
  for (const a of analyses as readonly AnyAnalysis[]) await a.checkLoaded?.(wb, options);
  // The analyses change no transactions: the shared per-customer aggregates are fingerprinted once.
  return withStableSources(wb, async () => {
    const failures: PipelineFailures = {};
    const results: Record<string, unknown> = {};
    const stages = stagesOf(failures, watch);
    let asOf = options.asOf;
    for (const a of analyses as readonly AnyAnalysis[]) {
      // Every analysis after RFM uses RFM's as-of date (given, or the day after the last order).
      const at = asOf ?? (await dayAfterLastOrder(wb, 'transactions'));
      if (!at) throw new WorkbenchError('NO_DATA', messages.noOrders('transactions'), { source: 'transactions' });
      const context: RunContext<object> = {
        wb,
        options,
        asOf: at,
        asOfGiven: options.asOf !== undefined,
        results,
        stages,
        skip: (failure) => {
          failures[a.id as keyof PipelineFailures] = failure;
          watch.onProgress?.({
            stage: a.id as BuildStage,
            ms: 0,
            detail: messages.sectionSkipped(failure.message),
            failed: true,
          });
          return undefined;
        },
      };
      const value = await runOne(a, context, failures, watch);
      if (value !== undefined) results[a.id] = value;
      if (value !== undefined && a.reportAsOf) asOf = a.reportAsOf(value);
      asOf ??= at;
    }
    const given = Object.fromEntries(
      (analyses as readonly AnyAnalysis[]).flatMap((a) =>
        a.sufficiency && results[a.id] ? [[a.sufficiency, (results[a.id] as WithSufficiency).sufficiency]] : [],
      ),
    );
    const sufficiency = await collectSufficiency(wb, asOf as Date, given, options.minimums);
    return {
      load,
      ...(customers ? { customers } : {}),
      ...(events ? { events } : {}),
      asOf: asOf as Date,
      failures,
      ...results,
      sufficiency,
    } as TransactionPipelineResults;
  });
}

/** Run one registered analysis as a timed stage (silent without a progress line), its failures recorded or ending the run. */
async function runOne(
  a: AnyAnalysis,
  context: RunContext<object>,
  failures: PipelineFailures,
  watch: Watch,
): Promise<unknown> {
  const body = () => a.run(context) as Promise<unknown>;
  if (!a.detail) return body();
  // An analysis that skipped itself (context.skip) has already said why.
  const detail = (v: unknown) => (v === undefined ? undefined : (a.detail as (r: unknown) => string)(v));
  if (a.failure === 'fatal') return timed(a.id as BuildStage, watch, body, detail);
  return attempt(a.id as PipelineAnalysis, failures, watch, body, detail);
}

/** The stages an analysis with parts of its own runs them through. */
function stagesOf(failures: PipelineFailures, watch: Watch): Stages {
  return {
    timed: (stage, body, detail) => timed(stage as BuildStage, watch, body, detail),
    attempt: (stage, body, detail) => attempt(stage as PipelineAnalysis, failures, watch, body, detail),
    failures,
  };
}
