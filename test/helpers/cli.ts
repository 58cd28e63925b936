/**
 * The built `swb` command for the CLI tests. It is `dist/cli/index.js` (`npm test` runs `npm run build`
 * first); `SWB_CLI=path/to/cli/index.js` points the tests at another build, e.g. a private
 * `tsc -p tsconfig.build.json --outDir .out-X` while `dist/` is someone else's.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './data.js';

/** Path of the CLI entry point the tests run. */
export const CLI = process.env['SWB_CLI'] ? resolve(process.env['SWB_CLI']) : join(ROOT, 'dist/cli/index.js');

/** SOURCE_DATE_EPOCH of the reports the tests build: 2023-11-14 22:13 UTC. */
export const EPOCH = '1700000000';

/** Exit code and output of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface CliRunOptions {
  /** Working directory. @defaultValue the repository root */
  cwd?: string;
  /** Extra environment variables. @defaultValue none */
  env?: Record<string, string>;
}

/** Throw a clear error when the CLI has not been built. */
export function requireCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does)`);
}

/** Run the CLI with `args`; a non-zero exit is returned, not thrown. */
export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
