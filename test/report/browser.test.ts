/**
 * The report in a real browser: headless Debian Chromium via playwright-core opens the report from
 * disk with every network request blocked and recorded. Skips (with the reason) when Chromium is absent.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';
import { fixtureReport, HOSTILE, hostilePipelineReport } from './fixtures.js';
import { chromiumAvailable, launchChromium, waitForCharts } from '../helpers/chromium.js';

const OUT = resolve('test-output');
const hasChromium = chromiumAvailable('browser tests');

/** What happened while a report was open. */
interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser | undefined;

async function visit(file: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Visit> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    serviceWorkers: 'block',
  });
  const url = pathToFileURL(file).href;
  const visit: Visit = { page: await context.newPage(), requests: [], errors: [], dialogs: [] };
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  visit.page.on('request', (r) => {
    if (r.url() !== url) visit.requests.push(r.url());
  });
  visit.page.on('console', (m) => {
    if (m.type() === 'error') visit.errors.push(m.text());
  });
  visit.page.on('pageerror', (e) => visit.errors.push(e.message));
  visit.page.on('dialog', (d) => {
    visit.dialogs.push(d.message());
    void d.dismiss();
  });
  await visit.page.goto(url, { waitUntil: 'load' });
  return visit;
}

/** Wait until every chart has a live vega view; return mark counts per chart. */
async function liveMarks(page: Page): Promise<Record<string, number>> {
  await waitForCharts(page);
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('figure.chart')).map((f) => [
        f.id,
        f.querySelectorAll(
          '.chart-live svg .role-mark > *, .chart-live svg .role-mark path, .chart-live svg .role-mark rect',
        ).length,
      ]),
    ),
  );
}

describe.skipIf(!hasChromium)('report in headless Chromium', () => {
  const fixtureFile = resolve(OUT, 'report-fixture.html');
  const pipelineFile = resolve(OUT, 'report-hostile-pipeline.html');
  let demoFile = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    await fixtureReport('nl').save(fixtureFile);
    await (await hostilePipelineReport(resolve(OUT, 'hostile-data'))).save(pipelineFile);
    // Every section, CLV too: `swb report --clv`, built once per run and shared with the CLI test.
    const demo = await demoReport('en-clv');
    if (demo.code !== 0) throw new Error(`swb report --clv failed:\n${demo.stderr}`);
    demoFile = demo.file;
    browser = await launchChromium();
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  it('hostile fixture: no requests, no console errors, no dialog, every chart live with marks', async () => {
    const v = await visit(fixtureFile);
    const marks = await liveMarks(v.page);
    expect(Object.keys(marks)).toEqual(['chart-by-country', 'chart-scatter']);
    for (const n of Object.values(marks)) expect(n).toBeGreaterThan(0);
    // Hover a bar: the tooltip shows the hostile string as text.
    await v.page.hover('#chart-by-country .chart-live svg .role-mark path');
    await v.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    expect(await v.page.textContent('#vg-tooltip-element')).toContain(HOSTILE);
    expect(await v.page.locator('img').count()).toBe(0);
    await v.page.screenshot({ path: resolve(OUT, 'report-fixture.png'), fullPage: true });
    expect(v.dialogs).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    expect(await v.page.getAttribute('html', 'lang')).toBe('nl');
    await v.page.context().close();
  });

  it('real pipeline on hostile data (file name, ids, countries, products, segment names): no dialog, no markup injected', async () => {
    const v = await visit(pipelineFile);
    const marks = await liveMarks(v.page);
    expect(Object.keys(marks).length).toBeGreaterThanOrEqual(3);
    for (const n of Object.values(marks)) expect(n).toBeGreaterThan(0);
    expect(await v.page.textContent('h1')).toBe(`Report on ${HOSTILE}.csv`);
    expect(await v.page.locator('img').count()).toBe(0);
    expect(await v.page.locator('main').textContent()).toContain(`${HOSTILE} Champions`);
    expect(v.dialogs).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    await v.page.context().close();
  });

  it('demo report (bundled Online Retail): no requests, no console errors, every chart live with marks', async () => {
    const v = await visit(demoFile);
    const marks = await liveMarks(v.page);
    expect(Object.keys(marks).length).toBeGreaterThanOrEqual(5);
    for (const n of Object.values(marks)) expect(n).toBeGreaterThan(0);
    await v.page.screenshot({ path: resolve(OUT, 'online-retail.png'), fullPage: true });
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    expect(v.dialogs).toEqual([]);
    await v.page.context().close();
  });

  it('fits a phone width: the page itself does not scroll sideways', async () => {
    const v = await visit(fixtureFile, { width: 390 });
    await liveMarks(v.page);
    const width = await v.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // Charts scale down to the column instead of scrolling, and tooltips still find their marks.
    const chartWidths = await v.page
      .locator('figure.chart .chart-live svg')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    for (const w of chartWidths) expect(w).toBeLessThanOrEqual(390 - 2 * 12);
    await v.page.hover('#chart-by-country .chart-live svg .role-mark path');
    await v.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    await v.page.screenshot({ path: resolve(OUT, 'report-fixture-phone.png'), fullPage: true });
    expect(v.errors).toEqual([]);
    await v.page.context().close();
  });

  it('reads with JavaScript off: static SVG charts are shown', async () => {
    const v = await visit(fixtureFile, { javaScript: false });
    const visible = await v.page
      .locator('figure.chart .chart-static svg')
      .evaluateAll((els) => els.map((e) => (e as SVGElement).getBoundingClientRect().height > 50));
    expect(visible).toEqual([true, true]);
    expect(v.requests).toEqual([]);
    expect(v.dialogs).toEqual([]);
    await v.page.context().close();
  });

  it('prints the static charts, one section per page', async () => {
    const v = await visit(fixtureFile);
    await liveMarks(v.page);
    await v.page.emulateMedia({ media: 'print' });
    const state = await v.page.evaluate(() => ({
      statics: Array.from(document.querySelectorAll('.chart-static')).map((e) => getComputedStyle(e).display),
      lives: Array.from(document.querySelectorAll('.chart-live')).map((e) => getComputedStyle(e).display),
      breaks: Array.from(document.querySelectorAll('section.report-section')).map(
        (e) => getComputedStyle(e).breakBefore,
      ),
    }));
    expect(state.statics).toEqual(['block', 'block']);
    expect(state.lives).toEqual(['none', 'none']);
    expect(new Set(state.breaks)).toEqual(new Set(['page']));
    await v.page.context().close();
  });
});
