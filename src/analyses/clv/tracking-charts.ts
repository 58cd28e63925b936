/**
 * The tracking plot of Fader, Hardie & Lee (2005): actual beside predicted repeat purchases per week,
 * cumulative or week by week, with a rule where the calibration period ends and the holdout begins.
 * Pure: result in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatDate, formatNumber } from '../../locale.js';
import { baseSpec, CATEGORY_COLORS, CHART_HEIGHT, CHART_WIDTH, COUNT_FORMAT } from '../../charts/theme.js';
import type { ClvChartOptions } from './charts.js';
import type { ClvResult } from './types.js';
import { clvTexts } from './texts.js';

/** Options of {@link clvTrackingChart}. */
export interface ClvTrackingChartOptions extends ClvChartOptions {
  /** Cumulative repeat purchases up to each week, or the purchases of each week. @defaultValue 'cumulative' */
  view?: 'cumulative' | 'weekly';
}

/**
 * Actual and predicted repeat purchases of the calibration customers per week since the first purchase
 * day, through the calibration period and the holdout (the model's scoring kind names the prediction).
 * @example clvTrackingChart(result, { view: 'weekly', locale: 'nl' })
 */
export function clvTrackingChart(result: ClvResult, options: ClvTrackingChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const cumulative = (options.view ?? 'cumulative') === 'cumulative';
  const t = clvTexts(locale).charts;
  const predicted = result.options.model === 'pareto-nbd' ? t.predictedPareto : t.predicted;
  const { weeks, calibrationWeeks, start } = result.tracking;
  const values = weeks.flatMap((w) => [
    { week: w.week, series: t.actual, value: cumulative ? w.cumulativeActual : w.actual },
    { week: w.week, series: predicted, value: cumulative ? w.cumulativePredicted : w.predicted },
  ]);
  const last = weeks[weeks.length - 1];
  const n = (x: number) => formatNumber(x, locale);
  const sub = last
    ? t.trackingSub(formatDate(start, locale), n(last.cumulativeActual), n(last.cumulativePredicted))
    : undefined;
  const series = { sort: [t.actual, predicted], title: t.series };
  const y = cumulative ? t.trackingCumulativeY : t.trackingWeeklyY;
  return {
    ...baseSpec(cumulative ? t.trackingCumulative : t.trackingWeekly, `${t.trackingDesc}.`, sub),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'week', type: 'quantitative', title: t.week, scale: { domain: [0, weeks.length] } },
          y: { field: 'value', type: 'quantitative', title: y },
          color: {
            field: 'series',
            type: 'nominal',
            ...series,
            scale: { range: CATEGORY_COLORS.slice(0, 2) },
            legend: { orient: 'bottom' },
          },
          strokeDash: { field: 'series', type: 'nominal', ...series },
          tooltip: [
            { field: 'week', type: 'quantitative', title: t.week },
            { field: 'series', type: 'nominal', title: t.series },
            { field: 'value', type: 'quantitative', title: y, format: COUNT_FORMAT },
          ],
        },
      },
      {
        data: { values: [{ week: calibrationWeeks, label: t.calibrationEnd }] },
        mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] },
        encoding: { x: { field: 'week', type: 'quantitative' } },
      },
      {
        data: { values: [{ week: calibrationWeeks, label: t.calibrationEnd }] },
        mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 4, color: '#555555' },
        encoding: { x: { field: 'week', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
    ],
  };
}
