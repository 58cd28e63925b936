/**
 * Cohort charts: the retention triangle (heatmap, also for revenue retention), retention curves per
 * cohort with the size-weighted average emphasised, and cumulative revenue per customer (LTV)
 * curves. Pure builders: result in, Vega-Lite spec out. Partly observed cells are drawn faded in
 * the heatmap and left out of the curves, so no curve shows a false drop at the right edge.
 */
import type { TopLevelSpec } from 'vega-lite';
import { averageCurve, type CohortCell, type CohortPeriod, type CohortResult, type CohortSummary } from './index.js';
import { intlTag, type Locale } from '../../locale.js';
import { periodLabel } from '../overview/charts.js';
import { dataValue } from '../../i18n/countries.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  MIN_FONT_SIZE,
  minPlotWidth,
  moneyFormat,
  SEQUENTIAL_SCHEME,
  withCounts,
} from '../../charts/theme.js';
import { cohortTexts, type CohortTexts } from './texts.js';

/** Options shared by the cohort charts. */
export interface CohortChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
  /**
   * Most cohorts drawn: the latest ones for time cohorts, the largest for attribute cohorts.
   * @defaultValue 24 in the heatmap; in the curves 12 time cohorts or 10 attribute values
   */
  maxCohorts?: number;
  /**
   * Words of titles, axes and tooltips: `orders` (periods since the first order, revenue) or `subscriptions`
   * (months since the first paid month, still paying, MRR), for the result of `subscriptionCohorts`.
   * @defaultValue 'orders'
   */
  wording?: 'orders' | 'subscriptions';
}

/** The cohort chart words for a wording: the order words, with the subscription ones over them. */
function cohortWords(locale: Locale, wording: CohortChartOptions['wording']): CohortTexts['charts'] {
  const t = cohortTexts(locale);
  return wording === 'subscriptions' ? { ...t.charts, ...t.subscriptionCharts } : t.charts;
}

/** Options of {@link cohortHeatmap}. */
export interface CohortHeatmapOptions extends CohortChartOptions {
  /** What the cells show. @defaultValue 'retention' */
  metric?: 'retention' | 'revenueRetention';
}

/**
 * Display label of a cohort: `Dec 2010` / `dec 2010`, `Q4 2010` / `K4 2010`, `2020-W53`, or the attribute value (`by`: its
 * column, so that a country reads in the locale).
 * @example cohortLabel(result.cohorts[0], result.options.period, 'nl') // 'dec 2010'
 */
export function cohortLabel(
  cohort: Pick<CohortSummary, 'cohort' | 'start'>,
  period: CohortPeriod,
  locale: Locale,
  by?: string | null,
): string {
  if (cohort.cohort === null) return cohortTexts(locale).charts.unknown;
  // attribute cohorts: a country from the data in the report's language
  if (by) return dataValue(by, cohort.cohort, locale);
  if (!cohort.start || period === 'week') return cohort.cohort;
  return periodLabel(cohort.start, period, locale);
}

/** The cohorts a chart draws: the latest `max` time cohorts, or the `max` largest attribute cohorts (the result's order). */
export function shownCohorts(result: CohortResult, max: number): CohortSummary[] {
  return result.options.by === null
    ? result.cohorts.slice(Math.max(0, result.cohorts.length - max))
    : result.cohorts.slice(0, max);
}

/** Time cohorts: a viridis-like ramp, older cohorts purple, newer green (no near-black, kept for the average). */
const TIME_COLORS = [
  '#472c7a',
  '#3f4788',
  '#38598c',
  '#32688e',
  '#2c788e',
  '#26878e',
  '#21968b',
  '#23a582',
  '#34b378',
  '#4fc16b',
  '#70cc5a',
  '#94d640',
];
/** Attribute cohorts: the category palette without black (the average) and yellow (too light for lines). */
const ATTRIBUTE_COLORS = CATEGORY_COLORS.filter((c) => c !== '#000000' && c !== '#F0E442');

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function subtitleOf(
  result: CohortResult,
  shown: number,
  extra: string | undefined,
  locale: Locale,
): string | undefined {
  const parts = [
    shown < result.cohorts.length
      ? cohortTexts(locale).charts.shown(shown, result.cohorts.length, result.options.by !== null)
      : '',
    extra ?? '',
  ];
  return parts.filter(Boolean).join('; ') || undefined;
}

/**
 * Retention heatmap (the cohort triangle): rows = cohorts with their size, columns = periods since
 * the first order, cell = retention (or revenue retention) with its percentage written in.
 * @example await show(cohortHeatmap(result, { metric: 'revenueRetention', locale: 'nl' }));
 */
