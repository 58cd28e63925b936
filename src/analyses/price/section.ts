/**
 * The price-sensitivity report section: how much is bought on discount, the full-price / mixed / deal-seeker
 * segments with their value and retention side by side with 95% intervals, in plain words, charts and a table.
 * Segments below the minimum size show their count and "too small", no numbers. Pure: result in, section out.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';
import { groupSegmentTables, shareWithInterval } from '../shared/section-groups.js';
import { priceBandsChart, priceRepeatChart, priceValueChart } from './charts.js';
import type { PriceResult } from './index.js';
import { priceTexts } from './texts.js';

/** Options of {@link priceSection}. */
export interface PriceSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

/**
 * Plain-language findings, most important first: the share of deal-seekers and their value against full-price
 * customers (when both have enough customers), the share bought on discount, then repeat rates.
 * @example priceFindings(result, 'en')[0] // '20% of customers are deal-seekers; …'
 */
export function priceFindings(result: PriceResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = priceTexts(locale).section;
  const out: string[] = [];
  const deal = result.segments.find((s) => s.key === 'deal-seeker');
  const full = result.segments.find((s) => s.key === 'full-price');
  const money = (x: number) => formatCurrency(x, locale, currency, 0);
  const both = deal && full && !deal.tooSmall && !full.tooSmall;
  if (both)
    out.push(
      t.dealSeekers(
        formatPercent(deal.share, locale, 0),
        money(deal.revenuePerCustomer.value),
        money(full.revenuePerCustomer.value),
      ),
    );
  const p = result.purchases;
  if (p.revenue > 0 && p.orders > 0)
    out.push(
      t.onDiscount(
        formatPercent(p.onDiscount / p.revenue, locale, 0),
        formatPercent(p.discountedOrders / p.orders, locale, 0),
      ),
    );
  if (both) out.push(t.repeat(shareWithInterval(deal.repeat, locale), shareWithInterval(full.repeat, locale)));
  return out;
}

/**
 * The price-sensitivity section of a report.
 * @example priceSection(await priceSensitivity(wb), { locale: 'nl' })
 */
export function priceSection(result: PriceResult, options: PriceSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const w = priceTexts(locale);
  const t = w.section;
  const signals = result.signals.map((s) => w.signals[s]).join(locale === 'nl' ? ' of ' : ' or ');
  const p = result.purchases;
  return {
    id: 'price',
    title: t.title,
    intro: [t.intro, t.signals(signals)],
    findings: priceFindings(result, locale, currency),
    charts: [
      {
        id: 'price-bands',
        title: w.charts.bands,
        description: w.charts.bandsDesc,
        spec: priceBandsChart(result, { locale }),
      },
      {
        id: 'price-value',
        title: w.charts.value,
        description: w.charts.valueDesc,
        spec: priceValueChart(result, { locale }),
      },
      {
        id: 'price-repeat',
        title: w.charts.repeat,
        description: w.charts.repeatDesc,
        spec: priceRepeatChart(result, { locale }),
      },
    ],
    tables: [
      ...groupSegmentTables(
        result.segments,
        priceTexts(locale).segments,
        priceTexts(locale).section,
        result.options.minSize,
        locale,
        currency,
      ),
    ],
    facts: [
      [t.facts.customers, formatNumber(result.customerCount, locale)],
      [t.facts.onDiscount, p.revenue > 0 ? formatPercent(p.onDiscount / p.revenue, locale, 1) : '–'],
      [t.facts.discountedOrders, `${formatNumber(p.discountedOrders, locale)} / ${formatNumber(p.orders, locale)}`],
    ],
  };
}
