/**
 * Activity charts: net revenue per period, and active customers per period split into new and
 * returning. Period labels are formatted with Intl so month names follow the locale. Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ActivityPeriod, ActivityResult } from './activity.js';
import { formatDate, type Locale } from '../../locale.js';
import { texts } from '../../i18n/index.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  moneyFormat,
  withCounts,
} from '../../charts/theme.js';
import { overviewTexts } from './texts.js';

/** Options of the activity charts. */
export interface ActivityChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Label of a period start: `Dec 2010` / `dec 2010`, `Q1 2011` / `K1 2011`, or the week's first day. */
export function periodLabel(start: Date, period: ActivityPeriod, locale: Locale): string {
  if (period === 'week') return formatDate(start, locale);
  if (period === 'quarter')
    return `${overviewTexts(locale).charts.q}${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
  return `${texts(locale).charts.months[start.getUTCMonth()] ?? ''} ${start.getUTCFullYear()}`;
}

function subtitle(result: ActivityResult, locale: Locale): string | undefined {
  return result.lastIsPartial && result.lastOrder
    ? overviewTexts(locale).charts.partial(formatDate(result.lastOrder, locale))
    : undefined;
}

const xAxis = (title: string) => ({
  field: 'label',
  type: 'ordinal' as const,
  sort: null,
  title,
  axis: { labelAngle: -45, labelOverlap: true },
});

/**
 * Net revenue per period; a partial last period is drawn lighter.
 * @example await show(revenueOverTime(await activity(wb), { locale: 'nl' }));
 */
export function revenueOverTime(result: ActivityResult, options: ActivityChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = overviewTexts(locale).charts;
  const n = result.rows.length;
  const values = result.rows.map((r, i) => ({
    label: periodLabel(r.start, result.options.period, locale),
    netRevenue: r.netRevenue,
    orders: r.orders,
    returned: r.returned,
    partial: result.lastIsPartial && i === n - 1,
  }));
  return {
    ...baseSpec(t.revenue(t.per[result.options.period]), t.revenueDesc, subtitle(result, locale)),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'bar', color: CATEGORY_COLORS[0] },
    encoding: {
      x: xAxis(t.period),
      y: { field: 'netRevenue', type: 'quantitative', title: t.netRevenue, axis: { format: moneyFormat(locale) } },
      opacity: { condition: { test: 'datum.partial', value: 0.45 }, value: 1 },
      tooltip: [
        { field: 'label', type: 'ordinal', title: t.period },
        { field: 'netRevenue', type: 'quantitative', title: t.netRevenue, format: moneyFormat(locale) },
        { field: 'orders', type: 'quantitative', title: t.orders, format: COUNT_FORMAT },
        { field: 'returned', type: 'quantitative', title: t.returned, format: moneyFormat(locale) },
      ],
    },
  } as TopLevelSpec;
}

/**
 * Active customers per period, stacked: new (first order in the period) and returning.
 * @example await show(customersOverTime(await activity(wb)));
 */
export function customersOverTime(result: ActivityResult, options: ActivityChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = overviewTexts(locale).charts;
  const values = result.rows.flatMap((r, i) => {
    const label = periodLabel(r.start, result.options.period, locale);
    return [
      { label, kind: t.new, order: 0, customers: r.newCustomers, i },
      { label, kind: t.returning, order: 1, customers: r.customers - r.newCustomers, i },
    ];
  });
  return withCounts(['customers'], {
    ...baseSpec(t.customers(t.per[result.options.period]), t.customersDesc, subtitle(result, locale)),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: 'bar',
    encoding: {
      x: xAxis(t.period),
      y: { field: 'customers', type: 'quantitative', title: t.count, stack: 'zero', axis: { format: COUNT_FORMAT } },
      color: {
        field: 'kind',
        type: 'nominal',
        title: t.kind,
        sort: [t.new, t.returning],
        scale: {
          domain: [t.new, t.returning],
          range: [CATEGORY_COLORS[1] ?? '#E69F00', CATEGORY_COLORS[0] ?? '#0072B2'],
        },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'label', type: 'ordinal', title: t.period },
        { field: 'kind', type: 'nominal', title: t.kind },
        { field: 'customers', type: 'quantitative', title: t.count, format: COUNT_FORMAT },
      ],
    },
  }) as TopLevelSpec;
}
