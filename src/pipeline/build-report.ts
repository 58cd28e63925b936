/**
 * buildReport: file in, report out — {@link runPipeline} loads the file and runs the analyses, then
 * {@link reportFromResults} (pure) assembles the sections in reading order: summary, data quality,
 * the analyses, method. The tool version is read here and passed in. The caller renders/saves.
 */
import type { ClusterResult } from '../analyses/clusters/index.js';
import type { CohortResult } from '../analyses/cohorts/index.js';
import type { RfmResult } from '../analyses/rfm/index.js';
import type { ClvResult } from '../analyses/clv/types.js';
import { clvDoubts, clvFindings, clvSection } from '../analyses/clv/section.js';
import { formatDate, isoDate, toCurrency, type Locale } from '../locale.js';
import { PRESETS } from '../data/presets.js';
import type { Workbench } from '../workbench.js';
import { toolVersion } from '../report/assets.js';
import { report, type ReportBuilder } from '../report/report.js';
import type { ReportSection } from '../report/section.js';
import { dataQualitySection } from '../report/sections/data-quality.js';
import { methodSection, type AnalysisRun } from '../report/sections/method.js';
import { clusterFindings, clustersSection } from '../analyses/clusters/section.js';
import { cohortFindings, cohortsSection } from '../analyses/cohorts/section.js';
import { rfmFindings, rfmSection } from '../analyses/rfm/section.js';
import { segmentsSection, segmentsSummaryFindings } from '../analyses/segments/section.js';
import { summarySection } from '../analyses/overview/section.js';
import { asOfFact } from '../report/figures.js';
import { unavailableSection } from '../report/sections/unavailable.js';
import { texts } from '../i18n/index.js';
import { segmentName } from '../analyses/rfm/words.js';
import { segmentsRun } from '../analyses/segments/report-run.js';
import { withSufficiency } from '../analyses/shared/sufficiency-section.js';
import type { SufficiencyAnalysis } from '../analyses/shared/sufficiency.js';
import { customerAttributesUsed, minimiseLoad } from './minimisation.js';
import { DEFAULT_MIN_GROUP } from '../report/small-groups.js';
import { goalsRun } from '../analyses/goals/index.js';
import { goalsFindings, goalsSection } from '../analyses/goals/section.js';
import { actionsSection } from '../analyses/actions/section.js';
import { runPipeline, type PipelineAnalysis, type PipelineOptions, type PipelineResults } from './run.js';
import { subscriptionInput, subscriptionOnlyReport, subscriptionSectionOf } from './subscription-report.js';
import { subscriptionRuns } from './subscriptions.js';
import { subscriptionSummaryFindings } from '../analyses/subscriptions/section.js';

export type { BuildProgress, BuildStage } from './run.js';

/** Options for {@link buildReport}: what to load and run ({@link PipelineOptions}) and how to present it. */
export interface BuildReportOptions extends PipelineOptions {
  /** Report language (also of the value-tier names). @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue the preset's (GBP for Online Retail, USD for CDNOW), else 'EUR' */
  currency?: string;
  /** Report title. @defaultValue 'Customer segments' / 'Klantsegmenten' */
  title?: string;
  /** Generated-at time for the report. @defaultValue the time of rendering */
  generatedAt?: Date;
  /** Counts of fewer people than this are shown as "< 10" in every table and chart. @defaultValue 10 */
  minGroup?: number;
}

/** How {@link reportFromResults} presents the results. */
export interface ReportFromResultsOptions {
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
  /** Report title. @defaultValue 'Customer segments' / 'Klantsegmenten' */
  title?: string;
  /** Generated-at time for the report. @defaultValue the time of rendering */
  generatedAt?: Date;
  /** Counts of fewer people than this are shown as "< 10" in every table and chart. @defaultValue 10 */
  minGroup?: number;
  /** Version of segment-workbench stated in the method section (e.g. from `toolVersion()`). */
  version: string;
}

