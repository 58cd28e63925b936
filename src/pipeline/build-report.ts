/**
 * buildReport: file in, report out — {@link runPipeline} loads the file and runs the analyses, then
 * {@link reportFromResults} (pure) assembles the sections in reading order: summary, data quality,
 * the analyses, method. The tool version is read here and passed in. The caller renders/saves.
 */
import { formatDate, isoDate, toCurrency, type Locale } from '../locale.js';
import { PRESETS } from '../data/presets.js';
import type { Workbench } from '../workbench.js';
import { toolVersion } from '../report/assets.js';
import { report, type ReportBuilder } from '../report/report.js';
import type { ReportSection } from '../report/section.js';
import { dataQualitySection } from '../report/sections/data-quality.js';
import { methodSection, type AnalysisRun } from '../report/sections/method.js';
import { unavailableSection } from '../report/sections/unavailable.js';
import { asOfFact } from '../report/figures.js';
import { DEFAULT_MIN_GROUP } from '../report/small-groups.js';
import { texts } from '../i18n/index.js';
import { ANALYSES } from '../analyses/registry.js';
import type { AnyAnalysis, PresentContext } from '../analyses/shared/analysis.js';
import { withSufficiency } from '../analyses/shared/sufficiency-section.js';
import { summarySection } from '../analyses/overview/section.js';
import { compareReports } from '../compare/compare.js';
import type { ReportData, SinceFigures } from '../compare/data.js';
import { sinceFigures } from '../compare/since.js';
import { comparisonSection } from '../compare/section.js';
import { snapshotMoves, writeSnapshot, type SnapshotMoves, type SnapshotSource } from '../compare/snapshot.js';
import { clusterNames } from '../analyses/clusters/words.js';
import { customerAttributesUsed, minimiseLoad } from './minimisation.js';
import { reportDataOf } from './report-data.js';
import { runPipeline, type PipelineOptions, type PipelineResults, type TransactionPipelineResults } from './run.js';
import { subscriptionOnlyReport } from './subscription-report.js';

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
  /**
   * The results a previous report embeds (`readReportData(path)`): the report then opens with "What changed".
   * @defaultValue none
   */
  compareWith?: ReportData;
  /** Write each customer's segment per grouping (pseudonymised) to this Parquet file. @defaultValue none */
  snapshot?: string;
  /** A snapshot of the previous run: "What changed" (with `compareWith`) counts who moved where. @defaultValue none */
  compareSnapshot?: string;
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
  /** The results a previous report embeds: the report then opens with "What changed". @defaultValue none */
  compareWith?: ReportData;
  /** Moves between a previous snapshot and this run (`snapshotMoves`), counted in "What changed". @defaultValue none */
  moves?: SnapshotMoves;
  /** New and lapsed customers since `compareWith`'s as-of date (`sinceFigures`), embedded and shown. @defaultValue none */
  since?: SinceFigures;
}

/** What the analyses contribute to the report. */
interface AnalysisOutput {
  sections: ReportSection[];
  findings: string[];
  runs: AnalysisRun[];
}

/**
 * Each registered analysis's sections, its findings for the summary and its options, in the registry's
 * order; an analysis that could not be computed gets a section saying why. Pure.
 */
