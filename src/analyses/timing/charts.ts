/**
 * Timing charts: orders by weekday × hour (a heatmap; one column per weekday when the data has no times) and
 * customers per timing segment (bars). Pure builders: result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../locale.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  moneyFormat,
  PERCENT_FORMAT,
  SEQUENTIAL_SCHEME,
  withCounts,
} from '../../charts/theme.js';
import type { TimingResult } from './index.js';
import { timingTexts } from './texts.js';

/** Options of the timing charts. */
export interface TimingChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * Orders per weekday (rows, Monday first) and hour of the day (columns 0–23), colour = orders; without times
 * one column per weekday.
 * @example await show(timingHeatmap(result, { locale: 'nl' }));
 */
export function timingHeatmap(result: TimingResult, options: TimingChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = timingTexts(locale);
  const t = w.charts;
  const total = result.orders.total;
  const values = result.grid.map((c) => ({
    day: t.days[c.weekday - 1] ?? String(c.weekday),
    weekday: w.weekdays[c.weekday - 1] ?? String(c.weekday),
    hour: c.hour ?? t.allDay,
    range: c.hour === null ? t.allDay : w.hourRange(c.hour),
    orders: c.orders,
    share: total > 0 ? c.orders / total : 0,
  }));
  const hours = result.hasTimes;
  return {
    ...baseSpec(hours ? t.heat : t.heatDay, `${hours ? t.heatDesc : t.heatDayDesc}.`),
    width: hours ? 24 * 22 : 200,
    height: 7 * 22,
    data: { values },
    mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      x: hours
        ? {
            field: 'hour',
            type: 'ordinal',
            title: t.hour,
            sort: Array.from({ length: 24 }, (_, h) => h),
            axis: { labelAngle: 0, labelOverlap: true },
          }
        : { field: 'hour', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      y: { field: 'day', type: 'ordinal', title: null, sort: [...t.days] },
      color: {
        field: 'orders',
        type: 'quantitative',
        title: t.orders,
        scale: { scheme: SEQUENTIAL_SCHEME, zero: true },
        legend: { format: COUNT_FORMAT },
      },
      tooltip: [
        { field: 'weekday', type: 'nominal', title: t.weekday },
        { field: 'range', type: 'nominal', title: t.hour },
        { field: 'orders', type: 'quantitative', title: t.orders, format: COUNT_FORMAT },
        { field: 'share', type: 'quantitative', title: t.ofOrders, format: PERCENT_FORMAT },
      ],
    },
  };
}

/**
 * Customers per timing segment, in report order, each bar with its share of all customers written beside it.
 * @example await show(timingSegmentBars(result));
 */
export function timingSegmentBars(result: TimingResult, options: TimingChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = timingTexts(locale);
  const t = w.charts;
  const values = result.segments.map((s) => ({
    segment: w.segments[s.key].name,
    customers: s.customers,
    share: Number.isFinite(s.share) ? s.share : 0,
    revenue: s.revenue,
    perCustomer: Number.isFinite(s.revenuePerCustomer) ? s.revenuePerCustomer : null,
  }));
  return withCounts(['customers'], {
    ...baseSpec(t.bars, `${t.barsDesc}.`),
    width: CHART_WIDTH - 180,
    height: Math.max(CHART_HEIGHT / 2, values.length * 28),
    data: { values },
    encoding: {
      y: {
        field: 'segment',
        type: 'nominal',
        title: null,
        sort: values.map((v) => v.segment),
        axis: { labelLimit: 220 },
      },
      x: { field: 'customers', type: 'quantitative', title: t.customers, axis: { format: COUNT_FORMAT } },
      tooltip: [
        { field: 'segment', type: 'nominal', title: t.segment },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
        { field: 'revenue', type: 'quantitative', title: t.revenue, format: moneyFormat(locale) },
        { field: 'perCustomer', type: 'quantitative', title: t.perCustomer, format: moneyFormat(locale) },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: CATEGORY_COLORS[0] } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#333333' },
        encoding: { text: { field: 'share', type: 'quantitative', format: PERCENT_FORMAT } },
      },
    ],
  });
}
