/**
 * The one chart theme: colour-blind-safe palettes, fonts, sizes, and the common top-level spec
 * fields every chart builder starts from. Pure data; no vega import.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../locale.js';

/** Okabe–Ito palette (colour-blind safe), then extra distinguishable colours. */
export const CATEGORY_COLORS: readonly string[] = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#999999', '#882255', '#44AA99', '#117733',
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
export function withCounts(counts: readonly string[], spec: TopLevelSpec, labels?: Readonly<Record<string, string>>): TopLevelSpec {
  return { ...spec, usermeta: { ...spec.usermeta, counts: [...counts], ...(labels ? { countLabels: { ...labels } } : {}) } };
}

/**
 * `usermeta` of a chart whose marks stop reading below `px` of plot width (cell labels, written-in
 * numbers). The report's narrow layout keeps at least this width and lets the chart scroll instead.
 */
export function minPlotWidth(px: number): Pick<TopLevelSpec, 'usermeta'> {
  return { usermeta: { minWidth: Math.round(px) } };
}

/** Smallest font size of any text in a chart, in pixels (readable on a phone without zooming). */
export const MIN_FONT_SIZE = 10;

/** Shared Vega-Lite config: fonts, axis and legend styling. */
export const THEME_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  background: '#ffffff',
  padding: 8,
  view: { stroke: 'transparent' },
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', color: '#1a1a1a', subtitleColor: '#444444', subtitleFontSize: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#1a1a1a', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#1a1a1a' },
  range: { category: [...CATEGORY_COLORS] },
  text: { fontSize: 11 },
} as const;

/** Common fields of a chart: schema, title, description (for screen readers), config. */
export function baseSpec(title: string, description: string, subtitle?: string): Pick<TopLevelSpec, '$schema' | 'title' | 'description' | 'config'> {
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
