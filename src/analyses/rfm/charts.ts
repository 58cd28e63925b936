/**
 * RFM charts: the R×F grid heatmap, segment bars (share of customers beside share of revenue) and
 * the distributions of recency, frequency and monetary. Pure builders: result in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { intlTag, type Locale } from '../../locale.js';
import { segmentName } from './words.js';
import type { RfmResult } from './index.js';
import type { RfmDistribution } from './summary.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  MIN_FONT_SIZE,
  minPlotWidth,
  moneyFormat,
  PERCENT_FORMAT,
  SEQUENTIAL_SCHEME,
  SMALL_COUNT_LABELS,
  SUPPRESSED_FILL,
  withCounts,
} from '../../charts/theme.js';
import { rfmTexts } from './texts.js';

/** Options shared by the RFM chart builders. */
export interface RfmChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Options of {@link rfmHeatmap}. */
export interface RfmHeatmapOptions extends RfmChartOptions {
  /** What the cell colour shows. @defaultValue 'customers' */
  color?: 'customers' | 'monetary';
}

/** Segment display names by key, in the result's locale. */
function segmentNames(result: RfmResult, locale: Locale): Map<string, string> {
  return new Map(result.options.segmentMap.segments.map((s) => [s.key, segmentName(s, locale)]));
}

/** Split a long label over two lines at the space nearest the middle: `[first, second]` (first empty when it fits). */
function wrap(label: string, max = 14): [string, string] {
  if (label.length <= max || !label.includes(' ')) return ['', label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++)
    if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return [label.slice(0, best), label.slice(best + 1)];
}

/**
 * R×F grid heatmap: one cell per recency × frequency score, labelled with its segment and count. A cell
 * whose count a shared report suppresses is striped grey and reads "< 10" (hidden, not empty).
 * @example const spec = rfmHeatmap(result, { locale: 'nl', color: 'monetary' });
 */
export function rfmHeatmap(result: RfmResult, options: RfmHeatmapOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = rfmTexts(locale).charts;
  const byMoney = options.color === 'monetary';
  const names = segmentNames(result, locale);
  const colorOf = (c: RfmResult['grid'][number]) => (byMoney ? c.meanMonetary : c.customers);
  const max = Math.max(0, ...result.grid.map((c) => colorOf(c)).filter(Number.isFinite));
  const lines = (label: string) => {
    const [line1, line2] = wrap(label);
    return { line1, line2 };
  };
  const values = result.grid.map((c) => ({
    r: c.r,
    f: c.f,
    cell: `${c.r}${result.options.bins > 9 ? '-' : ''}${c.f}`,
    customers: c.customers,
    revenue: c.revenue,
    meanMonetary: Number.isFinite(c.meanMonetary) ? c.meanMonetary : null,
    segment: c.segment ? (names.get(c.segment) ?? c.segment) : '',
    ...lines(c.segment ? (names.get(c.segment) ?? c.segment) : ''),
    dark: max > 0 && colorOf(c) > 0.55 * max,
  }));
  const textColor = { condition: { test: 'datum.dark', value: '#ffffff' }, value: '#1a1a1a' };
  const cells = result.options.bins;
  const tooltip = [
    { field: 'cell', type: 'nominal' as const, title: t.cell },
    { field: 'segment', type: 'nominal' as const, title: t.segment },
    { field: 'customers', type: 'quantitative' as const, title: t.customers, format: COUNT_FORMAT },
    { field: 'revenue', type: 'quantitative' as const, title: t.revenue, format: moneyFormat(locale) },
    { field: 'meanMonetary', type: 'quantitative' as const, title: t.meanMonetary, format: moneyFormat(locale) },
  ];
  return withCounts(['customers'], {
    ...baseSpec(t.heatmap, `${t.heatmapDesc}${byMoney ? ` (${t.heatmapMoney})` : ''}.`),
    width: CHART_WIDTH,
    height: Math.max(CHART_HEIGHT, cells * 64),
    usermeta: { ...minPlotWidth(cells * 82).usermeta, ...SMALL_COUNT_LABELS },
    data: { values },
    encoding: {
      x: { field: 'f', type: 'ordinal', title: t.f, axis: { labelAngle: 0 } },
      y: { field: 'r', type: 'ordinal', title: t.r, sort: 'descending' },
    },
    layer: [
      {
        // under the coloured cells: only a suppressed count (null) leaves its cell uncoloured
        transform: [{ filter: '!isValid(datum.customers)' }],
        mark: { type: 'rect', fill: SUPPRESSED_FILL, stroke: '#ffffff', strokeWidth: 2 },
        encoding: { tooltip },
      },
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          color: {
            field: byMoney ? 'meanMonetary' : 'customers',
            type: 'quantitative',
            title: byMoney ? t.meanMonetary : t.customers,
            scale: { scheme: SEQUENTIAL_SCHEME },
            legend: { format: byMoney ? moneyFormat(locale) : COUNT_FORMAT, titleLimit: 220 },
          },
          tooltip,
        },
      },
      ...(['line1', 'line2'] as const).map((field, i) => ({
        mark: { type: 'text' as const, baseline: 'middle' as const, dy: i === 0 ? -16 : -4, fontSize: MIN_FONT_SIZE },
        encoding: { text: { field }, color: textColor },
      })),
      {
        mark: { type: 'text', baseline: 'middle', dy: 12, fontSize: 12, fontWeight: 'bold' },
        encoding: { text: { field: 'customers', type: 'quantitative', format: COUNT_FORMAT }, color: textColor },
      },
    ],
  });
}

