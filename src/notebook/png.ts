/**
 * A PNG copy of a chart's SVG, for notebook viewers that drop or hide SVG (Debian's
 * `nbconvert --to html` strips it, the classic Notebook hides untrusted SVG). Rendered in Node by
 * resvg-js, whose npm package ships a prebuilt binary per platform. It is loaded lazily with
 * `require` (it has a CommonJS entry, as tslab needs): a host without a matching binary only loses
 * the PNG, never the chart.
 */
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** A rendered PNG and its size in CSS pixels (the SVG's size; the bitmap holds `scale`× as many). */
export interface ChartPng {
  /** PNG file bytes. */
  png: Buffer;
  /** Width of the SVG in CSS pixels: show the PNG at this width. */
  width: number;
  /** Height of the SVG in CSS pixels. */
  height: number;
}

/** Options of `svgToPng`. */
export interface SvgToPngOptions {
  /** Device pixels per CSS pixel: 1.5 is sharp on most screens and keeps notebooks small (2 weighs ~1.8× as much). @defaultValue 1.5 */
  scale?: number;
  /** Load the host's fonts for text (without fonts, marks are drawn and text is left out). @defaultValue true */
  systemFonts?: boolean;
}

interface ResvgModule {
  Resvg: new (
    svg: string,
    options: ResvgRenderOptions,
  ) => {
    readonly width: number;
    readonly height: number;
    render(): { asPng(): Buffer };
  };
}

let resvg: ResvgModule | null | undefined;

/** The resvg-js module, or null when it (or its platform binary) cannot be loaded. */
function loadResvg(): ResvgModule | null {
  if (resvg === undefined) {
    try {
      resvg = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    } catch {
      resvg = null;
    }
  }
  return resvg;
}

/** True when PNG rendering is available on this host. */
export function pngAvailable(): boolean {
  return loadResvg() !== null;
}

/**
 * Render an SVG (as `renderSvg` writes it) to PNG on a white background, or null when resvg-js is
 * not available here. Same SVG and same fonts ⇒ same bytes.
 * Text uses the SVG's font list where the host has one of those fonts, else DejaVu Sans (Debian and
 * Ubuntu's default), else the first font the host has.
 * @example const out = svgToPng(await renderSvg(spec)); if (out) writeFileSync('chart.png', out.png);
 */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): ChartPng | null {
  const mod = loadResvg();
  if (!mod) return null;
  const scale = options.scale ?? 1.5;
  const renderer = new mod.Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    // A generic family inside a list is not mapped reliably by resvg; the default family is.
    font: {
      loadSystemFonts: options.systemFonts ?? true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    // resvg warns on stderr when a font is missing; a notebook cell is no place for that.
    logLevel: 'off',
  });
  return { png: renderer.render().asPng(), width: renderer.width, height: renderer.height };
}
