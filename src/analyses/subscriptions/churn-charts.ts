/**
 * Churn charts: customer churn beside gross revenue churn per segment (customer churn with its 95% Wilson
 * interval), and churn by usage segment with 95% intervals and the rate of all paying customers. Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SubscriptionChurnResult } from './index.js';
import type { UsageChurnResult } from '../usage/churn.js';
import { MISSING_SEGMENT } from '../segments/index.js';
import { columnLabel } from '../../i18n/analyses.js';
import { texts } from '../../i18n/index.js';
import { formatDate, type Locale } from '../../locale.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_WIDTH,
  COUNT_FORMAT,
  PERCENT_FORMAT,
  withCounts,
} from '../../charts/theme.js';

/** Options of the subscription charts. */
export interface SubscriptionChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Options of {@link churnComparisonChart}. */
export interface ChurnComparisonOptions extends SubscriptionChartOptions {
  /** What the segments are, in words for the title (`plan`). @defaultValue the segment column in words */
  byLabel?: string;
  /** Display names of segment values (e.g. usage segment keys in words). @defaultValue the values as they are */
  segmentNames?: Readonly<Record<string, string>>;
}

const BLUE = CATEGORY_COLORS[0] ?? '#0072B2';
const ORANGE = CATEGORY_COLORS[1] ?? '#E69F00';
/** Tooltip rows of a rate (`rate`) with its 95% interval (`low`, `high`). */
const rateTooltip = (title: string, t: { ciLow: string; ciHigh: string }) => [
  { field: 'rate', type: 'quantitative', title, format: PERCENT_FORMAT },
  { field: 'low', type: 'quantitative', title: t.ciLow, format: PERCENT_FORMAT },
  { field: 'high', type: 'quantitative', title: t.ciHigh, format: PERCENT_FORMAT },
];

/** The layer drawing each bar's 95% interval as a black rule from `low` to `high`, on the rows `filter` keeps. */
const intervalRule = (filter: string, encoding: Record<string, unknown>) => ({
  transform: [{ filter }],
  mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 1.5 },
  encoding: { ...encoding, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
});

const num = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

/** Display name of a segment value. */
function segmentName(
  segment: string | null,
  names: Readonly<Record<string, string>> | undefined,
  locale: Locale,
): string {
  if (segment === null) return texts(locale).subscriptions.charts.unknown;
  return (names && Object.hasOwn(names, segment) ? names[segment] : undefined) ?? segment;
}

/**
 * Customer churn beside gross revenue churn per segment (monthly rates), customer churn with its 95% Wilson
 * interval; segments too small to rank drawn faded.
 * @example await show(churnComparisonChart(await subscriptionChurn(wb, { by: 'plan' })));
 */
export function churnComparisonChart(
  result: SubscriptionChurnResult,
  options: ChurnComparisonOptions = {},
): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = texts(locale).subscriptions.charts;
  const values = result.rows.flatMap((r) => {
    const segment = segmentName(r.segment, options.segmentNames, locale);
    const common = { segment, customers: r.customers, small: r.small, status: r.small ? t.small : '' };
    return [
      {
        ...common,
        measure: t.customerChurn,
        rate: num(r.customerChurn.rate),
        low: num(r.customerChurn.low),
        high: num(r.customerChurn.high),
      },
      { ...common, measure: t.revenueChurn, rate: num(r.grossRevenueChurn), low: null, high: null },
    ];
  });
  const y = {
    field: 'segment',
    type: 'nominal' as const,
    title: null,
    sort: [...new Set(values.map((v) => v.segment))],
    axis: { labelLimit: 200 },
  };
  const yOffset = { field: 'measure', type: 'nominal' as const, sort: [t.customerChurn, t.revenueChurn] };
  const x = { field: 'rate', type: 'quantitative' as const, title: t.rate, axis: { format: '.0%', tickCount: 5 } };
  return withCounts(['customers'], {
    ...baseSpec(
      t.churnTitle(options.byLabel ?? columnLabel(result.options.by.column, locale)),
      `${t.churnDesc}.`,
      t.churnSub,
    ),
    width: CHART_WIDTH,
    height: { step: 36 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: {
          y,
          yOffset,
          x,
          color: {
            field: 'measure',
            type: 'nominal',
            title: t.measure,
            scale: { domain: [t.customerChurn, t.revenueChurn], range: [BLUE, ORANGE] },
          },
          opacity: { condition: { test: 'datum.small', value: 0.4 }, value: 1 },
          tooltip: [
            { field: 'segment', type: 'nominal', title: t.segment },
            { field: 'measure', type: 'nominal', title: t.measure },
            ...rateTooltip(t.rate, t),
            { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
            { field: 'status', type: 'nominal', title: t.note },
          ],
        },
      },
      intervalRule('isValid(datum.low)', { y, yOffset }),
    ],
  } as TopLevelSpec);
}

/** Display name of a usage group: a usage segment in words, `(missing)` as unknown, other groups as they are. */
export function usageGroupName(segment: string, locale: Locale): string {
  const t = texts(locale).subscriptions;
  if (segment === MISSING_SEGMENT) return t.charts.unknown;
  const names: Readonly<Record<string, string>> = t.usageSegments;
  return (Object.hasOwn(names, segment) ? names[segment] : undefined) ?? segment;
}

/**
 * Churn by usage segment (or platform group, or feature band): one bar per group with its 95% Wilson
 * interval, groups below `minSize` greyed, and a dashed line at the rate of all paying customers.
 * @example await show(usageChurnChart(await usageChurn(wb, { horizonMonths: 3 })));
 */
export function usageChurnChart(result: UsageChurnResult, options: SubscriptionChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = texts(locale).subscriptions.charts;
  const values = result.rows.map((r) => ({
    segment: usageGroupName(r.segment, locale),
    order: r.order,
    rate: num(r.rate),
    low: num(r.low),
    high: num(r.high),
    customers: r.customers,
    churned: r.churned,
    tooSmall: r.tooSmall,
    status: r.tooSmall ? t.tooSmall : '',
  }));
  const y = {
    field: 'segment',
    type: 'nominal' as const,
    title: null,
    sort: values.map((v) => v.segment),
    axis: { labelLimit: 200 },
  };
  const x = { field: 'rate', type: 'quantitative' as const, title: t.churnRate, axis: { format: '.0%', tickCount: 5 } };
  const o = result.options;
  return withCounts(['customers', 'churned'], {
    ...baseSpec(
      t.usageTitle(t.months(o.horizonMonths)),
      `${t.usageDesc}.`,
      t.usageSub(formatDate(o.at, locale), o.windowDays),
    ),
    width: CHART_WIDTH,
    height: { step: 34 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: { condition: { test: 'datum.tooSmall', value: '#d9d9d9' }, value: BLUE },
          tooltip: [
            { field: 'segment', type: 'nominal', title: t.usageSegment },
            ...rateTooltip(t.churnRate, t),
            { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
            { field: 'churned', type: 'quantitative', title: t.stopped, format: COUNT_FORMAT },
            { field: 'status', type: 'nominal', title: t.note },
          ],
        },
      },
      intervalRule('isValid(datum.low) && !datum.tooSmall', { y }),
      {
        data: { values: [{ all: num(result.overall.rate), label: t.all }] },
        mark: { type: 'rule', color: '#1a1a1a', strokeDash: [4, 3] },
        encoding: {
          x: { field: 'all', type: 'quantitative' },
          tooltip: [{ field: 'all', type: 'quantitative', title: t.all, format: PERCENT_FORMAT }],
        },
      },
    ],
  } as TopLevelSpec);
}
