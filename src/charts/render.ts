/**
 * Render Vega-Lite specs to static SVG in Node (for reports, notebooks and tests).
 * vega and vega-lite are loaded with dynamic `import()`: vega's module graph has a top-level
 * await, and a static import would stop the compiled library from being `require()`d by tslab.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';
import { d3NumberLocale, type Locale } from '../locale.js';

/** Compile a Vega-Lite spec to a Vega spec. */
export async function compileSpec(spec: TopLevelSpec): Promise<Record<string, unknown>> {
  const vl = await import('vega-lite');
  return vl.compile(spec).spec as unknown as Record<string, unknown>;
}

/**
 * Render a Vega-Lite spec to an SVG string, with number formats for the locale and the currency
 * symbol of `currency` (ISO 4217, default EUR) in money formats.
 * @example const svg = await renderSvg(segmentBars(result), { locale: 'nl', currency: 'GBP' });
 */
export async function renderSvg(spec: TopLevelSpec, options: { locale?: Locale; currency?: string } = {}): Promise<string> {
  const vega = await import('vega');
  const vegaSpec = await compileSpec(spec);
  // vega keeps one default number locale; set it for every render so the output never depends on the previous one.
  vega.formatLocale(d3NumberLocale(options.locale ?? 'en', options.currency));
  const view = new vega.View(vega.parse(vegaSpec as VegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