/**
 * Segment bars: per segment the share of customers beside the share of net revenue.
 * @example const spec = rfmSegmentBars(result, { locale: 'en' });
 */
export function rfmSegmentBars(result: RfmResult, options: RfmChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = rfmTexts(locale).charts;
  const names = segmentNames(result, locale);
  const order = result.segments.map((s) => names.get(s.key) ?? s.key);
  const values = result.segments.flatMap((s) => {
    const segment = names.get(s.key) ?? s.key;
    const common = { segment, customers: s.customers, revenue: s.revenue };
    return [
      { ...common, measure: t.customerShare, share: Number.isFinite(s.share) ? s.share : 0 },
      { ...common, measure: t.revenueShare, share: Number.isFinite(s.revenueShare) ? s.revenueShare : 0 },
    ];
  });
  return withCounts(['customers'], {
    ...baseSpec(t.bars, `${t.barsDesc}.`),
    width: CHART_WIDTH - 160,
    height: Math.max(CHART_HEIGHT, result.segments.length * 36),
    data: { values },
    encoding: {
      y: { field: 'segment', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'measure', type: 'nominal', sort: [t.customerShare, t.revenueShare] },
      x: { field: 'share', type: 'quantitative', title: t.share, axis: { format: '.0%' } },
      color: {
        field: 'measure',
        type: 'nominal',
        title: t.measure,
        sort: [t.customerShare, t.revenueShare],
        scale: { range: CATEGORY_COLORS.slice(0, 2) },
        legend: { orient: 'bottom' },
      },
      tooltip: [
        { field: 'segment', type: 'nominal', title: t.segment },
        { field: 'measure', type: 'nominal', title: t.measure },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'revenue', type: 'quantitative', title: t.revenue, format: moneyFormat(locale) },
      ],
    },
    layer: [
      { mark: { type: 'bar' } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: {
          text: { field: 'share', type: 'quantitative', format: PERCENT_FORMAT },
          color: { value: '#333333' },
        },
      },
    ],
  });
}

/** Options of {@link rfmDistributionChart}. */
export interface RfmDistributionOptions extends RfmChartOptions {
  /** Which metric. */
  metric: RfmDistribution['metric'];
}

/**
 * Histogram of one metric from the pre-binned distribution (log x scale when the data is skewed).
 * @example const spec = rfmDistributionChart(result, { metric: 'monetary' });
 */
export function rfmDistributionChart(result: RfmResult, options: RfmDistributionOptions): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = rfmTexts(locale).charts;
  const d = result.distributions[options.metric];
  const label = t[options.metric];
  const log = d.scale === 'log';
  const format = options.metric === 'monetary' ? moneyFormat(locale) : COUNT_FORMAT;
  const above = d.above
    ? t.above(d.above.customers.toLocaleString(intlTag(locale)), d.above.max.toLocaleString(intlTag(locale)))
    : '';
  const notes = [log ? t.logNote : '', d.nonPositive > 0 ? t.nonPositive(d.nonPositive) : '', above]
    .filter(Boolean)
    .join('; ');
  // Order counts are whole numbers: each bar is centred on the counts it holds (1 order: from 0.5 to 1.5).
  const whole = options.metric === 'frequency';
  const values = whole
    ? d.bins.map((b) => ({
        ...b,
        start: b.start - 0.5,
        end: b.end - 0.5,
        label: b.end - b.start > 1 ? `${b.start}–${b.end - 1}` : String(b.start),
      }))
    : d.bins;
  return withCounts(['customers'], {
    ...baseSpec(t.distTitle(label), `${t.distDesc(label)}${notes ? ` (${notes})` : ''}.`, notes || undefined),
    width: CHART_WIDTH,
    height: CHART_HEIGHT - 80,
    data: { values },
    // rect, not bar: the bins are pre-computed ranges (x to x2), drawn from 0 up to the count
    mark: { type: 'rect', color: CATEGORY_COLORS[0], stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'start',
        type: 'quantitative',
        title: label,
        scale: log ? { type: 'log' } : { zero: false, ...(whole ? { nice: false } : {}) },
        axis: { format, ...(log ? { tickCount: 6 } : {}), ...(whole ? { tickMinStep: 1 } : {}) },
      },
      x2: { field: 'end' },
      y: { field: 'customers', type: 'quantitative', title: t.customers, axis: { format: COUNT_FORMAT } },
      y2: { datum: 0 },
      tooltip: [
        ...(whole
          ? [{ field: 'label', type: 'nominal' as const, title: t.orders }]
          : [
              {
                field: 'start',
                type: 'quantitative' as const,
                title: t.from,
                format: options.metric === 'monetary' ? moneyFormat(locale) : ',.4~f',
              },
              {
                field: 'end',
                type: 'quantitative' as const,
                title: t.to,
                format: options.metric === 'monetary' ? moneyFormat(locale) : ',.4~f',
              },
            ]),
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
      ],
    },
  });
}

/** The three distribution charts (recency, frequency, monetary). */
export function rfmDistributionCharts(result: RfmResult, options: RfmChartOptions = {}): TopLevelSpec[] {
  return (['recency', 'frequency', 'monetary'] as const).map((metric) =>
    rfmDistributionChart(result, { ...options, metric }),
  );
}
