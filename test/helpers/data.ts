/** Paths of real datasets and fixtures; real-data tests skip with a printed reason when a file is absent. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

/** The repository root. */
export const ROOT = here('../../');
/** Shared datasets beside the repository (not in a user's clone). */
export const SHARED = here('../../../shared/data/');
/** Bundled Online Retail (always present in the repo). */
export const ONLINE_RETAIL = here('../../data/online_retail.csv.gz');
/** Online Retail II 2009–2010 (shared only). */
export const ONLINE_RETAIL_II = `${SHARED}online_retail_II_2009_2010.csv.gz`;
/** CDNOW master file (shared only, research use: never copied into the repo). */
export const CDNOW_MASTER = `${SHARED}CDNOW_master.txt`;
/** CDNOW 1/10 sample (shared only). */
export const CDNOW_SAMPLE = `${SHARED}CDNOW_sample.txt`;

/** A fixture file under test/fixtures. */
export const fixture = (name: string): string => here(`../fixtures/${name}`);

/** True when the file exists; otherwise prints why the tests that need it are skipped. */
export function available(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  // CI sets this: there the shared data must be present and these tests must run.
  if (process.env['SWB_REQUIRE_SHARED_DATA'])
    throw new Error(`${what} need ${path}, which is missing (SWB_REQUIRE_SHARED_DATA is set)`);
  console.warn(
    `skipping ${what}: ${path} is not here (it lives in ../shared/data, which a user's clone does not have)`,
  );
  return false;
}

/** Write `lines` (newline-terminated) to `dir/name` and return the path: a tiny input file for a loader test. */
export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
