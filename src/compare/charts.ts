/** The charts of "What changed": the cohort retention curves of the previous report against this one's. Pure. */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, CATEGORY_COLORS, CHART_HEIGHT, CHART_WIDTH, PERCENT_FORMAT } from '../charts/theme.js';
import type { Locale } from '../locale.js';
import type { ReportComparison } from './compare.js';
import { compareTexts } from './texts.js';

/**
 * Average customer retention by period since the first order: one line for the previous report, one for this one.
 * @example await show(cohortCurvesChart(compareReports(before, after)!.cohorts!, { locale: 'nl' }));
 */

/** The colour of a comparison line: grey for the previous run, the first category colour for this one. */
function runColour(t: ReturnType<typeof compareTexts>) {
  return {
    field: 'run',
    type: 'nominal',
    title: null,
    sort: [t.columns.before, t.columns.now],
    scale: { range: [CATEGORY_COLORS[8] ?? '#999999', CATEGORY_COLORS[0] ?? '#0072B2'] },
  } as const;
}
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
      color: runColour(t),
      tooltip: [
        { field: 'run', type: 'nominal', title: t.chart.run },
        { field: 'period', type: 'quantitative', title: t.columns.period },
        { field: 'retention', type: 'quantitative', title: t.chart.retention, format: PERCENT_FORMAT },
      ],
    },
  };
}

/** Most cohorts {@link cohortEachChart} draws (the latest ones in both reports). */
export const MAX_COHORT_PANELS = 12;

/**
 * Each cohort of both reports (the latest {@link MAX_COHORT_PANELS}), one small panel each: its retention by
 * period since the first order in the previous report (grey) and in this one. Where the two runs saw the same
 * periods the lines lie on each other; they part where the data changed, and this report's line runs on where
 * the previous report's ended.
 * @example await show(cohortEachChart(compareReports(before, after).cohorts!, { locale: 'nl' }));
 */
export function cohortEachChart(
  cohorts: NonNullable<ReportComparison['cohorts']>,
  options: { locale?: Locale } = {},
): TopLevelSpec {
  const t = compareTexts(options.locale ?? 'en');
  const period = t.periods[cohorts.period] ?? cohorts.period;
  const shown = cohorts.cohorts.slice(-MAX_COHORT_PANELS);
  const values = shown.flatMap((c) => [
    ...c.before.map((retention, i) => ({ cohort: c.cohort, run: t.columns.before, period: i, retention })),
    ...c.after.map((retention, i) => ({ cohort: c.cohort, run: t.columns.now, period: i, retention })),
  ]);
  return {
    ...baseSpec(t.eachChart.title, t.eachChart.description(period)),
    data: { values },
    facet: { field: 'cohort', type: 'ordinal', title: null, sort: shown.map((c) => c.cohort) },
    columns: 4,
    spec: {
      width: 150,
      height: 90,
      mark: { type: 'line', point: { size: 16 } },
      encoding: {
        x: { field: 'period', type: 'quantitative', title: t.columns.period, axis: { tickMinStep: 1, format: 'd' } },
        y: {
          field: 'retention',
          type: 'quantitative',
          title: t.chart.retention,
          axis: { format: '.0%' },
          scale: { domain: [0, 1] },
        },
        color: runColour(t),
        tooltip: [
          { field: 'cohort', type: 'ordinal', title: t.eachChart.cohort },
          { field: 'run', type: 'nominal', title: t.chart.run },
          { field: 'period', type: 'quantitative', title: t.columns.period },
          { field: 'retention', type: 'quantitative', title: t.chart.retention, format: PERCENT_FORMAT },
        ],
      },
    },
  };
}
