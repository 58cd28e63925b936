/**
 * Price charts: customers by the share of their revenue bought on discount (ten bands, coloured by segment), and
 * revenue per customer and repeat rate per price segment with 95% intervals (segments below the minimum size
 * left out). Pure builders: result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, CATEGORY_COLORS, CHART_WIDTH, COUNT_FORMAT, withCounts } from '../../charts/theme.js';
import type { Locale } from '../../locale.js';
import { intervalChart } from '../shared/interval-charts.js';
import { PRICE_RULES, PRICE_SEGMENTS, type PriceResult } from './index.js';
import { priceTexts } from './texts.js';

/** Options of the price charts. */
export interface PriceChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * Customers per tenth of discounted share, each bar coloured by the segment its band falls in.
 * @example await show(priceBandsChart(result));
 */
export function priceBandsChart(result: PriceResult, options: PriceChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = priceTexts(locale);
  const segmentOf = (band: number) =>
    band * 10 >= PRICE_RULES.dealSeekerPercent
      ? 'deal-seeker'
      : band * 10 >= PRICE_RULES.fullPricePercent
        ? 'mixed'
        : 'full-price';
  const values = result.bands.map((b) => ({
    band: `${b.band * 10}–${b.band * 10 + 10}%`,
    customers: b.customers,
    segment: w.segments[segmentOf(b.band)].name,
  }));
  return withCounts(['customers'], {
    ...baseSpec(w.charts.bands, `${w.charts.bandsDesc}.`),
    width: CHART_WIDTH - 120,
    height: 220,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'band',
        type: 'ordinal',
        title: w.charts.band,
        sort: values.map((v) => v.band),
        axis: { labelAngle: 0 },
      },
      y: { field: 'customers', type: 'quantitative', title: w.charts.customers, axis: { format: COUNT_FORMAT } },
      color: {
        field: 'segment',
        type: 'nominal',
        title: w.charts.segment,
        scale: {
          domain: PRICE_SEGMENTS.map((k) => w.segments[k].name),
          range: CATEGORY_COLORS.slice(0, 3) as string[],
        },
      },
      tooltip: [
        { field: 'band', type: 'nominal', title: w.charts.band },
        { field: 'customers', type: 'quantitative', title: w.charts.customers, format: COUNT_FORMAT },
        { field: 'segment', type: 'nominal', title: w.charts.segment },
      ],
    },
  });
}

const words = (locale: Locale, title: string, description: string, measure: string) => {
  const t = priceTexts(locale).charts;
  return { title, description, measure, group: t.group, low: t.low, high: t.high };
};

/**
 * Revenue per customer per price segment (enough customers only), with 95% intervals.
 * @example await show(priceValueChart(result));
 */
export function priceValueChart(result: PriceResult, options: PriceChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = priceTexts(locale);
  const points = result.segments
    .filter((s) => !s.tooSmall)
    .map((s) => ({ label: w.segments[s.key].name, ...s.revenuePerCustomer }));
  return intervalChart(points, words(locale, w.charts.value, w.charts.valueDesc, w.charts.perCustomer), {
    format: 'money',
  });
}

/**
 * Repeat rate per price segment (enough customers only), with 95% intervals.
 * @example await show(priceRepeatChart(result, { locale: 'nl' }));
 */
export function priceRepeatChart(result: PriceResult, options: PriceChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = priceTexts(locale);
  const points = result.segments
    .filter((s) => !s.tooSmall)
    .map((s) => ({ label: w.segments[s.key].name, value: s.repeat.rate, low: s.repeat.low, high: s.repeat.high }));
  return intervalChart(points, words(locale, w.charts.repeat, w.charts.repeatDesc, w.charts.repeatShare), {
    format: 'percent',
  });
}
