/**
 * Static SVG charts inside one HTML page: vega numbers its clip paths and gradients from 1 in
 * every SVG it renders, so two inline SVGs would share `id="clip1"` and clip each other. Prefixing
 * every id (and every reference to it) with the chart id keeps them apart.
 */

/**
 * Prefix all `id`s in an SVG string, and the `url(#…)` / `href="#…"` references to them.
 * @example prefixSvgIds('<clipPath id="clip1">…<g clip-path="url(#clip1)">', 'rfm-bars-')
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_m, head: string, id: string) => `${head}${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : m))
    .replace(/(href=")#([^"]+)"/g, (m, head: string, id: string) => (ids.has(id) ? `${head}#${prefix}${id}"` : m));
}
