/**
 * The reports on a phone (390 px) and a laptop (1400 px) in headless Chromium: the bundled data in English
 * with CLV and in Dutch, CDNOW master in English (when the shared data is here) and a generated sample
 * with a customers file. Chart text is never drawn under 10 px (font size × how much the SVG is scaled on
 * screen), every table or chart wider than its column shows the written scroll cue (and only those), and
 * the page itself never scrolls sideways. Axis labels never run together, counts fit their heatmap cells,
 * suppressed RFM cells say "< 10", every sub-segment panel has visible bars, summary cards wrap between
 * words (file names after `_ - . /`), and no chart writes an ISO date.
 * Screenshots go to test-output/<report>-<width>.png to look at.
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
  /** Shown axis tick labels less than 3 px from a neighbour (angled labels left out): `chart: a / b`. */
  crowded: string[];
  /** Text in the RFM grid or migration heatmap wider than the narrowest cell: `chart: text (width > cell)`. */
  cramped: string[];
  /** RFM grid: cells drawn striped (the layer under the colours) and labels reading "< 10". */
  suppressed: { striped: number; labels: number };
  /**
   * Summary-card values with a line that ends mid-word: not after a space, `_ - . /`, in a checksum, or in a
   * part of a file name (between separators) wider than its card (the demo sample's name has a 16-digit hash).
   */
  midWord: string[];
  /** Per sub-segment chart panel: its widest bar in px, and how much of the plot width its bars and whiskers span. */
  panels: Array<{ id: string; widest: number; spread: number }>;
  /** ISO dates (2011-06-09) written in any live chart: `chart: date`. */
  isoDates: string[];
}

/**
 * The reports looked at: the name of their screenshots, and how many live charts and scrolling blocks
 * (tables and charts) they hold, so a section that goes missing is noticed (CDNOW has no CLV, the sample
 * adds six sub-segment charts and their tables).
 */
