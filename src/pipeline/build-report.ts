/**
 * buildReport: file in, report out — load the transactions (and customer attributes), run every
 * analysis the library has, and assemble the sections in reading order: summary, data quality,
 * the analyses, method. Reports progress per stage with its duration. The caller renders/saves.
 */
import { overview } from '../analyses/overview/index.js';
import { clusters, type ClusterResult } from '../analyses/clusters/index.js';
import { cohorts, type CohortResult } from '../analyses/cohorts/index.js';
import { clusterVsRfm } from '../analyses/clusters/vs-rfm.js';
import { rfm, type RfmResult } from '../analyses/rfm/index.js';
import { clv } from '../analyses/clv/index.js';
import { clvBySegment } from '../analyses/clv/aggregates.js';
import type { ClvResult } from '../analyses/clv/types.js';
import { clvFindings, clvSection } from '../report/sections/clv.js';
import { loadCustomers } from '../data/customers.js';
import type { ColumnMapping } from '../data/fields.js';
import type { LoadReport, ReturnHandling } from '../data/load-report.js';
import { loadTransactions } from '../data/load.js';
import { formatDate, isoDate, toCurrency, type Locale } from '../locale.js';
import { PRESETS } from '../data/presets.js';
import type { Workbench } from '../workbench.js';
import { toolVersion } from '../report/assets.js';
import { report, type ReportBuilder } from '../report/report.js';
import type { ReportSection } from '../report/section.js';
import { dataQualitySection } from '../report/sections/data-quality.js';
import { methodSection, type AnalysisRun } from '../report/sections/method.js';
import { clusterFindings, clustersSection } from '../report/sections/clusters.js';
import { cohortFindings, cohortsSection } from '../report/sections/cohorts.js';
import { rfmFindings, rfmSection } from '../report/sections/rfm.js';
import { segmentsSection, segmentsSummaryFindings } from '../report/sections/segments.js';
import { summarySection } from '../report/sections/summary.js';
import { reportStrings } from '../report/strings.js';
import { segmentsDetail, segmentsForReport, segmentsRun } from './segments.js';

/** A stage of {@link buildReport}. */
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

/** Options for {@link buildReport}. */
export interface BuildReportOptions {
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
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
  /**
   * Add the predicted-value section (BG/NBD + Gamma-Gamma fitted on everything before the as-of day).
   * Off by default: on a single year of data the model often finds no dropout and calls everyone alive.
   * @defaultValue false
   */
  clv?: boolean;
  /** ISO 4217 currency of the amounts. @defaultValue the preset's (GBP for Online Retail, USD for CDNOW), else 'EUR' */
  currency?: string;
  /** Report title. @defaultValue 'Customer segments' / 'Klantsegmenten' */
  title?: string;
  /** Generated-at time for the report. @defaultValue the time of rendering */
  generatedAt?: Date;
  /** Called after each stage. @defaultValue none */
  onProgress?: (progress: BuildProgress) => void;
}

/** What the analysis stages contribute to the report. */
interface AnalysisOutput {
  sections: ReportSection[];
  findings: string[];
  runs: AnalysisRun[];
  asOf?: Date;
}

async function timed<T>(stage: BuildStage, onProgress: BuildReportOptions['onProgress'], body: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  const start = performance.now();
  const value = await body();
  onProgress?.({ stage, ms: performance.now() - start, detail: detail(value) });
  return value;
}

const loadDetail = (r: LoadReport): string =>
  `${r.fileName}: ${r.rowsRead.toLocaleString('en')} rows read, ${r.rowsLoaded.toLocaleString('en')} used, ${r.customers.toLocaleString('en')} customers`;

/** RFM options as a reader needs them to reproduce the run (the segment map by name). */
function rfmRun(result: RfmResult): AnalysisRun {
  const { asOf, bins, scoring, returns, laterOrders, minSize } = result.options;
  return { name: 'RFM', options: { asOf, bins, scoring, returns, laterOrders, segmentMap: 'standard', minSize } };
}

/** Cohort options as a reader needs them to reproduce the run. */
function cohortsRun(result: CohortResult): AnalysisRun {
  const { period, by, asOf, returns, dropPartial } = result.options;
  return { name: 'Cohorts', options: { period, by: by ?? 'first order period', asOf, returns, dropPartial } };
}

/** Cluster options as a reader needs them to reproduce the run. */
function clustersRun(result: ClusterResult): AnalysisRun {
  const { asOf, features, k, kRange, seed, restarts, sampleSize, logScale, missing, minSize } = result.options;
  return { name: 'Clusters', options: { asOf, features, k, kRange, seed, restarts, sampleSize, logScale, missing, minSize } };
}

/** Findings each analysis contributes to the summary (the rest stay in its own section). */
const SUMMARY_FINDINGS = { rfm: 3, cohorts: 2, clusters: 2, segments: 2, clv: 1 } as const;

