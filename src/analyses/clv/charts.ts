/**
 * CLV charts: the holdout check (predicted vs actual purchases by calibration purchases, as in Fader,
 * Hardie & Lee 2005), the distribution of P(alive), the model's P(alive) over frequency × recency, and
 * CLV by tier or by segment. Pure builders: result in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber, type Locale } from '../../locale.js';
import { WorkbenchError } from '../../errors.js';
import type { ClvResult } from './types.js';
import type { ClvSegmentRow } from './aggregates.js';
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
import { messages } from '../../messages.js';
import { clvTexts } from './texts.js';

/** Options of the CLV chart builders. */
export interface ClvChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * Holdout check: mean predicted and actual holdout purchases per calibration x (last group "7 or more").
 * Throws BAD_OPTION when the result has no holdout (run `clv` with `holdoutEnd`).
 */
export function clvHoldoutChart(result: ClvResult, options: ClvChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clvTexts(locale).charts;
  if (!result.holdout) throw new WorkbenchError('BAD_OPTION', messages.noHoldout(), {});
  const predicted = result.options.model === 'pareto-nbd' ? t.predictedPareto : t.predicted;
  const order = result.holdout.rows.map((r) => (r.orMore ? `${r.x}+` : `${r.x}`));
  const values = result.holdout.rows.flatMap((r, i) => [
    { x: order[i], series: t.actual, value: r.actual, customers: r.customers },
    { x: order[i], series: predicted, value: r.predicted, customers: r.customers },
  ]);
  const n = (x: number) => formatNumber(x, locale);
  const sub = `${n(result.holdout.length)} ${t.periods[result.options.unit]} · ${t.actual}: ${n(result.holdout.actualTotal)} · ${predicted}: ${n(result.holdout.predictedTotal)}`;
  return withCounts(['customers'], {
    ...baseSpec(t.holdout, `${t.holdoutDesc}.`, sub),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x', type: 'ordinal', sort: order, title: t.calX, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: t.perCustomer },
      color: {
        field: 'series',
        type: 'nominal',
        title: t.series,
        sort: [t.actual, predicted],
        scale: { range: CATEGORY_COLORS.slice(0, 2) },
        legend: { orient: 'bottom' },
      },
      strokeDash: { field: 'series', type: 'nominal', sort: [t.actual, predicted], title: t.series },
      tooltip: [
        { field: 'x', type: 'ordinal', title: t.calX },
        { field: 'series', type: 'nominal', title: t.series },
        { field: 'value', type: 'quantitative', title: t.perCustomer, format: '.2f' },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
      ],
    },
  });
}

/** Histogram of P(alive) in tenths. */
export function pAliveHistogramChart(result: ClvResult, options: ClvChartOptions = {}): TopLevelSpec {
  const t = clvTexts(options.locale ?? 'en').charts;
  const total = result.pAliveHistogram.reduce((s, b) => s + b.customers, 0);
  const values = result.pAliveHistogram.map((b) => ({ ...b, share: total > 0 ? b.customers / total : 0 }));
  return withCounts(['customers'], {
    ...baseSpec(t.hist, `${t.histDesc}.`),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'bar', color: CATEGORY_COLORS[0], binSpacing: 1 },
    encoding: {
      x: {
        field: 'from',
        type: 'quantitative',
        bin: { binned: true, step: 0.1 },
        title: t.pAlive,
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      x2: { field: 'to' },
      y: { field: 'customers', type: 'quantitative', title: t.customers },
      tooltip: [
        { field: 'from', type: 'quantitative', title: t.pAlive, format: '.0%' },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
      ],
    },
  });
}

/** The model's P(alive) over x × t_x at the longest observation time (the lifetimes-style matrix). */
export function pAliveMatrixChart(result: ClvResult, options: ClvChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clvTexts(locale).charts;
  const m = result.pAliveMatrix;
  const step = m.T / 20;
  const observed = `${formatNumber(m.T, locale, 1)} ${t.periods[result.options.unit]}`;
  const values = m.cells.map((c) => ({ x: c.x, tx: c.t_x, tx2: c.t_x + step, pAlive: c.pAlive }));
  return {
    ...baseSpec(t.matrix, `${t.matrixDesc(formatNumber(m.T, locale, 1))}.`, t.observed(observed)),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'tx',
        type: 'quantitative',
        title: `${t.tx}, ${t.periods[result.options.unit]}`,
        scale: { domain: [0, m.T + step] },
      },
      x2: { field: 'tx2' },
      y: { field: 'x', type: 'ordinal', title: t.x, sort: 'descending' },
      color: {
        field: 'pAlive',
        type: 'quantitative',
        title: t.pAlive,
        scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 1] },
        legend: { format: '.0%' },
      },
      tooltip: [
        { field: 'x', type: 'ordinal', title: t.x },
        { field: 'tx', type: 'quantitative', title: t.tx, format: '.1f' },
        { field: 'pAlive', type: 'quantitative', title: t.pAlive, format: PERCENT_FORMAT },
      ],
    },
  };
}

