/**
 * Trend charts: the RFM segments' shares of customers over time (stacked areas), and a KPI per segment over
 * time as lines with their 95% interval bands (value tiers in one panel, RFM segments one panel each). Pure
 * builders: result in, Vega-Lite spec out; dates are written in the locale's words on an ordinal axis (the
 * points are evenly spaced), and a point too small to show is left out of the KPI lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import { columnLabel, segmentValueName } from '../../i18n/analyses.js';
import { dataValue } from '../../i18n/countries.js';
import { formatDate, type Locale } from '../../locale.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  moneyFormat,
  PERCENT_FORMAT,
  withCounts,
} from '../../charts/theme.js';
import { segmentName } from '../rfm/words.js';
import { clusterNames } from '../clusters/words.js';
import { MISSING_SEGMENT } from '../segments/index.js';
import { byValueName } from '../segments/words.js';
import type { TrendGrouping, TrendsResult, TrendValue } from './index.js';
import { trendTexts } from './texts.js';

/** Options of the trend charts. */
export interface TrendChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Options of {@link trendKpiChart}. */
export interface TrendKpiChartOptions extends TrendChartOptions {
  /** The KPI drawn. @defaultValue 'revenuePerCustomer' */
  kpi?: 'revenuePerCustomer' | 'repeatRate' | 'churn';
  /**
   * Which segments: value tiers in one panel, or RFM segments one panel each, or one of the result's
   * `groupings` (clusters, an attribute) one panel each. @defaultValue 'tiers'
   */
  segments?: 'tiers' | 'rfm' | TrendGrouping;
}

/** Most series a grouping's share chart draws: the rest are summed into one "other values" band. */
export const MAX_SERIES = 8;

/**
 * Display names of a grouping's keys: `1. Recent, frequent, high spend` for clusters, an attribute's values as
 * the segments section writes them (countries in the report's language), a segmentation's keys by its labels
 * (`weekend` → "Weekend buyers").
 */
export function groupingNames(grouping: TrendGrouping, locale: Locale): string[] {
  if (grouping.kind === 'attribute') return grouping.keys.map((k) => dataValue(grouping.by, k, locale));
  if (grouping.kind === 'segmentation')
    return grouping.keys.map((k) =>
      k === MISSING_SEGMENT ? trendTexts(locale).charts.noSegment : byValueName(grouping.by, k, locale),
    );
  const names = clusterNames(
    (grouping.nameParts ?? grouping.keys.map(() => [])).map((nameParts) => ({ nameParts })),
    locale,
  );
  return grouping.keys.map((k, i) => `${k}. ${names[i] ?? ''}`);
}

/** The date labels of a result's points, oldest first. */
export function pointLabels(result: TrendsResult, locale: Locale): string[] {
  return result.points.map((p) => formatDate(p.date, locale));
}

/** Display names of a result's RFM segments, by key (the map's own labels where it has them). */
function rfmNames(result: TrendsResult, locale: Locale): Map<string, string> {
  return new Map(result.options.segmentMap.segments.map((s) => [s.key, segmentName(s, locale)]));
}

/** Segment display name of a value of either kind. */
export function trendSegmentName(
  result: TrendsResult,
  value: Pick<TrendValue, 'segment'>,
  kind: 'rfm' | 'tiers',
  locale: Locale,
): string {
  return kind === 'rfm'
    ? (rfmNames(result, locale).get(value.segment) ?? value.segment)
    : segmentValueName(value.segment, locale);
}

const colors = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => CATEGORY_COLORS[i % CATEGORY_COLORS.length] ?? '#0072B2');

/** The series of a share chart: a display name and order per value, from the segments' values. */
type ShareRow = { date: string | undefined; segment: string; order: number; customers: number; share: number };

