/**
 * The report's Content-Security-Policy: inline scripts run only by their sha256 hash, so a script that
 * escaped the escaping would still be refused. Checked on the HTML text and in headless Chromium
 * (the browser.test.ts pattern; skips with the reason when Chromium is absent).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, FIXED_TIME, HOSTILE } from './fixtures.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';

const OUT = resolve('test-output', 'csp');
const hasChromium = chromiumAvailable('CSP browser tests');

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The CSP meta content, and its directives by name. */
function policy(html: string): Record<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const text = content
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

/** The text of every executable inline `<script>` (not the JSON data blocks). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
}

let html = '';
beforeAll(async () => {
  html = await fixtureReport('en').toHtml({ generatedAt: FIXED_TIME });
});

describe('report CSP', () => {
  it("allows exactly the report's own inline scripts and style sheet, by hash, and no unsafe-inline script", () => {
    const csp = policy(html);
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(4); // vega, vega-lite, vega-embed, the client script
    expect(csp['script-src']).toEqual([...scripts.map((s) => `'${sha256(s)}'`), "'unsafe-eval'"]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp['style-src']).toEqual([`'${sha256(style)}'`]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain('unsafe-inline');
  });

  it('a report without charts allows no script at all', async () => {
    const { report } = await import('../../src/report/report.js');
    const plain = await report({ title: 'no charts' })
      .add({ id: 'a', title: 'A', intro: ['text'] })
      .toHtml({ generatedAt: FIXED_TIME });
    expect(policy(plain)['script-src']).toEqual(["'none'"]);
  });
});

describe.skipIf(!hasChromium)('report CSP in headless Chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<{ page: Page; errors: string[] }> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors };
  }

  it('charts render live, tooltips are styled, and nothing violates the policy', async () => {
    const file = resolve(OUT, 'report.html');
    writeFileSync(file, html);
    const { page, errors } = await open(file);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('figure.chart[data-rendered="true"]').length ===
        document.querySelectorAll('figure.chart').length,
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.locator('figure.chart.is-live').count()).toBe(2);
    await page.hover('#chart-by-country .chart-live svg .role-mark path');
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    // The tooltip's look comes from the report's own style sheet (vega-tooltip's <style> would be refused).
    expect(
      await page.$eval('#vg-tooltip-element', (e) => [getComputedStyle(e).position, getComputedStyle(e).visibility]),
    ).toEqual(['fixed', 'visible']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an inline script that escaped the escaping is refused', async () => {
    const file = resolve(OUT, 'injected.html');
    const injected = readFileSync(resolve(OUT, 'report.html'), 'utf8').replace(
      '<main>',
      '<main><script>document.title = "pwned"; window.swbPwned = 1;</script><div id="x" onclick="alert(1)"></div>',
    );
    writeFileSync(file, injected);
    const { page, errors } = await open(file);
    await page.waitForFunction(() => document.querySelectorAll('figure.chart.is-live').length === 2, undefined, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => (window as unknown as { swbPwned?: number }).swbPwned)).toBeUndefined();
    expect(await page.title()).toBe(`Report ${HOSTILE}`);
    expect(errors.some((e) => e.includes('Content Security Policy') && e.includes('script-src'))).toBe(true);
    await page.context().close();
  });
});