function analysisSections(r: PipelineResults, locale: Locale, currency: string): AnalysisOutput {
  const out: AnalysisOutput = { sections: [], findings: [], runs: [] };
  const lead: string[] = [];
  const results = r as unknown as Readonly<Record<string, unknown>>;
  for (const a of ANALYSES as readonly AnyAnalysis[]) {
    if (!a.present) continue;
    const result = results[a.id];
    const failure = r.failures[a.id as keyof typeof r.failures];
    if (result === undefined) {
      if (failure) out.sections.push(unavailableSection({ id: a.id, title: a.title(locale) }, failure, { locale }));
      continue;
    }
    // A section on too little data (see PipelineResults.sufficiency) says so and gives the summary nothing.
    const sufficiency = a.sufficiency ? r.sufficiency?.[a.sufficiency] : undefined;
    const context: PresentContext = {
      locale,
      currency,
      results,
      failures: r.failures,
      enough: sufficiency?.ok ?? true,
    };
    const shown = a.present(result, context);
    out.sections.push(
      ...(a.sufficiency ? shown.sections.map((sec) => withSufficiency(sec, sufficiency, locale)) : shown.sections),
    );
    const findings = a.summaryFindings === undefined ? shown.findings : shown.findings.slice(0, a.summaryFindings);
    (shown.lead ? lead : out.findings).push(...findings);
    out.runs.push(...shown.runs);
  }
  out.findings.unshift(...lead);
  return out;
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
      locale,
      currency,
      title: options.title ?? t.defaultTitle,
      version: options.version,
      ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
      ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
    });
  }
  const subsLoads = subs
    ? { subscriptions: subs.load, ...(subs.events ? { events: subs.events } : {}) }
    : results.events
      ? { events: results.events }
      : {};
  const analyses = analysisSections(results, locale, currency);
  const attributes = customerAttributesUsed(results);

  const header: Array<[string, string]> = [[t.source, load.fileName]];
  if (ov.period)
    header.push([t.period, t.periodRange(formatDate(ov.period.first, locale), formatDate(ov.period.last, locale))]);
  header.push(asOfFact(asOf, locale));
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const data = {
    ...reportDataOf(results as TransactionPipelineResults, {
      locale,
      currency,
      minGroup,
      version: options.version,
    }),
    ...(options.since ? { since: options.since } : {}),
  };

  const built = report({
    title: options.title ?? t.defaultTitle,
    locale,
    currency,
    header,
    data,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
  }).add(
    summarySection({ overview: ov, findings: analyses.findings }, { locale, currency }),
    dataQualitySection(
      {
        transactions: load,
        ...(customers ? { customers: minimiseLoad(customers, attributes) } : {}),
        ...subsLoads,
        used: { customers: ov.customers, orders: ov.orders, asOf },
      },
      { locale },
    ),
    ...analyses.sections,
    methodSection(
      {
        transactions: load,
        ...(customers ? { customers } : {}),
        ...subsLoads,
        asOf,
        currency,
        analyses: analyses.runs,
        version: options.version,
        privacy: { minGroup, attributes },
      },
      { locale },
    ),
  );
  return options.compareWith
    ? built.prepend(
        comparisonSection(compareReports(options.compareWith, data), {
          locale,
          ...(options.moves ? { moves: options.moves } : {}),
        }),
      )
    : built;
}

/**
 * Load a file, run the analyses and return the report, ready to `save()` or `toHtml()`.
 * @example
 * const r = await buildReport(wb, { file: 'data/online_retail.csv.gz', preset: 'online-retail', locale: 'nl' });
 * await r.save('reports/online-retail.nl.html');
 */
export async function buildReport(wb: Workbench, options: BuildReportOptions): Promise<ReportBuilder> {
  const { currency, title, generatedAt, minGroup, compareWith, snapshot, compareSnapshot, ...pipeline } = options;
  const results = await runPipeline(wb, pipeline);
  const sources = results.load ? snapshotSources(results as TransactionPipelineResults) : [];
  const moves = compareSnapshot && compareWith ? await snapshotMoves(wb, sources, compareSnapshot) : undefined;
  if (snapshot) await writeSnapshot(wb, sources, { out: snapshot, asOf: results.asOf });
  const since =
    compareWith && results.load && results.asOf
      ? await sinceFigures(wb, {
          previousAsOf: new Date(`${compareWith.facts.asOf}T00:00:00Z`),
          asOf: results.asOf,
          minGroup: minGroup ?? DEFAULT_MIN_GROUP,
        })
      : undefined;
  // A report on subscriptions alone is in their currency (when they have one)
  const ownCurrency =
    options.file === undefined ? (results.subscriptions?.movements?.currency ?? undefined) : undefined;
  return reportFromResults(results, {
    locale: options.locale ?? 'en',
    currency: toCurrency(
      currency ?? (options.preset ? PRESETS[options.preset]?.currency : undefined) ?? ownCurrency ?? 'EUR',
    ),
    ...(title !== undefined ? { title } : {}),
    ...(generatedAt ? { generatedAt } : {}),
    ...(minGroup !== undefined ? { minGroup } : {}),
    ...(compareWith ? { compareWith } : {}),
    ...(moves ? { moves } : {}),
    ...(since ? { since } : {}),
    version: toolVersion(),
  });
}

/** The groupings of a run a snapshot keeps: RFM segments, value tiers, clusters (by their English names). */
export function snapshotSources(results: TransactionPipelineResults): SnapshotSource[] {
  const out: SnapshotSource[] = [];
  if (results.rfm) out.push({ id: 'rfm', table: results.rfm.table, column: 'segment' });
  const tiers = results.segments?.segments;
  if (tiers) out.push({ id: 'valueTiers', table: tiers.table, column: 'segment' });
  const clusters = results.clusters;
  if (clusters) {
    const names = clusterNames(clusters.profiles, 'en');
    out.push({
      id: 'clusters',
      table: clusters.table,
      column: 'cluster',
      names: clusters.profiles.map((p, i) => [p.cluster, names[i] ?? String(p.cluster)] as const),
    });
  }
  return out;
}

/** Parse a `YYYY-MM-DD` as-of date (00:00 UTC), or undefined when it is not one. */
export function parseAsOf(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== text ? undefined : d;
}
