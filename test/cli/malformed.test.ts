/**
 * Randomised: ~200 seeded malformed files through `swb validate` (in batches: one process validates many
 * files) and a few dozen through `swb report`. Whatever the file, the CLI ends with exit 0, 1 or 2, every
 * failure carries an error code, no stack trace reaches the user, and a failed report leaves no file
 * (nor temp file) at --out. A failing case is named by its file name; replay it with the same seed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli, type CliRun } from '../helpers/cli.js';
import { writeMalformed } from '../helpers/malformed.js';

const SEED = 15;
const VALIDATE_CASES = 200;
const REPORT_CASES = 30;
const BATCH = 50;

beforeAll(() => {
  requireCli();
});

/** Run tasks two at a time (the machine has two cores). */
async function pool<T>(tasks: Array<() => Promise<T>>, width = 2): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

/**
 * DuckDB's own words, as they appear when its message is passed through: error classes and their `…Error:`
 * prefix, the CSV reader's and sniffer's terms, and SQL. A user's message says what is wrong in plain words.
 */
const DUCKDB_TEXT = new RegExp(
  [
    String.raw`\b\w*Error:`,
    String.raw`\bBinder\b`,
    String.raw`\bConversion Error\b`,
    String.raw`\bInvalid Input\b`,
    String.raw`\bCSV Error\b`,
    String.raw`\b[Ss]niff`,
    String.raw`\bParser\b`,
    String.raw`\bCatalog\b`,
    String.raw`\bOut of Range Error\b`,
    String.raw`\bIO Error\b`,
    String.raw`\b(SELECT|FROM|WHERE|CAST|TRY_CAST|read_csv|read_json|read_parquet|DESCRIBE|VARCHAR|BIGINT)\b`,
    String.raw`\bLINE \d+:`,
  ].join('|'),
);

const STACK = /^\s+at .+(\.[cm]?js|\.ts|node:[\w/]+):\d+/m;

/** The `error: …` messages of a run's stderr (a message may span lines). */
const errorsOf = (run: CliRun): string[] =>
  run.stderr
    .split(/^(?=error: )/m)
    .map((s) => s.trim())
    .filter((s) => s.startsWith('error: '));

function noLeak(run: CliRun, label: string): void {
  expect(run.stderr, `${label}: stack trace`).not.toMatch(STACK);
  expect(run.stderr, `${label}: internal error`).not.toContain('internal error');
  expect(run.stderr, `${label}: JavaScript error name`).not.toMatch(
    /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/,
  );
}

describe(`swb on malformed files (seed ${SEED})`, () => {
  it(`validate: ${VALIDATE_CASES} files, each a LoadReport or one coded error, exit 0 or 1, no stack trace`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-malformed-v-'));
    const files = writeMalformed(dir, SEED, 0, VALIDATE_CASES);
    const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, b) =>
      files.slice(b * BATCH, (b + 1) * BATCH),
    );
    const runs = await pool(batches.map((batch) => () => runCli(['validate', ...batch])));
    const codes = new Map<string, number>();
    let loaded = 0;
    runs.forEach((run, b) => {
      const batch = batches[b] as string[];
      expect([0, 1], `batch ${b} exit ${run.code}:\n${run.stderr.slice(0, 2000)}`).toContain(run.code);
      noLeak(run, `batch ${b}`);
      const errors = errorsOf(run);
      for (const e of errors) {
        const code = /\[([A-Z_]+)\]$/.exec(e)?.[1];
        expect(code, `no error code in: ${e.slice(0, 500)}`).toBeDefined();
        codes.set(code as string, (codes.get(code as string) ?? 0) + 1);
      }
      // Every file is accounted for exactly once: a report on stdout or an error naming it.
      for (const file of batch) {
        const reported = run.stdout.includes(`${basename(file)} (`);
        const failed = errors.filter((e) => e.startsWith(`error: ${file}: `)).length;
        expect(Number(reported) + failed, `${basename(file)}: reported ${reported}, errors ${failed}`).toBe(1);
        if (reported) loaded += 1;
      }
      expect(run.code).toBe(errors.length > 0 ? 1 : 0);
    });
    console.info(
      `validate: ${loaded} of ${files.length} loaded; errors by code: ${JSON.stringify(Object.fromEntries([...codes].sort()))}`,
    );
    // One message per code, to read: what a user sees.
    const seen = new Map<string, string>();
    for (const e of runs.flatMap(errorsOf))
      seen.set(/\[([A-Z_]+)\]$/.exec(e)?.[1] ?? '?', e.replace(/^error: \S+: /, ''));
    console.info([...seen.values()].sort().join('\n'));
    const leaks = runs.flatMap(errorsOf).filter((e) => DUCKDB_TEXT.test(e));
    expect(leaks, `${leaks.length} messages quote DuckDB`).toEqual([]);
  }, 120_000);

  it(`report: ${REPORT_CASES} files, exit 0/1/2, a coded error on failure and nothing at --out`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-malformed-r-'));
    const files = writeMalformed(dir, SEED, VALIDATE_CASES, VALIDATE_CASES + REPORT_CASES);
    const outs = files.map((f) => {
      const d = join(dir, `out-${basename(f)}`);
      mkdirSync(d);
      return join(d, 'r.html');
    });
    const runs = await pool(files.map((f, i) => () => runCli(['report', f, '--clv', '--out', outs[i] as string])));
    const codes = new Map<string, number>();
    runs.forEach((run, i) => {
      const label = basename(files[i] as string);
      const out = outs[i] as string;
      expect([0, 1, 2], `${label} exit ${run.code}:\n${run.stderr.slice(0, 2000)}`).toContain(run.code);
      noLeak(run, label);
      if (run.code === 0) {
        expect(existsSync(out), `${label}: exit 0 without a report`).toBe(true);
        codes.set('written', (codes.get('written') ?? 0) + 1);
        return;
      }
      const errors = errorsOf(run);
      expect(errors, `${label}: ${run.stderr}`).toHaveLength(1);
      const code = /\[([A-Z_]+)\]$/.exec(errors[0] as string)?.[1];
      expect(code, `${label}: no error code in ${run.stderr}`).toBeDefined();
      expect(errors[0], `${label}: quotes DuckDB`).not.toMatch(DUCKDB_TEXT);
      codes.set(code as string, (codes.get(code as string) ?? 0) + 1);
      expect(readdirSync(join(out, '..')), `${label}: left files at --out`).toEqual([]);
    });
    console.info(`report: ${JSON.stringify(Object.fromEntries([...codes].sort()))}`);
  }, 180_000);
});
