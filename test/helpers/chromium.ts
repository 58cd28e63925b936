/** Debian's Chromium for browser tests: where it is, how it is started, and the wait for live charts. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, chromiumMissing, skipWithout } from './host-tools.js';

export { CHROMIUM };

/** True when Chromium is installed; otherwise prints why `what` is skipped (and fails under SWB_REQUIRE_SHARED_DATA, as in CI). */
export function chromiumAvailable(what: string): boolean {
  return !skipWithout(what, chromiumMissing());
}

/** Headless, no sandbox, and none of the background requests this closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Wait until every chart figure of a report has its live vega view. */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const figures = document.querySelectorAll('figure.chart');
      return (
        figures.length > 0 && document.querySelectorAll('figure.chart[data-rendered="true"]').length === figures.length
      );
    },
    undefined,
    { timeout: 60_000 },
  );
}