function shareChart(
  title: string,
  description: string,
  dates: string[],
  names: string[],
  values: ShareRow[],
  locale: Locale,
): TopLevelSpec {
  const t = trendTexts(locale).charts;
  return withCounts(['customers'], {
    ...baseSpec(title, `${description}.`),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'area', line: { strokeWidth: 0.5, color: '#ffffff' } },
    encoding: {
      x: {
        field: 'date',
        type: 'ordinal',
        sort: dates,
        title: t.date,
        axis: { labelAngle: -40, labelOverlap: true },
        scale: { padding: 0 },
      },
      y: {
        field: 'share',
        type: 'quantitative',
        stack: 'zero',
        title: t.share,
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      color: {
        field: 'segment',
        type: 'nominal',
        title: t.segment,
        sort: names,
        scale: { domain: names, range: colors(names.length) },
        legend: { labelLimit: 200 },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'segment', type: 'nominal', title: t.segment },
        { field: 'date', type: 'ordinal', title: t.date },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
      ],
    },
  });
}

/**
 * Each RFM segment's share of all customers at each date, as stacked areas in the segment map's order.
 * @example await show(trendShareChart(await trends(wb), { locale: 'nl' }));
 */
export function trendShareChart(result: TrendsResult, options: TrendChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = trendTexts(locale).charts;
  const dates = pointLabels(result, locale);
  const names = result.segments.map((k) => trendSegmentName(result, { segment: k }, 'rfm', locale));
  const values = result.rfm.map((v) => ({
    date: dates[v.point],
    segment: names[result.segments.indexOf(v.segment)]!,
    order: result.segments.indexOf(v.segment),
    customers: v.customers,
    share: v.share,
  }));
  return shareChart(t.shares, t.sharesDesc, dates, names, values, locale);
}

/**
 * A grouping's shares of all customers at each date (clusters, or an attribute's values), as stacked areas
 * in key order; beyond {@link MAX_SERIES} values, the ones with the fewest customers at the last date are
 * summed into one "other values" band.
 * @example await show(trendGroupingShareChart(result, result.groupings[0]!, { locale: 'nl' }));
 */
export function trendGroupingShareChart(
  result: TrendsResult,
  grouping: TrendGrouping,
  options: TrendChartOptions = {},
): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = trendTexts(locale).charts;
  const dates = pointLabels(result, locale);
  const all = groupingNames(grouping, locale);
  const last = result.points.length - 1;
  const size = new Map(grouping.values.filter((v) => v.point === last).map((v) => [v.segment, v.customers]));
  const ranked = [...grouping.keys].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || (a < b ? -1 : 1));
  const shown = new Set(grouping.keys.length > MAX_SERIES ? ranked.slice(0, MAX_SERIES - 1) : grouping.keys);
  const other = t.other;
  const names = [
    ...grouping.keys.flatMap((k, i) => (shown.has(k) ? [all[i]!] : [])),
    ...(shown.size < grouping.keys.length ? [other] : []),
  ];
  const rows = new Map<string, ShareRow>();
  for (const v of grouping.values) {
    const name = shown.has(v.segment) ? all[grouping.keys.indexOf(v.segment)]! : other;
    const key = `${v.point}|${name}`;
    const row = rows.get(key) ?? {
      date: dates[v.point],
      segment: name,
      order: names.indexOf(name),
      customers: 0,
      share: 0,
    };
    row.customers += v.customers;
    row.share = row.customers / (result.points[v.point]?.customers ?? NaN);
    rows.set(key, row);
  }
  const title = grouping.kind === 'clusters' ? t.clusterShares : t.attributeShares(columnLabel(grouping.by, locale));
  return shareChart(title, t.groupingSharesDesc, dates, names, [...rows.values()], locale);
}

/**
 * A KPI per segment over time: a line per segment with its 95% interval as a band (points of segments smaller
 * than `minSize` left out). Value tiers share one panel; RFM segments get one small panel each, own y scales.
 * @example await show(trendKpiChart(result, { kpi: 'repeatRate', segments: 'tiers' }));
 */
