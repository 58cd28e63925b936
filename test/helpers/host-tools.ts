/**
 * Host programs some tests drive (Jupyter's nbconvert, Chromium, Python with nbclient): a test that needs
 * one the host lacks skips with a printed reason, as the real-data tests do, unless SWB_REQUIRE_SHARED_DATA
 * is set (.ci/run sets it and installs them), where a missing one fails the run instead of hiding a skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, the browser the tests drive. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why `jupyter nbconvert` cannot run here, or undefined when it can. */
export function nbconvertMissing(): string | undefined {
  try {
    execFileSync('jupyter', ['nbconvert', '--version'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return '`jupyter nbconvert` is not installed (apt-get install -y jupyter-nbconvert)';
  }
}

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (apt-get install -y chromium)`;
}

/**
 * True when `what` must be skipped: prints the first reason given. Under SWB_REQUIRE_SHARED_DATA (CI) a
 * reason throws, so CI never passes by skipping.
 * @example const skip = skipWithout('browser tests', chromiumMissing());
 */
export function skipWithout(what: string, ...missing: ReadonlyArray<string | undefined>): boolean {
  const reason = missing.find((m) => m !== undefined);
  if (reason === undefined) return false;
  if (process.env['SWB_REQUIRE_SHARED_DATA'])
    throw new Error(`cannot run ${what}: ${reason} (SWB_REQUIRE_SHARED_DATA is set)`);
  console.warn(`skipping ${what}: ${reason}`);
  return true;
}
