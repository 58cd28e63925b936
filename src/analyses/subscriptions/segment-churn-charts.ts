/**
 * Customer churn per segment over time (mrrMovements with `by`): one line per segment of the monthly churn
 * rate, inside a band of its 95% Wilson interval, so "is Pro churn rising?" is read against the noise of a
 * month. Segments too small to rank and months with no one at risk are left out (the subtitle says which). Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MrrMovementsResult } from './movements.js';
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import { periodLabel } from '../overview/charts.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  PERCENT_FORMAT,
  withCounts,
} from '../../charts/theme.js';

/** Options of {@link segmentChurnChart}. */
export interface SegmentChurnChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
  /** What the segments are, in words for the title (`plan`). @defaultValue the segment column */
  byLabel?: string;
  /** Only the last this many months. @defaultValue every month of the result */
  lastMonths?: number;
}

/**
 * Monthly customer churn per segment with 95% bands; needs a result of `mrrMovements(wb, { by })`.
 * @example await show(segmentChurnChart(await mrrMovements(wb, { by: 'plan' }), { byLabel: 'plan' }));
 */
export function segmentChurnChart(result: MrrMovementsResult, options: SegmentChurnChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = texts(locale).subscriptions.charts;
  const by = result.bySegment;
  if (!by) throw new Error('segmentChurnChart needs a result of mrrMovements with by');
  const shown = by.segments.filter((s) => !s.tooSmall);
  const left = by.segments.filter((s) => s.tooSmall).map((s) => s.segment ?? t.unknown);
  const names = shown.map((s) => s.segment ?? t.unknown);
  const values = shown.flatMap((s, i) => {
    const rows =
      options.lastMonths === undefined ? s.rows : s.rows.slice(Math.max(0, s.rows.length - options.lastMonths));
    return rows
      .filter((r) => r.customerChurn.total > 0)
      .map((r) => ({
        segment: names[i] ?? '',
        month: periodLabel(r.month, 'month', locale),
        rate: r.customerChurn.rate,
        low: r.customerChurn.low,
        high: r.customerChurn.high,
        customers: r.customerChurn.total,
        churned: r.customerChurn.events,
      }));
  });
  const months = result.rows.map((r) => periodLabel(r.month, 'month', locale));
  const x = {
    field: 'month',
    type: 'ordinal' as const,
    title: t.month,
    sort: months,
    axis: { labelAngle: -45, labelOverlap: true },
  };
  const color = {
    field: 'segment',
    type: 'nominal' as const,
    title: t.segment,
    sort: names,
    scale: { domain: names, range: CATEGORY_COLORS.slice(0, Math.max(1, names.length)) },
  };
  const subtitle = left.length > 0 ? t.segmentChurnSubSmall(left.join(', ')) : t.segmentChurnSub;
  return withCounts(['customers', 'churned'], {
    ...baseSpec(t.segmentChurnTitle(options.byLabel ?? by.by.column), `${t.segmentChurnDesc}.`, subtitle),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    encoding: { x, color },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: {
          y: { field: 'low', type: 'quantitative', title: t.rate, axis: { format: '.0%' } },
          y2: { field: 'high' },
        },
      },
      {
        mark: { type: 'line', point: { filled: true, size: 30 } },
        encoding: {
          y: { field: 'rate', type: 'quantitative' },
          tooltip: [
            { field: 'segment', type: 'nominal', title: t.segment },
            { field: 'month', type: 'nominal', title: t.month },
            { field: 'rate', type: 'quantitative', title: t.rate, format: PERCENT_FORMAT },
            { field: 'low', type: 'quantitative', title: t.ciLow, format: PERCENT_FORMAT },
            { field: 'high', type: 'quantitative', title: t.ciHigh, format: PERCENT_FORMAT },
            { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
            { field: 'churned', type: 'quantitative', title: t.stopped, format: COUNT_FORMAT },
          ],
        },
      },
    ],
  } as TopLevelSpec);
}