export function cohortHeatmap(result: CohortResult, options: CohortHeatmapOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = cohortWords(locale, options.wording);
  const metric = options.metric ?? 'retention';
  const shown = shownCohorts(result, options.maxCohorts ?? 24);
  const mark = (c: CohortSummary) => (c.cohort === result.leftCensored ? ' †' : '');
  const labels = new Map(
    shown.map((c) => [
      c.cohort,
      `${cohortLabel(c, result.options.period, locale, result.options.by)} (${c.size.toLocaleString(intlTag(locale))})${mark(c)}`,
    ]),
  );
  const cells = result.rows.filter((c) => labels.has(c.cohort));
  // Period 0 is 100% by definition: scale the colours to the later periods so their differences show.
  const later = cells
    .filter((c) => c.period > 0)
    .map((c) => c[metric])
    .filter(Number.isFinite);
  const top = Math.max(0.05, ...later);
  const periods = Math.max(0, ...cells.map((c) => c.period)) + 1;
  const values = cells.map((c) => ({
    row: labels.get(c.cohort),
    period: c.period,
    value: num(c[metric]),
    size: c.size,
    active: c.active,
    revenue: c.revenue,
    text: Number.isFinite(c[metric]) ? `${Math.round(100 * c[metric])}%${c.partial ? '*' : ''}` : '',
    partial: c.partial,
    dark: Number.isFinite(c[metric]) && c[metric] > 0.6 * top,
  }));
  const anyPartial = cells.some((c) => c.partial);
  const cellWidth = Math.max(14, Math.min(44, Math.floor(CHART_WIDTH / Math.max(periods, 1))));
  // "100%*" at 10 px needs about 30 px; narrower cells keep the number in the tooltip only.
  const written = cellWidth >= LABELLED_CELL;
  return withCounts(
    ['size', 'active'],
    {
      ...baseSpec(
        metric === 'retention' ? t.heat : t.heatRev,
        `${metric === 'retention' ? t.heatDesc : t.heatRevDesc}.`,
        subtitleOf(
          result,
          shown.length,
          [anyPartial ? t.partial : '', censoredNote(result, shown, locale)].filter(Boolean).join('; ') || undefined,
          locale,
        ),
      ),
      width: cellWidth * periods,
      height: Math.max(120, shown.length * 22),
      ...(written ? minPlotWidth(LABELLED_CELL * periods) : {}),
      data: { values },
      encoding: {
        x: {
          field: 'period',
          type: 'ordinal',
          title: t.since[result.options.period],
          axis: { labelAngle: 0, labelOverlap: true },
        },
        y: { field: 'row', type: 'ordinal', title: null, sort: shown.map((c) => labels.get(c.cohort) ?? '') },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
          encoding: {
            color: {
              field: 'value',
              type: 'quantitative',
              title: metric === 'retention' ? t.retention : t.revenueRetention,
              scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, top], clamp: true },
              legend: { format: '.0%' },
            },
            opacity: { condition: { test: 'datum.partial', value: 0.45 }, value: 1 },
            tooltip: [
              { field: 'row', type: 'nominal', title: t.cohort },
              { field: 'period', type: 'ordinal', title: t.period },
              {
                field: 'value',
                type: 'quantitative',
                title: metric === 'retention' ? t.retention : t.revenueRetention,
                format: '.1%',
              },
              { field: 'active', type: 'quantitative', title: t.active, format: COUNT_FORMAT },
              { field: 'revenue', type: 'quantitative', title: t.revenue, format: moneyFormat(locale) },
            ],
          },
        },
        ...(written
          ? [
              {
                mark: { type: 'text' as const, baseline: 'middle' as const, fontSize: MIN_FONT_SIZE },
                encoding: {
                  text: { field: 'text', type: 'nominal' as const },
                  color: { condition: { test: 'datum.dark', value: '#ffffff' }, value: '#1a1a1a' },
                },
              },
            ]
          : []),
      ],
    },
    { row: 'size' },
  );
}

/** "† Dec 2010 also holds customers from before the data starts" when the left-censored cohort is among `shown`, else ''. */
function censoredNote(result: CohortResult, shown: readonly CohortSummary[], locale: Locale): string {
  const c = shown.find((x) => x.cohort === result.leftCensored);
  return c ? cohortTexts(locale).charts.censored(cohortLabel(c, result.options.period, locale)) : '';
}

/** Narrowest cohort cell, in pixels, with its percentage written in. */
const LABELLED_CELL = 30;

type CurveMetric = 'retention' | 'cumulativeRevenuePerCustomer';

/** The weighted average is drawn for periods that at least this many cohorts reach. */
export const MIN_AVERAGE_COHORTS = 3;

