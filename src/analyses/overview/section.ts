/**
 * The summary for managers: four key figures (customers with a purchase and their orders before the
 * as-of date, as RFM and cohorts count them; net revenue; period) and up to
 * six plain sentences. Findings written by the analysis sections (RFM, cohorts, clusters) come
 * first; findings from the overview fill the remaining places.
 */
import type { OverviewResult } from './index.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';
import { texts } from '../../i18n/index.js';

/** What the summary is made of. */
export interface SummaryInput {
  /** Headline figures. */
  overview: OverviewResult;
  /** Findings from the analyses, most important first (e.g. `rfmFindings(result, locale)`). @defaultValue [] */
  findings?: string[];
}

/** Options for {@link summarySection}. */
export interface SummaryOptions {
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
  /** Findings listed: the analyses' first, then the overview's (revenue concentration last, as RFM states it too). @defaultValue 6 */
  maxFindings?: number;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

/** Findings from the overview alone: one-time buyers, returns, order value, period, revenue concentration. */
export function overviewFindings(o: OverviewResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = texts(locale).report;
  const out: string[] = [];
  if (o.customers === 0) return out;
  out.push(t.findingOneTime(formatPercent(o.oneTimeCustomers / o.customers, locale, 0)));
  if (o.returned > 0 && o.grossRevenue > 0)
    out.push(t.findingReturns(formatPercent(o.returned / o.grossRevenue, locale, 1)));
  if (o.orders > 0)
    out.push(
      t.findingAov(
        formatCurrency(o.netRevenue / o.orders, locale, currency),
        formatNumber(o.orders / o.customers, locale, 1),
      ),
    );
  if (o.period) {
    out.push(
      t.findingPeriod(
        formatNumber(o.customers, locale),
        formatNumber(o.orders, locale),
        formatDate(o.period.first, locale),
        formatDate(o.period.last, locale),
      ),
    );
  }
  // No customer within the top share (a handful of customers, or ties at the top): nothing to say.
  if (o.netRevenue > 0 && o.topRevenue > 0) {
    out.push(
      t.findingTopShare(
        formatPercent(o.options.topShare, locale, 0),
        formatPercent(o.topRevenue / o.netRevenue, locale, 0),
      ),
    );
  }
  return out;
}

/**
 * The summary section.
 * @example summarySection({ overview: o, findings: rfmFindings(rfmResult, 'nl') }, { locale: 'nl' })
 */
export function summarySection(input: SummaryInput, options: SummaryOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const max = options.maxFindings ?? 6;
  const currency = options.currency ?? 'EUR';
  const t = texts(locale).report;
  const o = input.overview;
  const fromAnalyses = (input.findings ?? []).slice(0, max);
  const fill = overviewFindings(o, locale, currency).slice(0, Math.max(0, max - fromAnalyses.length));
  const facts: Array<[string, string]> = [
    [t.figures.customers, formatNumber(o.customers, locale)],
    [t.figures.orders, formatNumber(o.orders, locale)],
    [t.revenue, formatCurrency(o.netRevenue, locale, currency, 0)],
  ];
  if (o.period)
    facts.push([t.period, t.periodRange(formatDate(o.period.first, locale), formatDate(o.period.last, locale))]);
  return { id: 'summary', title: t.summaryTitle, intro: [t.summaryIntro], facts, findings: [...fromAnalyses, ...fill] };
}
