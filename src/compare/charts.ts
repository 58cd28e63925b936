/** The chart of "What changed": the average cohort retention curve of the previous report against this one's. Pure. */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, CATEGORY_COLORS, CHART_HEIGHT, CHART_WIDTH, PERCENT_FORMAT } from '../charts/theme.js';
import type { Locale } from '../locale.js';
import type { ReportComparison } from './compare.js';
import { compareTexts } from './texts.js';

/**
 * Average customer retention by period since the first order: one line for the previous report, one for this one.
 * @example await show(cohortCurvesChart(compareReports(before, after)!.cohorts!, { locale: 'nl' }));
 */
export function cohortCurvesChart(
  cohorts: NonNullable<ReportComparison['cohorts']>,
  options: { locale?: Locale } = {},
): TopLevelSpec {
  const t = compareTexts(options.locale ?? 'en');
  const period = t.periods[cohorts.period] ?? cohorts.period;
  const values = [
    ...cohorts.before.map((retention, i) => ({ run: t.columns.before, period: i, retention })),
    ...cohorts.after.map((retention, i) => ({ run: t.columns.now, period: i, retention })),
  ];
  return {
    ...baseSpec(t.chart.title, t.chart.description(period)),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: t.columns.period, axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'retention', type: 'quantitative', title: t.chart.retention, axis: { format: '.0%' } },
      color: {
        field: 'run',
        type: 'nominal',
        title: null,
        sort: [t.columns.before, t.columns.now],
        scale: { range: [CATEGORY_COLORS[8] ?? '#999999', CATEGORY_COLORS[0] ?? '#0072B2'] },
      },
      tooltip: [
        { field: 'run', type: 'nominal', title: t.chart.run },
        { field: 'period', type: 'quantitative', title: t.columns.period },
        { field: 'retention', type: 'quantitative', title: t.chart.retention, format: PERCENT_FORMAT },
      ],
    },
  };
}
