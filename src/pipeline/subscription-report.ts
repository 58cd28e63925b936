/**
 * The subscription parts of a report from pipeline results: the subscriptions section (or, when MRR movements
 * could not be computed, a section saying why), and the whole report of a run on subscriptions alone —
 * header from the subscriptions load, summary, data quality of the subscription and event loads, the
 * subscriptions section, method. Pure.
 */
import { formatDate, type Locale } from '../locale.js';
import { texts } from '../i18n/index.js';
import { periodLabel } from '../analyses/overview/charts.js';
import { DEFAULT_MIN_GROUP } from '../report/small-groups.js';
import { report, type ReportBuilder } from '../report/report.js';
import type { ReportSection } from '../report/section.js';
import { dataQualitySection } from '../report/sections/data-quality.js';
import { methodSection } from '../report/sections/method.js';
import { subscriptionSummarySection } from '../analyses/subscriptions/section-summary.js';
import { subscriptionsSection, type SubscriptionPart, type SubscriptionsSectionInput } from '../analyses/subscriptions/section.js';
import { unavailableSection } from '../report/sections/unavailable.js';
import type { PipelineFailures } from './stages.js';
import { subscriptionRuns, type SubscriptionResults } from './subscriptions.js';

const PARTS: readonly SubscriptionPart[] = ['churn', 'subscriptionCohorts', 'usage', 'usageChurn', 'churnByUsage'];

/** The subscriptions section's input from the pipeline's results and failures. */
export function subscriptionInput(r: SubscriptionResults, failures: PipelineFailures): SubscriptionsSectionInput {
  const failed = Object.fromEntries(PARTS.flatMap((p) => (failures[p] ? [[p, failures[p]]] : [])));
  return {
    ...(r.movements ? { movements: r.movements } : {}), ...(r.byPlan ? { byPlan: r.byPlan } : {}), ...(r.cohorts ? { cohorts: r.cohorts } : {}),
    ...(r.usage ? { usage: r.usage } : {}), ...(r.usageChurn ? { usageChurn: r.usageChurn } : {}), ...(r.byUsage ? { byUsage: r.byUsage } : {}),
    ...(Object.keys(failed).length ? { failures: failed } : {}),
  };
}

/** The subscriptions section, or the section saying why it could not be computed when MRR movements failed. */
export function subscriptionSectionOf(r: SubscriptionResults, failures: PipelineFailures, locale: Locale, currency: string): ReportSection {
  const mrr = failures.mrr;
  if (!r.movements && mrr) return unavailableSection({ id: 'subscriptions', title: texts(locale).subscriptions.report.title }, mrr, { locale });
  return subscriptionsSection(subscriptionInput(r, failures), { locale, currency });
}

/** How a report on subscriptions alone is presented. */
export interface SubscriptionReportOptions {
  /** Report language. */
  locale: Locale;
  /** ISO 4217 currency of MRR. */
  currency: string;
  /** Report title. */
  title: string;
  /** Version of segment-workbench stated in the method section. */
  version: string;
  /** Generated-at time for the report. @defaultValue the time of rendering */
  generatedAt?: Date;
  /** Counts of fewer people than this are shown as "< 10". @defaultValue 10 */
  minGroup?: number;
}

/**
 * The report of a run on subscriptions (and events) alone.
 * @example subscriptionOnlyReport(results.subscriptions, results.failures, results.asOf, { locale: 'en', currency: 'EUR', title, version })
 */
export function subscriptionOnlyReport(r: SubscriptionResults, failures: PipelineFailures, asOf: Date, options: SubscriptionReportOptions): ReportBuilder {
  const { locale, currency } = options;
  const t = texts(locale).report;
  const s = texts(locale).subscriptions.report;
  const header: Array<[string, string]> = [[t.source, [r.load.fileName, ...(r.events ? [r.events.fileName] : [])].join(', ')]];
  const range = r.movements?.options;
  if (range) header.push([t.period, s.headerPeriod(periodLabel(range.from, 'month', locale), periodLabel(range.to, 'month', locale))]);
  header.push([t.asOf, s.asOfValue(formatDate(asOf, locale), formatDate(new Date(asOf.getTime() - 86_400_000), locale))]);
  const loads = { subscriptions: r.load, ...(r.events ? { events: r.events } : {}) };
  return report({
    title: options.title, locale, currency, header,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
  }).add(
    subscriptionSummarySection(subscriptionInput(r, failures), { locale, currency }),
    dataQualitySection(loads, { locale }),
    subscriptionSectionOf(r, failures, locale, currency),
    methodSection({
      ...loads, asOf, currency, analyses: subscriptionRuns(r), version: options.version,
      privacy: { minGroup: options.minGroup ?? DEFAULT_MIN_GROUP, attributes: [] },
    }, { locale }),
  );
}
