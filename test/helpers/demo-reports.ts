/**
 * The demo reports (bundled Online Retail through `swb report`, SOURCE_DATE_EPOCH fixed; also CDNOW
 * master and a generated sample with a customers file), built once and shared by every test file that
 * reads them: the CLI tests, the browser tests and the golden text tests used to build the same 1.8 MB
 * report four times per run.
 *
 * A report is cached under `test-output/demo-reports/` keyed by a hash of everything it is made from:
 * the CLI arguments, the built JavaScript next to {@link CLI}, package.json, package-lock.json, the data
 * files and the Node version. Test files run in parallel processes, so the first to ask builds while the
 * others wait on a lock directory; an unchanged build reuses the cached report on the next run too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, EPOCH, requireCli, runCli, type CliRun } from './cli.js';
import { CDNOW_MASTER, ONLINE_RETAIL, ROOT } from './data.js';

/**
 * The demo reports the tests share: bundled Online Retail in English, Dutch, and English with the CLV
 * section; CDNOW master (shared data: check {@link CDNOW_MASTER} with `available()` first) in English and
 * Dutch; a generated sample with its customers file (`swb sample --customers 2000 --seed 1`) in English.
 */
export type DemoReport = 'en' | 'nl' | 'en-clv' | 'en-cdnow' | 'nl-cdnow' | 'en-sample';

/** Stands for the generated sample's path (without `.csv`) in {@link Recipe} arguments. */
const SAMPLE = '<sample>';

/** How a demo report is made: `swb sample` arguments when it needs one, `swb report` arguments, input files. */
interface Recipe {
  sample?: readonly string[];
  report: readonly string[];
  data: readonly string[];
}

const RECIPES: Record<DemoReport, Recipe> = {
  en: { report: [], data: [ONLINE_RETAIL] },
  nl: { report: ['--locale', 'nl'], data: [ONLINE_RETAIL] },
  'en-clv': { report: ['--clv'], data: [ONLINE_RETAIL] },
  'en-cdnow': { report: [CDNOW_MASTER, '--preset', 'cdnow'], data: [CDNOW_MASTER] },
  'nl-cdnow': { report: [CDNOW_MASTER, '--preset', 'cdnow', '--locale', 'nl'], data: [CDNOW_MASTER] },
  'en-sample': {
    sample: ['--customers', '2000', '--seed', '1'],
    report: [`${SAMPLE}.csv`, '--customers', `${SAMPLE}-customers.csv`],
    data: [],
  },
};

/** Where the cached reports live. */
export const DEMO_DIR = join(ROOT, 'test-output', 'demo-reports');

/** A built demo report: its file and the CLI run that made it (stdout is the file's path). */
export interface BuiltReport extends CliRun {
  /** The report's path (a file shared by all tests: read it, do not change it). */
  file: string;
  /** The arguments `swb report` was given, before `--out`. */
  args: readonly string[];
}

const WAIT_MS = 15 * 60_000;

/** Timeout for a test or hook that waits for a demo report: one build, possibly queued behind another, on a busy machine. */
export const DEMO_TIMEOUT = 600_000;

function hashFiles(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashFiles(hash, path);
    else if (/\.(js|json)$/.test(entry.name)) hash.update(`${path}\0`).update(readFileSync(path));
  }
}

function cacheKey(recipe: Recipe): string {
  const args = recipe.sample ? { sample: recipe.sample, report: recipe.report } : recipe.report;
  const hash = createHash('sha256').update(JSON.stringify({ args, EPOCH, node: process.version }));
  hashFiles(hash, dirname(dirname(CLI)));
  for (const file of [join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), ...recipe.data]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Take the lock directory, or return false when a live process holds it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    const pid = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
    if (Number.isInteger(pid) && !alive(pid)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

async function build(kind: DemoReport, recipe: Recipe, base: string): Promise<BuiltReport> {
  const file = `${base}.html`;
  // A name without the cache key: the report shows it, and a layout test must not depend on random hex digits.
  const sample = join(DEMO_DIR, `${kind}-sample`);
  const args = recipe.report.map((a) => a.replace(SAMPLE, sample));
  if (recipe.sample) {
    const made = await runCli(['sample', ...recipe.sample, '--out', `${sample}.csv`]);
    if (made.code !== 0) return { ...made, file, args };
  }
  const run = await runCli(['report', ...args, '--out', file], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  // The report is what is kept; the sample (a few MB) is made again when the report is.
  rmSync(`${sample}.csv`, { force: true });
  rmSync(`${sample}-customers.csv`, { force: true });
  const built: BuiltReport = { ...run, file, args };
  if (run.code !== 0) return built; // not cached: the test shows the failure
  writeFileSync(`${base}.json.tmp`, JSON.stringify(built));
  renameSync(`${base}.json.tmp`, `${base}.json`);
  // Older builds of the same report are stale now.
  for (const name of readdirSync(DEMO_DIR)) {
    if (name.startsWith(`${kind}.`) && !name.startsWith(`${kind}.${base.slice(-16)}`))
      rmSync(join(DEMO_DIR, name), { recursive: true, force: true });
  }
  return built;
}

/**
 * The demo report `kind`, built by the CLI with SOURCE_DATE_EPOCH {@link EPOCH} unless a report made
 * from the same inputs is cached. Throws when the CLI is not built.
 * @example const { file } = await demoReport('nl');
 */
export async function demoReport(kind: DemoReport): Promise<BuiltReport> {
  requireCli();
  const recipe = RECIPES[kind];
  mkdirSync(DEMO_DIR, { recursive: true });
  const base = join(DEMO_DIR, `${kind}.${cacheKey(recipe)}`);
  const lock = `${base}.lock`;
  const start = Date.now();
  for (;;) {
    if (existsSync(`${base}.json`)) return JSON.parse(readFileSync(`${base}.json`, 'utf8')) as BuiltReport;
    if (tryLock(lock)) {
      try {
        // Another process may have finished between the check and the lock.
        if (existsSync(`${base}.json`)) return JSON.parse(readFileSync(`${base}.json`, 'utf8')) as BuiltReport;
        return await build(kind, recipe, base);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    if (Date.now() - start > WAIT_MS) throw new Error(`waited ${WAIT_MS / 60_000} min for ${lock} to go`);
    await sleep(250);
  }
}