const REPORTS: Array<{ kind: DemoReport; shot: string; charts: number; blocks: number }> = [
  { kind: 'en-clv', shot: 'online-retail-clv', charts: 21, blocks: 37 },
  { kind: 'nl', shot: 'online-retail-nl', charts: 15, blocks: 28 },
  ...(available(CDNOW_MASTER, 'the CDNOW screen-size tests')
    ? [{ kind: 'en-cdnow' as const, shot: 'cdnow', charts: 14, blocks: 25 }]
    : []),
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
      const crowded: string[] = [];
      for (const group of Array.from(document.querySelectorAll('figure.chart .chart-live svg g.role-axis-label'))) {
        const id = group.closest('figure')?.id ?? '?';
        const boxes = Array.from(group.querySelectorAll('text'))
          .filter(
            (t) =>
              (t.textContent ?? '').trim() !== '' &&
              t.getAttribute('opacity') !== '0' &&
              !/rotate/.test(t.getAttribute('transform') ?? ''),
          )
          .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            const near =
              a.box.right > b.box.left - 3 &&
              b.box.right > a.box.left - 3 &&
              a.box.bottom > b.box.top + 1 &&
              b.box.bottom > a.box.top + 1;
            if (near) crowded.push(`${id}: ${a.text} / ${b.text}`);
          }),
        );
      }
      const cramped: string[] = [];
      for (const svg of Array.from(
        document.querySelectorAll<SVGSVGElement>(
          '#chart-rfm-heatmap .chart-live svg, #chart-segments-migration .chart-live svg',
        ),
      )) {
        const id = svg.closest('figure')?.id ?? '?';
        const cell = Math.min(
          ...Array.from(svg.querySelectorAll<SVGGraphicsElement>('g.mark-rect.role-mark path')).map(
            (r) => r.getBBox().width,
          ),
        );
        for (const t of Array.from(svg.querySelectorAll<SVGTextElement>('g.mark-text.role-mark text'))) {
          const width = t.getBBox().width;
          if (width > cell) cramped.push(`${id}: ${t.textContent ?? ''} (${width.toFixed(1)} > ${cell.toFixed(1)})`);
        }
      }
      const grid = document.querySelector('#chart-rfm-heatmap .chart-live svg');
      const suppressed = {
        striped: grid?.querySelectorAll('g.layer_0_marks path').length ?? 0,
        labels: Array.from(grid?.querySelectorAll('text') ?? []).filter((t) => t.textContent === '< 10').length,
      };
      const midWord: string[] = [];
      for (const dd of Array.from(document.querySelectorAll('dl.facts dd'))) {
        const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
        let prev: { char: string; top: number; hash: boolean } | undefined;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const hash = node.parentElement?.closest('.hash') != null;
          const file = node.parentElement?.closest('.file') != null;
          const text = node;
          /** Width in px of the file-name part (between separators) around character i. */
          const partWidth = (i: number): number => {
            const from = Math.max(...['_', '-', '.', '/'].map((c) => text.data.lastIndexOf(c, i - 1))) + 1;
            const to = Math.min(
              ...['_', '-', '.', '/'].map((c) => (text.data.indexOf(c, i) + 1 || text.data.length + 1) - 1),
            );
            let width = 0;
            for (let j = from; j < to; j++) {
              const r = document.createRange();
              r.setStart(text, j);
              r.setEnd(text, j + 1);
              width += r.getClientRects()[0]?.width ?? 0;
            }
            return width;
          };
          for (let i = 0; i < node.data.length; i++) {
            const char = node.data[i] ?? '';
            // white space at a line end may collapse to nothing: remember it was there
            if (/\s/.test(char)) {
              if (prev) prev = { ...prev, char: ' ' };
              continue;
            }
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            const allowed =
              /[\s_./\-–]/.test(prev?.char ?? ' ') || (hash && prev?.hash) || (file && partWidth(i) > dd.clientWidth);
            if (prev && rect.top > prev.top + 2 && !allowed)
              midWord.push(`${dd.textContent ?? ''}: ${prev.char}|${char}`);
            prev = { char, top: rect.top, hash };
          }
        }
      }
      const panels = Array.from(
        document.querySelectorAll('figure[id^="chart-segments-sub-"] .chart-live svg g.role-scope[class*="concat_"]'),
      ).map((scope, i) => {
        const bars = Array.from(scope.querySelectorAll('g[class*="layer_0_marks"] path')).map((p) =>
          p.getBoundingClientRect(),
        );
        const marks = [
          ...bars,
          ...Array.from(scope.querySelectorAll('g[class*="layer_1_marks"] line')).map((l) => l.getBoundingClientRect()),
        ];
        const axis = Array.from(scope.querySelectorAll('g.role-axis-domain line'))
          .map((l) => l.getBoundingClientRect())
          .find((r) => r.width > r.height);
        const extent = Math.max(...marks.map((r) => r.right)) - Math.min(...marks.map((r) => r.left));
        return {
          id: `${scope.closest('figure')?.id ?? '?'}#${i}`,
          widest: Math.max(0, ...bars.map((r) => r.width)),
          spread: axis ? extent / axis.width : 0,
        };
      });
      const isoDates = Array.from(document.querySelectorAll('figure.chart .chart-live svg')).flatMap((svg) =>
        Array.from(
          (svg.textContent ?? '').matchAll(/\b\d{4}-\d{2}-\d{2}\b/g),
          (m) => `${svg.closest('figure')?.id ?? '?'}: ${m[0]}`,
        ),
      );
      return {
        pageWidth: document.documentElement.scrollWidth,
        charts,
        blocks,
        crowded,
        cramped,
        suppressed,
        midWord,
        panels,
        isoDates,
      };
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
    for (const { kind, run } of built)
      if (run.code !== 0) throw new Error(`swb report ${run.args.join(' ')} (${kind}) failed:\n${run.stderr}`);
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

  it.each(cases)(
    '$kind at $width px: the page does not scroll sideways, all $charts charts are live and no chart text is under 10 px',
    ({ kind, width, charts: count }) => {
      const { pageWidth, charts } = screen(kind, width);
      expect(pageWidth).toBeLessThanOrEqual(width);
      expect(charts.length).toBeGreaterThanOrEqual(count);
      for (const chart of charts) {
        expect(chart.texts, chart.id).toBeGreaterThan(0);
        expect(chart.minText, chart.id).toBeGreaterThanOrEqual(10);
      }
    },
  );

  it.each(cases)(
    '$kind at $width px: every table or chart wider than its column shows the scroll cue, and only those',
    ({ kind, width, blocks: count }) => {
      const { blocks } = screen(kind, width);
      expect(blocks.length).toBeGreaterThanOrEqual(count);
      for (const block of blocks) expect(block.cue, block.name).toBe(block.overflows);
    },
  );

  it.each(cases)(
    '$kind at $width px: axis labels keep apart, counts fit their cells, card values wrap between words, no ISO dates in charts',
    ({ kind, width }) => {
      const { crowded, cramped, midWord, isoDates } = screen(kind, width);
      expect(crowded).toEqual([]);
      expect(cramped).toEqual([]);
      expect(midWord).toEqual([]);
      expect(isoDates).toEqual([]);
    },
  );

  it.each(WIDTHS)(
    'the sample at %i px: suppressed RFM cells are striped and read "< 10"; every sub-segment chart has bars to see on its one scale',
    (width) => {
      const { suppressed, panels } = screen('en-sample', width);
      // 2,000 customers over 25 cells: 5 cells (R5 F2-3, R2 F5, R1 F3-4) hold 1-9 customers
      expect(suppressed).toEqual({ striped: 5, labels: 5 });
      // 6 sub-segment charts × 3 value tiers, the panels of a chart on one scale (own scales drew a −£8.60 bar as long
      // as a −£62.94 one, #30): in each chart the panel with the largest differences fills most of the width, and the
      // others are drawn to that scale, short when their differences are small
      expect(panels).toHaveLength(18);
      const charts = new Map<string, typeof panels>();
      for (const panel of panels)
        charts.set(panel.id.split('#')[0] ?? '', [...(charts.get(panel.id.split('#')[0] ?? '') ?? []), panel]);
      expect(charts.size).toBe(6);
      for (const [id, list] of charts) {
        expect(Math.max(...list.map((p) => p.spread)), id).toBeGreaterThanOrEqual(0.6);
        expect(Math.max(...list.map((p) => p.widest)), id).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('on a phone most charts are redrawn to the width; only those with written-in cells scroll', () => {
    const phone = screen('en-clv', 390)
      .blocks.filter((b) => b.overflows && b.name.startsWith('chart-'))
      .map((b) => b.name);
    expect(phone).toEqual([
      'chart-rfm-heatmap',
      'chart-cohorts-retention',
      'chart-cohorts-revenue-retention',
      'chart-clusters-profiles',
      'chart-segments-migration',
    ]);
  });

  it.each(REPORTS.map(({ kind }) => kind))(
    'on a laptop the %s report fits: no table or chart scrolls at 1400 px',
    (kind) => {
      const wide = screen(kind, 1400)
        .blocks.filter((b) => b.overflows)
        .map((b) => b.name);
      expect(wide).toEqual([]);
    },
  );
});
