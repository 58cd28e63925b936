/**
 * The loyalty report section: loyal, potential loyal, switcher-like and at-risk customers in plain words,
 * the customers-and-revenue bars and a table with each segment's rule, what to do, its value and retention.
 * Pure: result in, section out; every number is formatted for the locale here.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { asOfFact } from '../../report/figures.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { loyaltyBars } from './charts.js';
import type { LoyaltySegment } from './sql.js';
import type { LoyaltyResult, LoyaltySegmentSummary } from './types.js';
import { loyaltyTexts } from './texts.js';
import { splitRuleTable } from '../shared/rule-table.js';

/** Options of {@link loyaltySection}. */
export interface LoyaltySectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const pct = (x: number, locale: Locale, digits = 0) => (Number.isFinite(x) ? formatPercent(x, locale, digits) : '–');
const seg = (r: LoyaltyResult, key: LoyaltySegment): LoyaltySegmentSummary | undefined =>
  r.segments.find((s) => s.key === key);

/**
 * Plain-language findings, most important first (the summary takes the first: the loyal customers and their revenue).
 * @example loyaltyFindings(result, 'en')[0] // '12% of customers are loyal (…) and bring 41% of net revenue.'
 */
export function loyaltyFindings(result: LoyaltyResult, locale: Locale = 'en'): string[] {
  if (result.customerCount === 0) return [];
  const t = loyaltyTexts(locale).section;
  const loyal = seg(result, 'loyal');
  const risk = seg(result, 'at-risk');
  const switcher = seg(result, 'switcher');
  const out: string[] = [];
  if (loyal) out.push(t.loyal(pct(loyal.share, locale), pct(loyal.revenueShare, locale)));
  if (risk) out.push(t.atRisk(pct(risk.share, locale), pct(risk.revenueShare, locale)));
  if (switcher && switcher.customers > 0)
    out.push(t.switcher(formatNumber(switcher.customers, locale), switcher.customers));
  return out;
}

function segmentTable(result: LoyaltyResult, locale: Locale, currency: string): ReportTable {
  const w = loyaltyTexts(locale);
  const t = w.section;
  const withPAlive = result.options.signal === 'p-alive';
  const small = result.segments.some((s) => s.tooSmall && s.customers > 0);
  const money = (x: number) => (Number.isFinite(x) ? formatCurrency(x, locale, currency, 0) : '–');
  const labels = withPAlive ? [...t.cols, t.colPAlive] : t.cols;
  return {
    caption: t.caption,
    columns: labels.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 ? COUNT : {}) })),
    rows: result.segments.map((s) => {
      const words = w.segments[s.key];
      const cells = [
        words.name,
        words.rule,
        words.action,
        `${formatNumber(s.customers, locale)}${s.tooSmall && s.customers > 0 ? ' *' : ''}`,
        pct(s.share, locale, 1),
        money(s.revenue),
        money(s.revenuePerCustomer),
        Number.isFinite(s.ordersPerCustomer) ? formatNumber(s.ordersPerCustomer, locale, 1) : '–',
        pct(s.activeShare, locale),
      ];
      return withPAlive ? [...cells, pct(s.meanPAlive, locale)] : cells;
    }),
    note: [t.rulesNote, small ? t.tooSmall(formatNumber(result.options.minSize, locale)) : '']
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * The loyalty section of a report.
 * @example loyaltySection(await loyalty(wb), { locale: 'nl', currency: 'GBP' })
 */
export function loyaltySection(result: LoyaltyResult, options: LoyaltySectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = loyaltyTexts(locale).section;
  const pAlive = result.options.signal === 'p-alive';
  return {
    id: 'loyalty',
    title: t.title,
    intro: [t.intro, pAlive ? t.signalPAlive : t.signalRfm],
    findings: loyaltyFindings(result, locale),
    charts: [{ id: 'loyalty-segments', title: t.bars, description: t.barsDesc, spec: loyaltyBars(result, { locale }) }],
    tables: [...splitRuleTable(segmentTable(result, locale, currency), loyaltyTexts(locale).section.rulesCaption)],
    facts: [
      [t.facts.customers, formatNumber(result.customerCount, locale)],
      asOfFact(result.options.asOf, locale),
      [t.facts.judged, formatNumber(result.regularityJudged, locale)],
      [t.facts.signal, pAlive ? t.facts.pAlive : t.facts.rfm],
    ],
  };
}
