/**
 * The one chart theme: colour-blind-safe palettes, fonts, sizes, and the common top-level spec
 * fields every chart builder starts from. Pure data; no vega import.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../locale.js';

/** Okabe–Ito palette (colour-blind safe), then extra distinguishable colours. */
export const CATEGORY_COLORS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
  '#882255',
  '#44AA99',
  '#117733',
];

/** Sequential scheme for counts and shares (heatmaps). */
export const SEQUENTIAL_SCHEME = 'blues';
/** Diverging scheme for z-scores and deviations. */
export const DIVERGING_SCHEME = 'blueorange';
/** Diverging scheme where one end is good and the other bad (purple worse, green better; colour-blind safe). */
export const GOOD_BAD_SCHEME = 'purplegreen';

/** Default chart width in pixels (fits a laptop screen and prints on A4). */
export const CHART_WIDTH = 560;
/** Default chart height in pixels. */
export const CHART_HEIGHT = 320;

/**
 * The spec with `usermeta.counts`: its data fields that count people, which a shared report suppresses
 * below `minGroup`; `labels` maps a label field ending in "(count)" to its count field. Other usermeta is kept.
 */
export function withCounts(
  counts: readonly string[],
  spec: TopLevelSpec,
  labels?: Readonly<Record<string, string>>,
): TopLevelSpec {
  return {
    ...spec,
    usermeta: { ...spec.usermeta, counts: [...counts], ...(labels ? { countLabels: { ...labels } } : {}) },
  };
}

/**
 * `usermeta` of a chart whose marks stop reading below `px` of plot width (cell labels, written-in
 * numbers). The report's narrow layout keeps at least this width and lets the chart scroll instead.
 */
export function minPlotWidth(px: number): Pick<TopLevelSpec, 'usermeta'> {
  return { usermeta: { minWidth: Math.round(px) } };
}

/**
 * `usermeta` of a chart that writes its counts of people into cells (heatmaps): where a shared report
 * suppresses a small count, the cell reads "< 10" instead of going blank, so a reader sees a hidden
 * group, not an empty one (see `src/privacy/small-groups.ts`).
 */
export const SMALL_COUNT_LABELS = { smallLabels: true } as const;

/** Grey of a cell whose count is suppressed: neutral, not on any colour scale. */
export const SUPPRESSED_GREY = '#d4d4d4';

/**
 * Fill of a heatmap cell whose count is suppressed: diagonal grey stripes on white (a linear gradient
 * with hard stops, which both the live and the static SVG renderer draw), so it reads as "hidden".
 */
export const SUPPRESSED_FILL = {
  gradient: 'linear' as const,
  x1: 0,
  y1: 0,
  x2: 1,
  y2: 1,
  // 7 stripes: grey from 0.4 to 1 of each stripe's span, white before it.
  stops: Array.from({ length: 7 }, (_, i) => [
    { offset: i / 7, color: '#ffffff' },
    { offset: (i + 0.4) / 7, color: '#ffffff' },
    { offset: (i + 0.4) / 7, color: SUPPRESSED_GREY },
    { offset: (i + 1) / 7, color: SUPPRESSED_GREY },
  ]).flat(),
};

/** Words of `text` in lines of at most `max` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Axis `labelExpr` writing each of `labels` over lines of at most `max` characters (Vega draws an
 * array label as lines); a value not in `labels` is written as it is.
 * @example wrapLabelExpr(['1. Recent, frequent, high spend'], 18)
 */
export function wrapLabelExpr(labels: readonly string[], max: number): string {
  return `(${JSON.stringify(labels.map((l) => wrapWords(l, max)))})[indexof(${JSON.stringify(labels)}, datum.value)] || datum.label`;
}

/** Smallest font size of any text in a chart, in pixels (readable on a phone without zooming). */
export const MIN_FONT_SIZE = 10;

/** Shared Vega-Lite config: fonts, axis and legend styling. */
export const THEME_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  background: '#ffffff',
  padding: 8,
  view: { stroke: 'transparent' },
  title: {
    fontSize: 15,
    fontWeight: 600,
    anchor: 'start',
    color: '#1a1a1a',
    subtitleColor: '#444444',
    subtitleFontSize: 12,
  },
  // labelSeparation: where two tick labels would come closer than 4 px, every other one is left out
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    labelColor: '#333333',
    titleColor: '#1a1a1a',
    gridColor: '#e6e6e6',
    labelSeparation: 4,
  },
  legend: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#1a1a1a' },
  range: { category: [...CATEGORY_COLORS] },
  text: { fontSize: 11 },
} as const;

/** Common fields of a chart: schema, title, description (for screen readers), config. */
export function baseSpec(
  title: string,
  description: string,
  subtitle?: string,
): Pick<TopLevelSpec, '$schema' | 'title' | 'description' | 'config'> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: subtitle ? { text: title, subtitle } : title,
    description,
    config: THEME_CONFIG as NonNullable<TopLevelSpec['config']>,
  };
}

/** d3 number format for counts in charts (grouping is localised at render time). */
export const COUNT_FORMAT = ',.0f';
/** d3 format for shares (0..1) shown as percentages. */
export const PERCENT_FORMAT = '.1%';
/** d3 format for money amounts: `$` is the currency prefix/suffix of the chart's `config.locale` (see locale-config.ts). */
export function moneyFormat(_locale: Locale): string {
  return '$,.0f';
}
