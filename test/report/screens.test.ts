/**
 * The reports on a phone (390 px) and a laptop (1400 px) in headless Chromium: the bundled data in English
 * with CLV and in Dutch, CDNOW master in English (when the shared data is here) and a generated sample
 * with a customers file. Chart text is never drawn under 10 px (font size × how much the SVG is scaled on
 * screen), every table or chart wider than its column shows the written scroll cue (and only those), and
 * the page itself never scrolls sideways. Screenshots go to test-output/<report>-<width>.png to look at.
 * Skips (with the reason) when Chromium is absent.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, CDNOW_MASTER } from '../helpers/data.js';
import { DEMO_TIMEOUT, demoReport, type DemoReport } from '../helpers/demo-reports.js';
import { chromiumAvailable, launchChromium, waitForCharts } from '../helpers/chromium.js';

const OUT = resolve('test-output');
const hasChromium = chromiumAvailable('screen-size tests');

/** What one screen width shows. */
interface Screen {
  /** Width of the page's content (wider than the viewport = the page scrolls sideways). */
  pageWidth: number;
  /** Per live chart: its id and the smallest text on screen, in CSS px. */
  charts: Array<{ id: string; minText: number; texts: number }>;
  /** Per scrolling block (table or chart): what it is, whether it overflows, whether its cue is shown. */
  blocks: Array<{ name: string; overflows: boolean; cue: boolean }>;
}

/**
 * The reports looked at: the name of their screenshots, and how many live charts and scrolling blocks
 * (tables and charts) they hold, so a section that goes missing is noticed (CDNOW has no CLV, the sample
 * adds six sub-segment charts and their tables).
 */
const REPORTS: Array<{ kind: DemoReport; shot: string; charts: number; blocks: number }> = [
  { kind: 'en-clv', shot: 'online-retail-clv', charts: 19, blocks: 35 },
  { kind: 'nl', shot: 'online-retail-nl', charts: 15, blocks: 28 },
  ...(available(CDNOW_MASTER, 'the CDNOW screen-size tests') ? [{ kind: 'en-cdnow' as const, shot: 'cdnow', charts: 14, blocks: 25 }] : []),
  { kind: 'en-sample', shot: 'sample-customers', charts: 20, blocks: 38 },
];
const WIDTHS = [390, 1400];

let browser: Browser | undefined;

async function look(file: string, shot: string, width: number): Promise<Screen> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await waitForCharts(page);
    await page.screenshot({ path: resolve(OUT, `${shot}-${width}.png`), fullPage: true });
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

describe.skipIf(!hasChromium)('the reports on a phone and a laptop', () => {
  /** Screens by report kind, then width. */
  const screens = new Map<DemoReport, Map<number, Screen>>();
  const screen = (kind: DemoReport, width: number): Screen => {
    const found = screens.get(kind)?.get(width);
    if (!found) throw new Error(`${kind} at ${width} px was not looked at`);
    return found;
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // Build (or reuse) every report while the browser starts; the CLI runs are what take time.
    const [built] = await Promise.all([
      Promise.all(REPORTS.map(async ({ kind }) => ({ kind, run: await demoReport(kind) }))),
      launchChromium().then((b) => (browser = b)),
    ]);
    for (const { kind, run } of built) if (run.code !== 0) throw new Error(`swb report ${run.args.join(' ')} (${kind}) failed:\n${run.stderr}`);
    for (const [i, { kind, shot }] of REPORTS.entries()) {
      const file = built[i]?.run.file ?? '';
      const byWidth = new Map<number, Screen>();
      for (const width of WIDTHS) byWidth.set(width, await look(file, shot, width));
      screens.set(kind, byWidth);
    }
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  const cases = REPORTS.flatMap((report) => WIDTHS.map((width) => ({ ...report, width })));

  it.each(cases)('$kind at $width px: the page does not scroll sideways, all $charts charts are live and no chart text is under 10 px', ({ kind, width, charts: count }) => {
    const { pageWidth, charts } = screen(kind, width);
    expect(pageWidth).toBeLessThanOrEqual(width);
    expect(charts.length).toBeGreaterThanOrEqual(count);
    for (const chart of charts) {
      expect(chart.texts, chart.id).toBeGreaterThan(0);
      expect(chart.minText, chart.id).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(cases)('$kind at $width px: every table or chart wider than its column shows the scroll cue, and only those', ({ kind, width, blocks: count }) => {
    const { blocks } = screen(kind, width);
    expect(blocks.length).toBeGreaterThanOrEqual(count);
    for (const block of blocks) expect(block.cue, block.name).toBe(block.overflows);
  });

  it('on a phone most charts are redrawn to the width; only those with written-in cells scroll', () => {
    const phone = screen('en-clv', 390).blocks.filter((b) => b.overflows && b.name.startsWith('chart-')).map((b) => b.name);
    expect(phone).toEqual(['chart-rfm-heatmap', 'chart-cohorts-retention', 'chart-cohorts-revenue-retention', 'chart-clusters-profiles']);
  });

  it.each(REPORTS.map(({ kind }) => kind))('on a laptop the %s report fits: no table or chart scrolls at 1400 px', (kind) => {
    const wide = screen(kind, 1400).blocks.filter((b) => b.overflows).map((b) => b.name);
    expect(wide).toEqual([]);
  });
});
