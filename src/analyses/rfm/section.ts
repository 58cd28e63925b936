/**
 * The RFM report section: how the scores were made, findings in plain words, the heatmap, the
 * segment bars and distributions, and a segment table with what to do per segment. Pure: result in,
 * section out; every number is formatted for the locale here.
 */
import type { RfmResult } from './index.js';
import type { RfmGroupSummary } from './summary.js';
import { texts } from '../../i18n/index.js';
import { loyaltyName, segmentAction, segmentDescription, segmentName } from './words.js';
import { rfmDistributionChart, rfmHeatmap, rfmSegmentBars } from './charts.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { asOfFact } from '../../report/figures.js';
import { rfmTexts } from './texts.js';

/** Options of {@link rfmSection}. */
export interface RfmSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const pct = (x: number, locale: Locale) => (Number.isFinite(x) ? formatPercent(x, locale) : '–');

/** The segment with the largest share of revenue, preferring Champions when it has customers. */
function leadSegment(result: RfmResult): RfmGroupSummary | undefined {
  const champions = result.segments.find((s) => s.key === 'champions' && s.customers > 0);
  if (champions) return champions;
  return [...result.segments].filter((s) => s.customers > 0).sort((a, b) => b.revenueShare - a.revenueShare)[0];
}

/**
 * Two to four plain-language findings from an RFM result (also used by the manager summary).
 * @example rfmFindings(result, 'en') // ['Champions are 13.9% of customers and bring 61.2% of net revenue.', …]
 */
export function rfmFindings(result: RfmResult, locale: Locale = 'en'): string[] {
  const t = rfmTexts(locale).section;
  const out: string[] = [];
  const lead = leadSegment(result);
  const def = result.options.segmentMap.segments.find((s) => s.key === lead?.key);
  if (lead && def && Number.isFinite(lead.revenueShare))
    out.push(t.share(segmentName(def, locale), pct(lead.share, locale), pct(lead.revenueShare, locale)));
  if (Number.isFinite(result.top20RevenueShare)) out.push(t.pareto(pct(result.top20RevenueShare, locale)));
  const atRisk = result.loyalty.find((l) => l.key === 'at-risk');
  if (atRisk && atRisk.customers > 0 && Number.isFinite(atRisk.revenueShare)) {
    out.push(
      t.atRisk(pct(atRisk.share, locale), formatNumber(atRisk.customers, locale), pct(atRisk.revenueShare, locale)),
    );
  }
  const lost = result.loyalty.find((l) => l.key === 'lost');
  if (lost && lost.customers > 0) out.push(t.lost(pct(lost.share, locale), formatNumber(lost.meanRecency, locale)));
  return out;
}

function segmentTable(result: RfmResult, locale: Locale, currency: string): ReportTable {
  const t = rfmTexts(locale).section;
  const defs = new Map(result.options.segmentMap.segments.map((s) => [s.key, s]));
  const notes = [
    result.segments.some((s) => s.tooSmall) ? t.tooSmall(formatNumber(result.options.minSize, locale)) : '',
    totalNote(result, locale, currency) ?? '',
  ].filter(Boolean);
  return {
    caption: t.caption,
    columns: t.cols.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 ? COUNT : {}) })),
    rows: result.segments.map((s) => {
      const d = defs.get(s.key);
      return [
        // the action next to the name: on a phone it is in view before the description scrolls
        segmentName(d ?? s.key, locale),
        segmentAction(d ?? s.key, locale),
        segmentDescription(d ?? s.key, locale),
        `${formatNumber(s.customers, locale)}${s.tooSmall ? ' *' : ''}`,
        pct(s.share, locale),
        formatCurrency(s.revenue, locale, currency, 0),
        pct(s.revenueShare, locale),
      ];
    }),
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}

/** One sentence under a table whose total leaves out the customers with only returns (the summary's total holds them). */
function totalNote(result: RfmResult, locale: Locale, currency: string): string | undefined {
  if (result.returnsOnlyRevenue === 0) return undefined;
  return rfmTexts(locale).section.total(
    formatCurrency(result.revenue, locale, currency, 0),
    formatNumber(result.returnsOnlyCustomers, locale),
    formatCurrency(-result.returnsOnlyRevenue, locale, currency, 0),
  );
}

function loyaltyTable(result: RfmResult, locale: Locale, currency: string): ReportTable {
  const t = rfmTexts(locale).section;
  return {
    caption: t.loyaltyCaption,
    columns: t.loyaltyCols.map((label, i) => ({ label, numeric: i >= 1, ...(i === 1 ? COUNT : {}) })),
    rows: result.loyalty.map((l) => [
      loyaltyName(l.key, locale),
      formatNumber(l.customers, locale),
      pct(l.share, locale),
      formatCurrency(l.revenue, locale, currency, 0),
      pct(l.revenueShare, locale),
    ]),
    ...(totalNote(result, locale, currency) ? { note: totalNote(result, locale, currency) } : {}),
  };
}

/**
 * The RFM section of a report.
 * @example const section = rfmSection(result, { locale: 'nl', currency: 'GBP' });
 */
export function rfmSection(result: RfmResult, options: RfmSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = rfmTexts(locale).section;
  const o = result.options;
  const quantile = o.scoring === 'quantile';
  const metrics = ['recency', 'frequency', 'monetary'] as const;
  return {
    id: 'rfm',
    title: t.title,
    intro: [t.intro(formatDate(o.asOf, locale), o.bins, quantile), t.intro2],
    findings: rfmFindings(result, locale),
    charts: [
      { id: 'rfm-heatmap', title: t.heatmap, description: t.heatmapDesc, spec: rfmHeatmap(result, { locale }) },
      { id: 'rfm-segments', title: t.bars, description: t.barsDesc, spec: rfmSegmentBars(result, { locale }) },
      ...metrics.map((metric) => ({
        id: `rfm-${metric}`,
        title: t.dist[metric],
        description: t.distDesc,
        spec: rfmDistributionChart(result, { locale, metric }),
      })),
    ],
    tables: [segmentTable(result, locale, currency), loyaltyTable(result, locale, currency)],
    facts: [
      asOfFact(o.asOf, locale),
      [t.facts.period, `${formatDate(result.period.first, locale)} ${t.to} ${formatDate(result.period.last, locale)}`],
      // Every customer with a purchase before the as-of date is scored: the summary's count, in its words.
      [texts(locale).report.figures.customers, formatNumber(result.customerCount, locale)],
      [t.facts.bins, `1–${o.bins}`],
      [t.facts.scoring, quantile ? t.quantile : t.fixed],
      [t.facts.returns, o.returns === 'net' ? t.returnsNet : t.returnsIgnore],
      [t.facts.map, /^standard R×F/.test(o.segmentMap.name) ? t.standardMap(o.bins) : o.segmentMap.name],
    ],
  };
}