/** Share of customers beside share of predicted value per CLV tier (top … low). */
export function clvTierChart(result: ClvResult, options: ClvChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clvTexts(locale).charts;
  const order = result.tiers.map((g) => t.tierNames[g.key]);
  const values = result.tiers.flatMap((g) => [
    { tier: t.tierNames[g.key], measure: t.customerShare, share: g.share, customers: g.customers, clv: g.clv },
    { tier: t.tierNames[g.key], measure: t.clvShare, share: g.clvShare, customers: g.customers, clv: g.clv },
  ]);
  return withCounts(['customers'], {
    ...baseSpec(t.tiers, `${t.tiersDesc}.`),
    width: CHART_WIDTH - 160,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'tier', type: 'nominal', sort: order, title: t.tier },
      yOffset: { field: 'measure', type: 'nominal', sort: [t.customerShare, t.clvShare] },
      x: { field: 'share', type: 'quantitative', title: t.share, axis: { format: '.0%' } },
      color: {
        field: 'measure',
        type: 'nominal',
        title: t.measure,
        sort: [t.customerShare, t.clvShare],
        scale: { range: CATEGORY_COLORS.slice(0, 2) },
        legend: { orient: 'bottom' },
      },
      tooltip: [
        { field: 'tier', type: 'nominal', title: t.tier },
        { field: 'measure', type: 'nominal', title: t.measure },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'clv', type: 'quantitative', title: t.clv, format: moneyFormat(locale) },
      ],
    },
  });
}

/**
 * Total predicted value per segment of another segmentation (rows from `clvBySegment`), highest first;
 * with intervals, a line per bar spans its 95% range.
 */
export function clvSegmentChart(rows: readonly ClvSegmentRow[], options: ClvChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clvTexts(locale).charts;
  const y = { field: 'segment', type: 'nominal' as const, sort: rows.map((r) => r.segment), title: null };
  const x = { field: 'clv', type: 'quantitative' as const, title: t.clv, axis: { format: moneyFormat(locale) } };
  const withRange = rows.some((r) => r.low !== null && r.high !== null);
  const tooltip = [
    { field: 'segment', type: 'nominal' as const, title: t.segment },
    { field: 'customers', type: 'quantitative' as const, title: t.customers, format: COUNT_FORMAT },
    { field: 'clv', type: 'quantitative' as const, title: t.clv, format: moneyFormat(locale) },
    ...(withRange
      ? [
          { field: 'low', type: 'quantitative' as const, title: t.low, format: moneyFormat(locale) },
          { field: 'high', type: 'quantitative' as const, title: t.high, format: moneyFormat(locale) },
        ]
      : []),
    { field: 'meanClv', type: 'quantitative' as const, title: t.meanClv, format: moneyFormat(locale) },
    { field: 'meanPAlive', type: 'quantitative' as const, title: t.pAlive, format: PERCENT_FORMAT },
    { field: 'atRisk', type: 'quantitative' as const, title: t.atRisk, format: COUNT_FORMAT },
  ];
  const base = {
    ...baseSpec(t.segments, `${t.segmentsDesc}${withRange ? `; ${t.rangeNote}` : ''}.`),
    width: CHART_WIDTH - 160,
    height: Math.max(CHART_HEIGHT, rows.length * 26),
    data: { values: rows.map((r) => ({ ...r })) },
  };
  if (!withRange) {
    return withCounts(['customers'], {
      ...base,
      mark: { type: 'bar', color: CATEGORY_COLORS[0] },
      encoding: { y, x, tooltip },
    });
  }
  return withCounts(['customers'], {
    ...base,
    encoding: { y },
    layer: [
      { mark: { type: 'bar', color: CATEGORY_COLORS[0] }, encoding: { x, tooltip } },
      {
        mark: { type: 'rule', color: '#1a1a1a' },
        transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
      },
    ],
  });
}
