/**
 * A chart of one measure per group of customers with its 95% interval as a whisker, shared by the channel and
 * price sections (groups below the minimum size are left out by the caller). Pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, CATEGORY_COLORS, CHART_WIDTH, PERCENT_FORMAT } from '../../charts/theme.js';

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
  options: { format: 'percent' | 'money' | 'ratio' },
): TopLevelSpec {
  const fmt = options.format === 'percent' ? PERCENT_FORMAT : options.format === 'ratio' ? '.2f' : ',.0f';
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
