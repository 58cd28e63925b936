/**
 * Journey charts: the funnel (customers who reached each stage, bars, with the conversion from the stage
 * before) and the stages over time (lines at monthly points); with orders only, the two stages orders show. Pure: result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../locale.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_WIDTH,
  COUNT_FORMAT,
  PERCENT_FORMAT,
  withCounts,
} from '../../charts/theme.js';
import type { JourneyResult } from './types.js';
import { journeyTexts } from './texts.js';

/** The stages a chart shows: all, or only those the orders show when the result has no mapped events. */
const shown = (result: JourneyResult) =>
  result.funnel.filter((f) => !result.ordersOnly || f.key === 'first-purchase' || f.key === 'repeat');

/** Options of the journey charts. */
export interface JourneyChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * One bar per stage, funnel order: the customers who reached it or a later stage; the conversion in the tooltip.
 * @example await show(journeyFunnel(result));
 */
export function journeyFunnel(result: JourneyResult, options: JourneyChartOptions = {}): TopLevelSpec {
  const w = journeyTexts(options.locale ?? 'en');
  const t = w.charts;
  const values = shown(result).map((f) => ({
    stage: w.stages[f.key].name,
    customers: f.reached,
    // Orders only: the first stage shown has no stage before it.
    conversion:
      Number.isFinite(f.conversion) && !(result.ordersOnly && f.key === 'first-purchase') ? f.conversion : null,
  }));
  return withCounts(['customers'], {
    ...baseSpec(t.funnel, `${t.funnelDesc}.`),
    width: CHART_WIDTH - 200,
    height: values.length * 32,
    data: { values },
    encoding: {
      y: { field: 'stage', type: 'nominal', title: null, sort: values.map((v) => v.stage) },
      x: { field: 'customers', type: 'quantitative', title: t.customers, axis: { format: COUNT_FORMAT } },
      tooltip: [
        { field: 'stage', type: 'nominal', title: t.stage },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'conversion', type: 'quantitative', title: t.conversion, format: PERCENT_FORMAT },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: CATEGORY_COLORS[0] } },
      {
        transform: [{ filter: 'isValid(datum.conversion)' }],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#333333' },
        encoding: { text: { field: 'conversion', type: 'quantitative', format: '.0%' } },
      },
    ],
  });
}

/**
 * One line per stage: the customers who had reached it at each monthly point up to the as-of date.
 * @example await show(journeyOverTime(result, { locale: 'nl' }));
 */
export function journeyOverTime(result: JourneyResult, options: JourneyChartOptions = {}): TopLevelSpec {
  const w = journeyTexts(options.locale ?? 'en');
  const t = w.charts;
  const stages = shown(result).map((f) => w.stages[f.key].name);
  const values = result.overTime.flatMap((p) =>
    shown(result).map((f) => ({
      at: p.at.toISOString().slice(0, 10),
      stage: w.stages[f.key].name,
      customers: p.reached[f.key],
    })),
  );
  return {
    ...baseSpec(t.time, `${t.timeDesc}.`),
    width: CHART_WIDTH - 120,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'at', type: 'temporal', title: t.at, axis: { format: '%b %Y' } },
      y: { field: 'customers', type: 'quantitative', title: t.customers, axis: { format: COUNT_FORMAT } },
      color: { field: 'stage', type: 'nominal', title: t.stage, sort: stages, scale: { range: [...CATEGORY_COLORS] } },
      tooltip: [
        { field: 'at', type: 'temporal', title: t.at, format: '%d %b %Y' },
        { field: 'stage', type: 'nominal', title: t.stage },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
      ],
    },
  };
}
