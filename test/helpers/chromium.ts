/** Debian's Chromium for browser tests: where it is, how it is started, and the wait for live charts. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The Chromium the tests drive (Debian package `chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** True when Chromium is installed; otherwise prints why `what` is skipped. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`skipping ${what}: ${CHROMIUM} not found (apt-get install -y chromium)`);
  return false;
}

/** Headless, no sandbox, and none of the background requests this closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Wait until every chart figure of a report has its live vega view. */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const figures = document.querySelectorAll('figure.chart');
      return figures.length > 0 && document.querySelectorAll('figure.chart[data-rendered="true"]').length === figures.length;
    },
    undefined,
    { timeout: 60_000 },
  );
}
