/**
 * How groups with value and retention ({@link GroupKpis}) are shown: a chart of one measure per group with its
 * 95% interval as a whisker, and the table cells of a group. A group below the minimum size is left out of the
 * chart and gets no numbers in the table, only its customer count and the word for "too small". Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, CATEGORY_COLORS, CHART_WIDTH, PERCENT_FORMAT } from '../../charts/theme.js';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { GroupKpis } from './group-kpis.js';

/** One bar of {@link intervalChart}. */
export interface IntervalPoint {
  /** The group's label. */
  label: string;
  /** The measure. */
  value: number;
  /** Lower and upper ends of its 95% interval (NaN: none). */
  low: number;
  high: number;
}

/** Words of {@link intervalChart}. */
export interface IntervalChartWords {
  title: string;
  description: string;
  /** Axis title of the measure. */
  measure: string;
  /** Tooltip titles. */
  group: string;
  low: string;
  high: string;
}

/**
 * One horizontal bar per group (in the order given) with its 95% interval drawn as a whisker.
 * @example intervalChart(points, words, { format: 'percent' })
 */
export function intervalChart(
  points: readonly IntervalPoint[],
  words: IntervalChartWords,
  options: { format: 'percent' | 'money' },
): TopLevelSpec {
  const fmt = options.format === 'percent' ? PERCENT_FORMAT : ',.0f';
  const values = points.map((p) => ({
    group: p.label,
    value: p.value,
    low: Number.isFinite(p.low) ? p.low : p.value,
    high: Number.isFinite(p.high) ? p.high : p.value,
  }));
  const y = { field: 'group', type: 'nominal' as const, title: null, sort: values.map((v) => v.group) };
  return {
    ...baseSpec(words.title, `${words.description}.`),
    width: CHART_WIDTH - 200,
    height: Math.max(60, values.length * 30),
    data: { values },
    encoding: {
      y: { ...y, axis: { labelLimit: 200 } },
      tooltip: [
        { field: 'group', type: 'nominal', title: words.group },
        { field: 'value', type: 'quantitative', title: words.measure, format: fmt },
        { field: 'low', type: 'quantitative', title: words.low, format: fmt },
        { field: 'high', type: 'quantitative', title: words.high, format: fmt },
      ],
    },
    layer: [
      {
        mark: { type: 'bar', color: CATEGORY_COLORS[0], opacity: 0.75 },
        encoding: { x: { field: 'value', type: 'quantitative', title: words.measure, axis: { format: fmt } } },
      },
      {
        mark: { type: 'rule', color: '#333333', strokeWidth: 1.5 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  };
}

/** A share with its interval, e.g. `54% (50–58%)`. */
export function shareWithInterval(p: { rate: number; low: number; high: number }, locale: Locale): string {
  if (!Number.isFinite(p.rate)) return '–';
  const pct = (x: number) => formatPercent(x, locale, 0);
  return Number.isFinite(p.low) ? `${pct(p.rate)} (${pct(p.low)}–${pct(p.high)})` : pct(p.rate);
}

/** An amount with its interval, e.g. `€4,145 (€3,644–€4,645)`. */
export function moneyWithInterval(
  m: { value: number; low: number; high: number },
  locale: Locale,
  currency: string,
): string {
  if (!Number.isFinite(m.value)) return '–';
  const money = (x: number) => formatCurrency(x, locale, currency, 0);
  return Number.isFinite(m.low) ? `${money(m.value)} (${money(m.low)}–${money(m.high)})` : money(m.value);
}

/**
 * The cells of a group: customers, share of customers, revenue per customer, revenue per order, repeat rate and
 * active rate (with intervals); a group below the minimum size shows `tooSmall` in place of every number but its count.
 */
export function groupCells(g: GroupKpis, locale: Locale, currency: string, tooSmall: string): string[] {
  const count = formatNumber(g.customers, locale);
  if (g.tooSmall) return [count, tooSmall, tooSmall, tooSmall, tooSmall, tooSmall];
  return [
    count,
    Number.isFinite(g.share) ? formatPercent(g.share, locale, 1) : '–',
    moneyWithInterval(g.revenuePerCustomer, locale, currency),
    Number.isFinite(g.revenuePerOrder) ? formatCurrency(g.revenuePerOrder, locale, currency, 0) : '–',
    shareWithInterval(g.repeat, locale),
    shareWithInterval(g.active, locale),
  ];
}