export function trendKpiChart(result: TrendsResult, options: TrendKpiChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = trendTexts(locale).charts;
  const kpi = options.kpi ?? 'revenuePerCustomer';
  const segments = options.segments ?? 'tiers';
  const kind = segments === 'tiers' ? 'tiers' : 'rfm'; // a grouping is drawn as RFM is: one panel per segment
  const dates = pointLabels(result, locale);
  const list = segments === 'rfm' ? result.rfm : segments === 'tiers' ? result.valueTiers : segments.values;
  const keys = segments === 'rfm' ? result.segments : segments === 'tiers' ? result.tiers : segments.keys;
  const names =
    typeof segments === 'object'
      ? groupingNames(segments, locale)
      : keys.map((k) => trendSegmentName(result, { segment: k }, segments, locale));
  const values = list
    .filter((v) => !v.tooSmall)
    .map((v) => {
      const p = kpi === 'churn' ? v.churn : v.repeatRate;
      const x =
        kpi === 'revenuePerCustomer'
          ? { value: v.revenuePerCustomer.mean, low: v.revenuePerCustomer.low, high: v.revenuePerCustomer.high }
          : { value: p.rate, low: p.low, high: p.high };
      const num = (y: number) => (Number.isFinite(y) ? y : null);
      return {
        date: dates[v.point],
        series: names[keys.indexOf(v.segment)],
        customers: v.customers,
        value: num(x.value),
        low: num(x.low),
        high: num(x.high),
      };
    });
  const money = kpi === 'revenuePerCustomer';
  const format = money ? moneyFormat(locale) : '.0%';
  const title = money ? t.revenue : kpi === 'churn' ? t.churn : t.repeat;
  const seriesTitle = kind === 'rfm' ? t.segment : t.tier;
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: seriesTitle,
    sort: names,
    scale: { domain: names, range: colors(names.length) },
  };
  // One axis for both layers (in small panels the chart's title names the KPI), one legend: the lines'.
  const axis = { format, ...(kind === 'rfm' ? { title: null } : {}) };
  const legend = kind === 'rfm' ? null : { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 };
  const x = {
    field: 'date',
    type: 'ordinal' as const,
    sort: dates,
    title: t.date,
    axis: { labelAngle: -40, labelOverlap: true },
  };
  const tooltip = [
    { field: 'series', type: 'nominal' as const, title: seriesTitle },
    { field: 'date', type: 'ordinal' as const, title: t.date },
    { field: 'value', type: 'quantitative' as const, title, format: money ? format : PERCENT_FORMAT },
    { field: 'low', type: 'quantitative' as const, title: t.low, format: money ? format : PERCENT_FORMAT },
    { field: 'high', type: 'quantitative' as const, title: t.high, format: money ? format : PERCENT_FORMAT },
    { field: 'customers', type: 'quantitative' as const, title: t.customers, format: COUNT_FORMAT },
  ];
  const layer = [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative' as const, title, axis },
        y2: { field: 'high' },
        color: { ...color, legend },
      },
    },
    {
      mark: { type: 'line' as const, strokeWidth: 2, point: { size: 24, filled: true } },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative' as const, title, axis },
        color: { ...color, legend },
        tooltip,
      },
    },
  ];
  const head = baseSpec(title, `${money ? t.revenueDesc : kpi === 'churn' ? t.churnDesc : t.repeatDesc}.`);
  if (kind === 'tiers')
    return withCounts(['customers'], { ...head, width: CHART_WIDTH, height: CHART_HEIGHT, data: { values }, layer });
  return withCounts(['customers'], {
    ...head,
    data: { values },
    facet: { field: 'series', type: 'nominal', title: null, sort: names, header: { labelFontSize: 11 } },
    columns: 5,
    spec: { width: 100, height: 90, layer },
    resolve: { scale: { y: 'independent' } },
  });
}
