import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { revenueOverTime } from '../../src/analyses/overview/charts.js';
import { renderSvg } from '../../src/charts/render.js';
import { svgToPng } from '../../src/notebook/png.js';
import { displayOutputs } from '../../src/notebook/show.js';
import { pngStats } from './png-pixels.js';
import { launchChromium } from '../helpers/chromium.js';
import { chromiumMissing, nbconvertMissing, skipWithout } from '../helpers/host-tools.js';

// The last test converts with the host's Jupyter and opens the HTML in Chromium: without them it skips, saying why.
const noNbconvert = skipWithout('the nbconvert PNG test', nbconvertMissing(), chromiumMissing());

const rows = [1, 2, 3, 4].map((m) => ({
  start: new Date(Date.UTC(2011, m, 1)),
  customers: 10,
  newCustomers: 5,
  orders: 20,
  netRevenue: 1000 * m,
  returned: 0,
}));
const revenue = revenueOverTime(
  { rows, lastIsPartial: false, options: { period: 'month' }, warnings: [] },
  { locale: 'nl' },
);
const scatter: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: 'Points',
  data: {
    values: [
      { x: 1, y: 2 },
      { x: 2, y: 1 },
      { x: 3, y: 3 },
    ],
  },
  mark: { type: 'point', filled: true, size: 120 },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('chart PNGs', () => {
  it('draw the SVG at 1.5 times its size on white, with text, and the same bytes every time', async () => {
    const svg = await renderSvg(revenue, { locale: 'nl' });
    const [, w, h] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    const a = svgToPng(svg);
    expect(a).not.toBeNull();
    expect([a?.width, a?.height]).toEqual([Number(w), Number(h)]);
    const stats = pngStats(a?.png ?? Buffer.alloc(0));
    expect([stats.width, stats.height]).toEqual([Math.round(1.5 * Number(w)), Math.round(1.5 * Number(h))]);
    expect(stats.lumaStdDev).toBeGreaterThan(20);
    expect(svgToPng(svg)?.png.equals(a?.png ?? Buffer.alloc(0))).toBe(true);
  });

  it('are not blank without any font: the marks are still drawn', async () => {
    const svg = await renderSvg(revenue);
    const withFonts = pngStats(svgToPng(svg)?.png ?? Buffer.alloc(0));
    const noFonts = pngStats(svgToPng(svg, { systemFonts: false })?.png ?? Buffer.alloc(0));
    expect(noFonts.lumaStdDev).toBeGreaterThan(20);
    // Text is dark: the system fonts (when the host has any) add dark pixels.
    expect(withFonts.darkPixels).toBeGreaterThanOrEqual(noFonts.darkPixels);
  });

  it.skipIf(noNbconvert)('show as non-blank images in Debian nbconvert HTML opened in Chromium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-png-'));
    dirs.push(dir);
    const outputs = [...(await displayOutputs(revenue, { locale: 'nl' })), ...(await displayOutputs(scatter))];
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: outputs.map((o, i) => ({
        cell_type: 'code',
        id: `c${i}`,
        execution_count: i + 1,
        metadata: {},
        source: 'await show(chart);',
        outputs: [{ output_type: 'display_data', data: o.data, metadata: o.metadata ?? {} }],
      })),
    };
    writeFileSync(join(dir, 'charts.ipynb'), JSON.stringify(nb));
    execFileSync('jupyter', ['nbconvert', '--to', 'html', '--log-level', 'ERROR', join(dir, 'charts.ipynb')], {
      stdio: 'pipe',
    });
    const html = readFileSync(join(dir, 'charts.html'), 'utf8');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Every output image: natural size, and the luminance spread of its pixels drawn on a canvas.
      const images = await page.$$eval('.jp-OutputArea-output img, .output_png img, img', (imgs) =>
        imgs.map((img) => {
          const el = img as HTMLImageElement;
          const canvas = document.createElement('canvas');
          canvas.width = el.naturalWidth;
          canvas.height = el.naturalHeight;
          const ctx = canvas.getContext('2d');
          if (!ctx || el.naturalWidth === 0) return { w: 0, h: 0, sd: 0, shown: el.getBoundingClientRect().width };
          ctx.drawImage(el, 0, 0);
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let sum = 0;
          let sq = 0;
          for (let i = 0; i < px.length; i += 4) {
            const l = 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
            sum += l;
            sq += l * l;
          }
          const n = px.length / 4;
          return {
            w: el.naturalWidth,
            h: el.naturalHeight,
            sd: Math.sqrt(sq / n - (sum / n) ** 2),
            shown: el.getBoundingClientRect().width,
          };
        }),
      );
      expect(images).toHaveLength(2);
      for (const [i, img] of images.entries()) {
        const meta = outputs[i]?.metadata?.['image/png'] as { width: number };
        expect(img.w).toBe(Math.round(1.5 * meta.width));
        expect(img.shown).toBe(meta.width);
        expect(img.sd).toBeGreaterThan(5);
      }
    } finally {
      await browser.close();
    }
  });
});
