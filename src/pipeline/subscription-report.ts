/**
 * The whole report of a run on subscriptions alone — header from the subscriptions load, summary, data
 * quality of the subscription and event loads, the subscriptions section, method. Pure.
 */
import { formatDate, type Locale } from '../locale.js';
import { texts } from '../i18n/index.js';
import { periodLabel } from '../analyses/overview/charts.js';
import { DEFAULT_MIN_GROUP } from '../report/small-groups.js';
import { report, type ReportBuilder } from '../report/report.js';
import { dataQualitySection } from '../report/sections/data-quality.js';
import { methodSection } from '../report/sections/method.js';
import { subscriptionSummarySection } from '../analyses/subscriptions/section-summary.js';
import { subscriptionInput, subscriptionSectionOf } from '../analyses/subscriptions/analysis.js';
import { subscriptionRuns, type SubscriptionResults } from '../analyses/subscriptions/run.js';
import type { SectionFailure } from '../report/sections/unavailable.js';

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
export function subscriptionOnlyReport(
  r: SubscriptionResults,
  failures: Readonly<Record<string, SectionFailure>>,
  asOf: Date,
  options: SubscriptionReportOptions,
): ReportBuilder {
  const { locale, currency } = options;
  const t = texts(locale).report;
  const s = texts(locale).subscriptions.report;
  const header: Array<[string, string]> = [
    [t.source, [r.load.fileName, ...(r.events ? [r.events.fileName] : [])].join(', ')],
  ];
  const range = r.movements?.options;
  if (range)
    header.push([
      t.period,
      s.headerPeriod(periodLabel(range.from, 'month', locale), periodLabel(range.to, 'month', locale)),
    ]);
  header.push([
    t.asOf,
    s.asOfValue(formatDate(asOf, locale), formatDate(new Date(asOf.getTime() - 86_400_000), locale)),
  ]);
  const loads = { subscriptions: r.load, ...(r.events ? { events: r.events } : {}) };
  return report({
    title: options.title,
    locale,
    currency,
    header,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(options.minGroup !== undefined ? { minGroup: options.minGroup } : {}),
  }).add(
    subscriptionSummarySection(subscriptionInput(r, failures), { locale, currency }),
    dataQualitySection(loads, { locale }),
    subscriptionSectionOf(r, failures, locale, currency),
    methodSection(
      {
        ...loads,
        asOf,
        currency,
        analyses: subscriptionRuns(r),
        version: options.version,
        privacy: { minGroup: options.minGroup ?? DEFAULT_MIN_GROUP, attributes: [] },
      },
      { locale },
    ),
  );
}
