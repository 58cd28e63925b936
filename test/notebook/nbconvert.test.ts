/**
 * Every committed notebook, converted by the host's `jupyter nbconvert --to html` (Debian's strips
 * SVG, so only the PNG beside each Vega-Lite spec can show the chart) and opened in headless
 * Chromium: one image per chart, in order, the notebook's own PNG, decoded by the browser at the
 * PNG's size, shown at the chart's CSS size, and not blank.
 * Skips with a printed reason when `jupyter` or Chromium is missing, unless SWB_REQUIRE_SHARED_DATA is set (CI).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VEGALITE_MIME } from '../../src/notebook/show.js';
import { launchChromium } from '../helpers/chromium.js';
import { chromiumMissing, nbconvertMissing, skipWithout } from '../helpers/host-tools.js';

const NOTEBOOKS = 'notebooks';

const files = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

const missing = skipWithout('nbconvert HTML test', nbconvertMissing(), chromiumMissing());

/** One chart output of a notebook: its PNG (base64) and the CSS size it is to be shown at. */
interface ChartPng {
  base64: string;
  pixelWidth: number;
  pixelHeight: number;
  cssWidth: number | undefined;
}
type Output = { data?: Record<string, unknown>; metadata?: Record<string, unknown> };
type Cell = { cell_type: string; outputs?: Output[] };

/** The chart outputs (those carrying the Vega-Lite MIME `show()` writes) of a notebook, in order. */
function chartPngs(file: string): ChartPng[] {
  const nb = JSON.parse(readFileSync(join(NOTEBOOKS, file), 'utf8')) as { cells: Cell[] };
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data?.[VEGALITE_MIME] !== undefined)
    .map((o) => {
      const raw = o.data?.['image/png'];
      const base64 = (Array.isArray(raw) ? raw.join('') : String(raw ?? '')).replace(/\s/g, '');
      const png = Buffer.from(base64, 'base64');
      const meta = o.metadata?.['image/png'] as { width?: number } | undefined;
      // IHDR: width and height at bytes 16 and 20 (0 when the output holds no PNG).
      return {
        base64,
        pixelWidth: png.length > 24 ? png.readUInt32BE(16) : 0,
        pixelHeight: png.length > 24 ? png.readUInt32BE(20) : 0,
        cssWidth: meta?.width,
      };
    });
}

/** What Chromium shows for one <img>: decoded size, laid-out width, luminance spread and its data URL's base64. */
interface ShownImage {
  w: number;
  h: number;
  shown: number;
  sd: number;
  base64: string;
}

describe.skipIf(missing)('notebooks converted by `jupyter nbconvert --to html`, in Chromium', () => {
  let dir = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'swb-nbconvert-'));
    // One nbconvert process for all notebooks (Python starts once: ~2 s in all), the browser meanwhile.
    const [, b] = await Promise.all([
      promisify(execFile)('jupyter', [
        'nbconvert',
        '--to',
        'html',
        '--log-level',
        'ERROR',
        '--output-dir',
        dir,
        ...files.map((f) => join(NOTEBOOKS, f)),
      ]),
      launchChromium(),
    ]);
    browser = b;
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers every committed notebook', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s shows every chart as a non-blank image', async (file) => {
    const charts = chartPngs(file);
    expect(charts.length, `${file}: chart outputs`).toBeGreaterThan(0);
    for (const [i, c] of charts.entries())
      expect(c.pixelWidth, `${file}: chart ${i + 1} carries image/png`).toBeGreaterThan(0);

    const html = readFileSync(join(dir, file.replace(/\.ipynb$/, '.html')), 'utf8');
    // A desktop-wide window: narrower ones scale wide charts down to fit (nbconvert's max-width: 100%).
    const page = await (browser as Browser).newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      // The page is self-contained: no request may leave the machine (MathJax/require.js are file:// on Debian).
      await page.route(/^https?:/, (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const images: ShownImage[] = await page.$$eval('img', (imgs) =>
        imgs.map((img) => {
          const el = img as HTMLImageElement;
          const src = el.getAttribute('src') ?? '';
          const base64 = src.startsWith('data:image/png;base64,')
            ? src.slice('data:image/png;base64,'.length).replace(/\s/g, '')
            : '';
          const shown = el.getBoundingClientRect().width;
          if (el.naturalWidth === 0) return { w: 0, h: 0, shown, sd: 0, base64 };
          const canvas = document.createElement('canvas');
          canvas.width = el.naturalWidth;
          canvas.height = el.naturalHeight;
          const ctx = canvas.getContext('2d');
          if (!ctx) return { w: el.naturalWidth, h: el.naturalHeight, shown, sd: 0, base64 };
          ctx.drawImage(el, 0, 0);
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let sum = 0;
          let sq = 0;
          for (let i = 0; i < px.length; i += 4) {
            const l = 0.299 * (px[i] ?? 0) + 0.587 * (px[i + 1] ?? 0) + 0.114 * (px[i + 2] ?? 0);
            sum += l;
            sq += l * l;
          }
          const n = px.length / 4;
          return {
            w: el.naturalWidth,
            h: el.naturalHeight,
            shown,
            sd: Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2)),
            base64,
          };
        }),
      );
      console.log(
        `${file}: ${charts.length} chart outputs, ${images.length} <img>, luminance SD ${images.map((m) => m.sd.toFixed(0)).join('/')}`,
      );

      expect(images.length, `${file}: one <img> per chart output`).toBe(charts.length);
      for (const [i, img] of images.entries()) {
        const chart = charts[i] as ChartPng;
        const at = `${file}: chart ${i + 1} of ${charts.length}`;
        // The notebook's own PNG, in notebook order, decoded by Chromium at the PNG's size.
        expect(img.base64 === chart.base64, `${at}: <img> holds the notebook's PNG`).toBe(true);
        expect(img.w, `${at}: naturalWidth`).toBeGreaterThan(0);
        expect([img.w, img.h], `${at}: decoded size`).toEqual([chart.pixelWidth, chart.pixelHeight]);
        // Shown at the chart's CSS width (the bitmap holds 1.5× the pixels), not blown up.
        if (chart.cssWidth !== undefined) expect(img.shown, `${at}: displayed width`).toBe(chart.cssWidth);
        // A blank (one-colour) image has SD 0; a chart's white ground with marks and text is well above 5.
        expect(img.sd, `${at}: luminance SD`).toBeGreaterThan(5);
      }
    } finally {
      await page.close();
    }
  });
});