/** Run the analyses that exist and collect their sections, findings and options. */
async function runAnalyses(wb: Workbench, options: BuildReportOptions, locale: Locale, currency: string): Promise<AnalysisOutput> {
  const { onProgress } = options;
  const out: AnalysisOutput = { sections: [], findings: [], runs: [] };
  // A given as-of date describes the customers as they were then: later orders are left out.
  const rfmResult = await timed('rfm', onProgress, () => rfm(wb, options.asOf ? { asOf: options.asOf, laterOrders: 'exclude' } : {}),
    (r) => `${r.customerCount.toLocaleString('en')} customers scored as of ${isoDate(r.options.asOf)}`);
  const asOf = rfmResult.options.asOf;
  out.asOf = asOf;
  out.sections.push(rfmSection(rfmResult, { locale, currency }));
  out.findings.push(...rfmFindings(rfmResult, locale).slice(0, SUMMARY_FINDINGS.rfm));
  out.runs.push(rfmRun(rfmResult));

  const cohortResult = await timed('cohorts', onProgress, () => cohorts(wb, { asOf }),
    (r) => `${r.cohorts.length} ${r.options.period} cohorts, ${r.customerCount.toLocaleString('en')} customers`);
  out.sections.push(cohortsSection(cohortResult, { locale, currency }));
  out.findings.push(...cohortFindings(cohortResult, locale, currency).slice(0, SUMMARY_FINDINGS.cohorts));
  out.runs.push(cohortsRun(cohortResult));

  const clusterResult = await timed('clusters', onProgress, () => clusters(wb, { asOf }),
    (r) => `k = ${r.k}, ${r.customerCount.toLocaleString('en')} customers, silhouette ${r.silhouette.toFixed(2)}`);
  const crosstab = await clusterVsRfm(wb);
  const segmentNames = Object.fromEntries(rfmResult.options.segmentMap.segments.map((sg) => [sg.key, sg.name[locale]]));
  out.sections.push(clustersSection(clusterResult, { locale, currency, rfmCrosstab: crosstab, segmentNames }));
  out.findings.push(...clusterFindings(clusterResult, locale, crosstab).slice(0, SUMMARY_FINDINGS.clusters));
  out.runs.push(clustersRun(clusterResult));

  const segmentsInput = await timed('segments', onProgress, () => segmentsForReport(wb, { asOf, locale }), segmentsDetail);
  out.sections.push(segmentsSection(segmentsInput, { locale, currency }));
  out.findings.push(...segmentsSummaryFindings(segmentsInput, locale, currency).slice(0, SUMMARY_FINDINGS.segments));
  out.runs.push(segmentsRun(segmentsInput));

  if (!options.clv) return out;
  // Predicted value: BG/NBD + Gamma-Gamma fitted on everything before the as-of day, per RFM segment.
  const calibrationEnd = new Date(asOf.getTime() - 86_400_000);
  const clvResult = await timed('clv', onProgress, () => clv(wb, { calibrationEnd }),
    (r) => `${r.customers.toLocaleString('en')} customers, ${r.bgnbd.repeatBuyers.toLocaleString('en')} repeat buyers, P(alive) and 12-month value`);
  const clvSegments = await clvBySegment(wb, clvResult, { table: rfmResult.table, column: 'segment' });
  out.sections.push(clvSection(clvResult, { locale, currency, segments: clvSegments, segmentNames }));
  out.findings.push(...clvFindings(clvResult, locale, currency).slice(0, SUMMARY_FINDINGS.clv));
  out.runs.push(clvRun(clvResult));
  return out;
}

/** CLV options as a reader needs them to reproduce the run. */
function clvRun(result: ClvResult): AnalysisRun {
  const { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample } = result.options;
  return { name: 'CLV', options: { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample } };
}

/**
 * Load a file, run the analyses and return the report, ready to `save()` or `toHtml()`.
 * @example
 * const r = await buildReport(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail', locale: 'nl' });
 * await r.save('reports/online-retail.nl.html');
 */
export async function buildReport(wb: Workbench, options: BuildReportOptions): Promise<ReportBuilder> {
  const locale = options.locale ?? 'en';
  const currency = toCurrency(options.currency ?? (options.preset ? PRESETS[options.preset]?.currency : undefined) ?? 'EUR');
  const t = reportStrings(locale);
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
  const analyses = await runAnalyses(wb, options, locale, currency);
  const asOf = analyses.asOf;
  const ov = await timed('overview', onProgress, () => overview(wb, asOf ? { asOf } : {}),
    (o) => `${o.customers.toLocaleString('en')} customers, ${o.orders.toLocaleString('en')} orders`);

  const header: Array<[string, string]> = [[t.source, load.fileName]];
  if (ov.period) header.push([t.period, t.periodRange(formatDate(ov.period.first, locale), formatDate(ov.period.last, locale))]);
  if (asOf) header.push([t.asOf, formatDate(asOf, locale)]);

  return report({
    title: options.title ?? t.defaultTitle,
    locale,
    currency,
    header,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  }).add(
    summarySection({ overview: ov, findings: analyses.findings }, { locale, currency }),
    dataQualitySection({ transactions: load, ...(customers ? { customers } : {}) }, { locale }),
    ...analyses.sections,
    methodSection({
      transactions: load,
      ...(customers ? { customers } : {}),
      ...(asOf ? { asOf } : {}),
      currency,
      analyses: analyses.runs,
      version: toolVersion(),
    }, { locale }),
  );
}

/** Parse a `YYYY-MM-DD` as-of date (00:00 UTC), or undefined when it is not one. */
export function parseAsOf(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== text ? undefined : d;
}
