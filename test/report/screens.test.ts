/**
 * The demo report (with CLV) on a phone (390 px) and a laptop (1400 px) in headless Chromium: chart text
 * is never drawn under 10 px (font size × how much the SVG is scaled on screen), and every table or
 * chart wider than its column shows the written scroll cue. Screenshots go to test-output/ to look at.
 * Skips (with the reason) when Chromium is absent.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = resolve('test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping screen-size tests: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** What one screen width shows. */
interface Screen {
  /** Width of the page's content (wider than the viewport = the page scrolls sideways). */
  pageWidth: number;
  /** Per live chart: its id and the smallest text on screen, in CSS px. */
  charts: Array<{ id: string; minText: number; texts: number }>;
  /** Per scrolling block (table or chart): what it is, whether it overflows, whether its cue is shown. */
  blocks: Array<{ name: string; overflows: boolean; cue: boolean }>;
}

let browser: Browser | undefined;
let demoFile = '';

async function look(width: number): Promise<Screen> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(demoFile).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const figures = document.querySelectorAll('figure.chart');
        return figures.length > 0 && document.querySelectorAll('figure.chart[data-rendered="true"]').length === figures.length;
      },
      undefined,
      { timeout: 60_000 },
    );
    await page.screenshot({ path: resolve(OUT, `online-retail-clv-${width}.png`), fullPage: true });
    return await page.evaluate(() => {
      const charts = Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
        const svg = figure.querySelector<SVGSVGElement>('.chart-live svg');
        const box = svg?.viewBox.baseVal;
        const scale = svg && box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
        const sizes = Array.from(svg?.querySelectorAll('text') ?? [])
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return { id: figure.id, minText: Math.min(...sizes), texts: sizes.length };
      });
      const blocks = Array.from(document.querySelectorAll<HTMLElement>('.scroll-x')).map((el) => {
        const cue = el.nextElementSibling;
        return {
          name: el.querySelector('caption')?.textContent ?? el.closest('figure')?.id ?? '?',
          overflows: el.scrollWidth > el.clientWidth,
          cue: cue !== null && cue.classList.contains('scroll-hint') && cue.getBoundingClientRect().height > 0,
        };
      });
      return { pageWidth: document.documentElement.scrollWidth, charts, blocks };
    });
  } finally {
    await context.close();
  }
}

describe.skipIf(!hasChromium)('the report on a phone and a laptop', () => {
  const screens = new Map<number, Screen>();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const demo = await demoReport('en-clv');
    if (demo.code !== 0) throw new Error(`swb report --clv failed:\n${demo.stderr}`);
    demoFile = demo.file;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    for (const width of [390, 1400]) screens.set(width, await look(width));
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([390, 1400])('at %i px every chart is live and no chart text is under 10 px on screen', (width) => {
    const screen = screens.get(width);
    expect(screen?.pageWidth).toBeLessThanOrEqual(width);
    expect(screen?.charts.length).toBeGreaterThanOrEqual(15);
    for (const chart of screen?.charts ?? []) {
      expect(chart.texts, chart.id).toBeGreaterThan(0);
      expect(chart.minText, chart.id).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([390, 1400])('at %i px every table or chart wider than its column shows the scroll cue, and only those', (width) => {
    const blocks = screens.get(width)?.blocks ?? [];
    expect(blocks.length).toBeGreaterThanOrEqual(25);
    for (const block of blocks) expect(block.cue, block.name).toBe(block.overflows);
  });

  it('on a phone most charts are redrawn to the width; only those with written-in cells scroll', () => {
    const phone = screens.get(390)?.blocks.filter((b) => b.overflows && b.name.startsWith('chart-')).map((b) => b.name);
    expect(phone).toEqual(['chart-rfm-heatmap', 'chart-cohorts-retention', 'chart-cohorts-revenue-retention', 'chart-clusters-profiles']);
  });

  it('on a laptop the cohort table fits: no table scrolls at 1400 px', () => {
    const wide = screens.get(1400)?.blocks.filter((b) => b.overflows).map((b) => b.name);
    expect(wide).toEqual([]);
  });
});