function curves(result: CohortResult, metric: CurveMetric, options: CohortChartOptions): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = cohortWords(locale, options.wording);
  const shown = shownCohorts(result, options.maxCohorts ?? (result.options.by === null ? 12 : ATTRIBUTE_COLORS.length));
  // a cohort whose only cell is partly observed has no line, so it gets no legend entry either
  const drawn = shown.filter((c) => result.rows.some((r) => r.cohort === c.cohort && !r.partial));
  const labels = new Map(
    drawn.map((c) => [
      c.cohort,
      `${cohortLabel(c, result.options.period, locale, result.options.by)}${c.cohort === result.leftCensored ? ' †' : ''}`,
    ]),
  );
  const order = drawn.map((c) => labels.get(c.cohort) ?? '');
  const point = (series: string, kind: string, period: number, value: number, size: number) => ({
    series,
    kind,
    period,
    value: num(value),
    size,
  });
  const cells = result.rows.filter((c: CohortCell) => labels.has(c.cohort) && !c.partial);
  const values = [
    ...cells.map((c) => point(labels.get(c.cohort) ?? '', 'cohort', c.period, c[metric], c.observed)),
    // The average of exactly the cohorts drawn (a hidden cohort would lift it above every visible line), and only
    // where enough of them are observed: further right it is one or two old cohorts, not an average.
    // The left-censored first cohort is no cohort of new customers: left out of the average, as in the result's.
    ...averageCurve(cells.filter((c) => c.cohort !== result.leftCensored))
      .filter((p) => p.cohorts >= MIN_AVERAGE_COHORTS)
      .map((p) => point(t.average, 'average', p.period, p[metric], p.customers)),
  ];
  // Say what the black line averages when it is not every cohort: a hidden cohort, or the left-censored one.
  const first = result.cohorts.find((c) => c.cohort === result.leftCensored);
  const averaged = result.cohorts.filter(
    (c) => c !== first && result.rows.some((r) => r.cohort === c.cohort && !r.partial),
  ).length;
  const drawnAveraged = drawn.filter((c) => c !== first).length;
  const averageOf =
    options.wording === 'subscriptions'
      ? ''
      : t.averageOf(
          first ? cohortTexts(locale).section.without(cohortLabel(first, result.options.period, locale)) : undefined,
          drawnAveraged < averaged,
        );
  const money = metric !== 'retention';
  const format = money ? moneyFormat(locale) : '.0%';
  const colors =
    result.options.by === null
      ? order.map(
          (_, i) =>
            TIME_COLORS[Math.round((i * (TIME_COLORS.length - 1)) / Math.max(1, order.length - 1))] ?? '#2c788e',
        )
      : order.map((_, i) => ATTRIBUTE_COLORS[i % ATTRIBUTE_COLORS.length] ?? '#0072B2');
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: t.cohort,
    scale: { domain: [...order, t.average], range: [...colors, '#000000'] },
    legend: { symbolType: 'stroke', labelLimit: 160 },
  };
  const tooltip = [
    { field: 'series', type: 'nominal' as const, title: t.cohort },
    { field: 'period', type: 'quantitative' as const, title: t.period },
    {
      field: 'value',
      type: 'quantitative' as const,
      title: money ? t.ltvValue : t.retention,
      format: money ? format : '.1%',
    },
    { field: 'size', type: 'quantitative' as const, title: t.size, format: COUNT_FORMAT },
  ];
  return withCounts(['size'], {
    ...baseSpec(
      money ? t.ltv : t.curves,
      `${money ? t.ltvDesc : t.curvesDesc} (${t.averageWhere(MIN_AVERAGE_COHORTS)}).`,
      subtitleOf(
        result,
        shown.length,
        options.wording === 'subscriptions'
          ? undefined
          : [t.partialLeftOut, averageOf, censoredNote(result, drawn, locale)].filter(Boolean).join('; '),
        locale,
      ),
    ),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    encoding: {
      x: {
        field: 'period',
        type: 'quantitative',
        title: t.since[result.options.period],
        axis: { tickMinStep: 1, format: 'd' },
      },
      y: { field: 'value', type: 'quantitative', title: money ? t.ltvValue : t.retention, axis: { format } },
      color,
      tooltip,
    },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'cohort'" }],
        mark: { type: 'line', strokeWidth: 1.5, opacity: 0.75, point: { size: 16 } },
      },
      {
        transform: [{ filter: "datum.kind === 'average'" }],
        mark: { type: 'line', strokeWidth: 3.5, point: { size: 40, filled: true } },
      },
    ],
  });
}

/**
 * Retention curves: one line per cohort (the latest or largest `maxCohorts`), plus the size-weighted average in black.
 * @example await show(cohortRetentionCurves(result, { maxCohorts: 6 }));
 */
export function cohortRetentionCurves(result: CohortResult, options: CohortChartOptions = {}): TopLevelSpec {
  return curves(result, 'retention', options);
}

/**
 * Cumulative net revenue per customer (historical LTV) per cohort, plus the weighted average in black.
 * @example await show(cohortLtvCurves(result, { locale: 'nl' }));
 */
export function cohortLtvCurves(result: CohortResult, options: CohortChartOptions = {}): TopLevelSpec {
  return curves(result, 'cumulativeRevenuePerCustomer', options);
}
