/**
 * Render Vega-Lite specs to static SVG in Node (for reports, notebooks and tests).
 * vega and vega-lite are loaded with dynamic `import()`: vega's module graph has a top-level
 * await, and a static import would stop the compiled library from being `require()`d by tslab.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';
import { specLocale, withChartLocale, type ChartLocaleOptions } from './locale-config.js';

/** Compile a Vega-Lite spec to a Vega spec. */
export async function compileSpec(spec: TopLevelSpec): Promise<Record<string, unknown>> {
  const vl = await import('vega-lite');
  return vl.compile(spec).spec as unknown as Record<string, unknown>;
}

/**
 * The spec as it will be rendered: with `config.locale` for `options` when a locale or currency is
 * given (or the spec has none: then `en`, EUR), else the spec's own `config.locale`.
 * Live charts and static pictures are rendered from this one spec, so they agree.
 */
export function localizedSpec(spec: TopLevelSpec, options: ChartLocaleOptions = {}): TopLevelSpec {
  const explicit = options.locale !== undefined || options.currency !== undefined;
  return explicit || !specLocale(spec) ? withChartLocale(spec, options) : spec;
}

/**
 * Render a Vega-Lite spec to an SVG string, with number and date formats for the locale and the
 * currency symbol of `currency` (ISO 4217, default EUR) in money formats (see `localizedSpec`).
 * The locale travels in the spec (`config.locale`), so no process-wide vega state is touched.
 * @example const svg = await renderSvg(segmentBars(result), { locale: 'nl', currency: 'GBP' });
 */
export async function renderSvg(spec: TopLevelSpec, options: ChartLocaleOptions = {}): Promise<string> {
  const vega = await import('vega');
  const vegaSpec = await compileSpec(localizedSpec(spec, options));
  const view = new vega.View(vega.parse(vegaSpec as VegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
