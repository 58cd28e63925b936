/**
 * The report with JavaScript off, as a phone (390 px) and a laptop (1400 px) show it in headless Chromium:
 * every chart is its static image, and no chart text is drawn under 10 px — on a phone an image wider than
 * the screen keeps its size and scrolls sideways in its own box (the page itself does not scroll).
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';

const run = chromiumAvailable('the no-JavaScript report test');
let browser: Browser | undefined;

beforeAll(async () => {
  if (run) browser = await launchChromium();
}, DEMO_TIMEOUT);

afterAll(async () => {
  await browser?.close();
});

describe.runIf(run)('the report with JavaScript off', () => {
  it.each([390, 1400])(
    'at %i px: every chart is a static image with text of 10 px or more, and the page does not scroll sideways',
    async (width) => {
      const { file } = await demoReport('nl');
      const context = await (browser as Browser).newContext({
        viewport: { width, height: 900 },
        javaScriptEnabled: false,
      });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const seen = await page.evaluate(() => {
          const charts = Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
            const svg = figure.querySelector<SVGSVGElement>('.chart-static svg');
            const drawn = svg ? parseFloat(svg.getAttribute('width') ?? '0') : 0;
            const scale = svg && drawn > 0 ? svg.getBoundingClientRect().width / drawn : 0;
            const sizes = Array.from(svg?.querySelectorAll('text') ?? [])
              .filter((t) => (t.textContent ?? '').trim() !== '')
              .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
            return { id: figure.id, minText: sizes.length ? Math.min(...sizes) : Infinity };
          });
          return { charts, pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth };
        });
        expect(seen.charts.length).toBeGreaterThan(10);
        expect(
          seen.charts.filter((c) => !(c.minText >= 9.99)).map((c) => `${c.id}: ${c.minText.toFixed(1)} px`),
        ).toEqual([]);
        expect(seen.pageScrolls).toBe(false);
      } finally {
        await context.close();
      }
    },
    DEMO_TIMEOUT,
  );
});