/** What the analyses contribute to the report. */
interface AnalysisOutput {
  sections: ReportSection[];
  findings: string[];
  runs: AnalysisRun[];
}

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

/** Each analysis's section, its findings for the summary and its options, in reading order; an analysis that could not be computed gets a section saying why. Pure. */
function analysisSections(r: PipelineResults, locale: Locale, currency: string): AnalysisOutput {
  const out: AnalysisOutput = { sections: [], findings: [], runs: [] };
  const t = texts(locale).report;
  const missing = (id: PipelineAnalysis, title: string): void => {
    const failure = r.failures[id];
    if (failure) out.sections.push(unavailableSection({ id, title }, failure, { locale }));
  };
  // A section on too little data (see PipelineResults.sufficiency) says so and gives the summary nothing.
  const enough = (a: SufficiencyAnalysis): boolean => r.sufficiency?.[a].ok ?? true;
  if (r.rfm) {
    out.sections.push(withSufficiency(rfmSection(r.rfm, { locale, currency }), r.sufficiency?.rfm, locale));
    if (enough('rfm')) out.findings.push(...rfmFindings(r.rfm, locale).slice(0, SUMMARY_FINDINGS.rfm));
    out.runs.push(rfmRun(r.rfm));
  } else missing('rfm', t.rfmSection.title);

  if (r.cohorts) {
    out.sections.push(cohortsSection(r.cohorts, { locale, currency }));
    out.findings.push(...cohortFindings(r.cohorts, locale, currency).slice(0, SUMMARY_FINDINGS.cohorts));
    out.runs.push(cohortsRun(r.cohorts));
  } else missing('cohorts', t.cohortsSection.title);

  const segmentNames = r.rfm ? Object.fromEntries(r.rfm.options.segmentMap.segments.map((sg) => [sg.key, segmentName(sg, locale)])) : {};
  if (r.clusters) {
    out.sections.push(withSufficiency(clustersSection(r.clusters, { locale, currency, ...(r.crosstab ? { rfmCrosstab: r.crosstab } : {}), segmentNames }), r.sufficiency?.clusters, locale));
    if (enough('clusters')) out.findings.push(...clusterFindings(r.clusters, locale, r.crosstab).slice(0, SUMMARY_FINDINGS.clusters));
    out.runs.push(clustersRun(r.clusters));
  } else missing('clusters', t.clustersSection.title);

  if (r.segments) {
    out.sections.push(segmentsSection(r.segments, { locale, currency }));
    out.findings.push(...segmentsSummaryFindings(r.segments, locale, currency).slice(0, SUMMARY_FINDINGS.segments));
    out.runs.push(segmentsRun(r.segments));
  } else missing('segments', t.segmentsSection.title);

  if (r.goals) {
    out.sections.push(goalsSection(r.goals, { locale, currency }));
    out.findings.push(...goalsFindings(r.goals, locale, currency).slice(0, 2));
    out.runs.push(goalsRun(r.goals));
  } else missing('goals', t.goalsSection.title);

  if (r.clv) {
    out.sections.push(withSufficiency(clvSection(r.clv, { locale, currency, ...(r.clvSegments ? { segments: r.clvSegments } : {}), segmentNames }), r.sufficiency?.clv, locale));
    // A prediction the section calls unreliable, or made on too little data, is not quoted in the summary.
    if (clvDoubts(r.clv).length === 0 && enough('clv')) out.findings.push(...clvFindings(r.clv, locale, currency).slice(0, SUMMARY_FINDINGS.clv));
    out.runs.push(clvRun(r.clv));
  } else missing('clv', t.clvSection.title);
  if (r.subscriptions) {
    out.sections.push(subscriptionSectionOf(r.subscriptions, r.failures, locale, currency));
    // MRR and churn lead the summary: for a subscription business they are the headline
    out.findings.unshift(...subscriptionSummaryFindings(subscriptionInput(r.subscriptions, r.failures), locale, currency));
    out.runs.push(...subscriptionRuns(r.subscriptions));
  }
  // Where each segment is in the file of `swb export` (no ids here, only column values).
  const actions = actionsSection({ ...(r.rfm ? { rfm: r.rfm } : {}), ...(r.clusters ? { clusters: r.clusters } : {}), ...(r.segments?.segments ? { tiers: r.segments.segments } : {}) }, { locale });
  if (actions) out.sections.push(actions);
  return out;
}

/** CLV options as a reader needs them to reproduce the run. */
function clvRun(result: ClvResult): AnalysisRun {
  const { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample } = result.options;
  return { name: 'CLV', options: { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample } };
}

/**
 * Turn the results of {@link runPipeline} into the report: header (source, period, as-of date), summary,
 * data quality, one section per analysis, method. Pure: no file is read and nothing is queried. Results
 * of a run on subscriptions alone give their own report (header from the subscriptions load, no RFM,
 * cohort, cluster or segment sections).
 * @example const r = reportFromResults(await runPipeline(wb, { file }), { locale: 'nl', version: toolVersion() });
 */
export function reportFromResults(results: PipelineResults, options: ReportFromResultsOptions): ReportBuilder {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = texts(locale).report;
  const { load, customers, asOf, overview: ov, subscriptions: subs } = results;
  if (!load || !ov) {
    if (!subs) throw new TypeError('reportFromResults: the results hold neither transactions nor subscriptions');
    return subscriptionOnlyReport(subs, results.failures, asOf, {
      locale, currency, title: options.title ?? t.defaultTitle, version: options.version,
      ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}), ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
    });
  }
  const subsLoads = subs ? { subscriptions: subs.load, ...(subs.events ? { events: subs.events } : {}) } : {};
  const analyses = analysisSections(results, locale, currency);
  const attributes = customerAttributesUsed(results);

  const header: Array<[string, string]> = [[t.source, load.fileName]];
  if (ov.period) header.push([t.period, t.periodRange(formatDate(ov.period.first, locale), formatDate(ov.period.last, locale))]);
  header.push(asOfFact(asOf, locale));

  return report({
    title: options.title ?? t.defaultTitle,
    locale,
    currency,
    header,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
  }).add(
    summarySection({ overview: ov, findings: analyses.findings }, { locale, currency }),
    dataQualitySection({ transactions: load, ...(customers ? { customers: minimiseLoad(customers, attributes) } : {}), ...subsLoads, used: { customers: ov.customers, orders: ov.orders, asOf } }, { locale }),
    ...analyses.sections,
    methodSection({
      transactions: load,
      ...(customers ? { customers } : {}),
      ...subsLoads,
      asOf,
      currency,
      analyses: analyses.runs,
      version: options.version,
      privacy: { minGroup: options.minGroup ?? DEFAULT_MIN_GROUP, attributes },
    }, { locale }),
  );
}

/**
 * Load a file, run the analyses and return the report, ready to `save()` or `toHtml()`.
 * @example
 * const r = await buildReport(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail', locale: 'nl' });
 * await r.save('reports/online-retail.nl.html');
 */
export async function buildReport(wb: Workbench, options: BuildReportOptions): Promise<ReportBuilder> {
  const { currency, title, generatedAt, minGroup, ...pipeline } = options;
  const results = await runPipeline(wb, pipeline);
  // A report on subscriptions alone is in their currency (when they have one)
  const ownCurrency = options.file === undefined ? results.subscriptions?.movements?.currency ?? undefined : undefined;
  return reportFromResults(results, {
    locale: options.locale ?? 'en',
    currency: toCurrency(currency ?? (options.preset ? PRESETS[options.preset]?.currency : undefined) ?? ownCurrency ?? 'EUR'),
    ...(title !== undefined ? { title } : {}),
    ...(generatedAt ? { generatedAt } : {}),
    ...(minGroup !== undefined ? { minGroup } : {}),
    version: toolVersion(),
  });
}

/** Parse a `YYYY-MM-DD` as-of date (00:00 UTC), or undefined when it is not one. */
export function parseAsOf(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== text ? undefined : d;
}
