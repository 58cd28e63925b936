/**
 * Headless notebook runs (`npm run notebooks`): every notebook is executed top to bottom in a
 * fresh kernel by Jupyter's own executor (nbclient, via scripts/execute-notebook.py), with this
 * project's tslab registered in a temporary Jupyter path, and its outputs are saved into the
 * .ipynb. The first failing cell stops the run with the notebook, the cell number and the error. An
 * override that no notebook of the run declares stops it before it starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { KERNEL_NAME, installKernelSpec, projectRoot } from './kernelspec.js';
import {
  INJECTED_TAG,
  cellSource,
  checkOverrides,
  injectParameters,
  type Notebook,
  type ParameterValue,
} from './parameters.js';
import { PARAMETER_FLAGS } from './run-args.js';
import { messages } from '../messages.js';

/** Options for a headless run. */
export interface RunOptions {
  /** Notebook files, run in this order. */
  notebooks: string[];
  /** Parameter overrides (name → value) for every notebook's parameters cell. @defaultValue `{}` */
  overrides?: Record<string, ParameterValue>;
  /** Write executed notebooks here instead of over the originals. @defaultValue in place */
  outDir?: string;
  /** Seconds one cell may run before the run fails. @defaultValue 600 */
  timeout?: number;
  /** Python with nbclient. @defaultValue found by `findJupyterPython()` */
  python?: string;
  /** Progress lines. @defaultValue `console.log` */
  log?: (line: string) => void;
}

/** How one notebook went. */
export interface NotebookRun {
  notebook: string;
  seconds: number;
  ok: boolean;
  /** For a failure: 1-based cell number in the notebook file (markdown cells counted). */
  cell?: number;
  /** For a failure: the message naming notebook, cell and error. */
  error?: string;
  /** Overrides the notebook does not declare. */
  missing: string[];
}

const canImportNbclient = (python: string): boolean =>
  spawnSync(python, ['-c', 'import nbclient, nbformat'], { stdio: 'ignore' }).status === 0;

/** The interpreter behind the `jupyter` command on PATH (its `#!` line), if any. */
function jupyterShebangPython(): string | undefined {
  try {
    const which = execFileSync(process.platform === 'win32' ? 'where' : 'which', ['jupyter'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const first = readFileSync(which.split(/\r?\n/)[0] ?? '', 'utf8').split('\n')[0] ?? '';
    const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!match) return undefined;
    return match[1]?.endsWith('/env') ? match[2] : match[1];
  } catch {
    return undefined;
  }
}

/**
 * A Python that can import nbclient: `$SWB_PYTHON`, the one behind `jupyter`, then python3/python.
 * @returns undefined when none is found
 */
export function findJupyterPython(): string | undefined {
  const candidates = [process.env.SWB_PYTHON, jupyterShebangPython(), 'python3', 'python', '/usr/bin/python3'];
  return candidates.find((p): p is string => Boolean(p) && canImportNbclient(p as string));
}

const FLAG_PARAMETERS: ReadonlySet<string> = new Set(Object.values(PARAMETER_FLAGS));

/** What to install when Jupyter's executor is missing. */
export const JUPYTER_MISSING = messages.jupyterMissing();

// eslint-disable-next-line no-control-regex -- the escape character is what an ANSI colour code starts with
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The error text a failed cell left in its outputs (error outputs, then stderr), trimmed. */
export function cellErrorText(cell: { outputs?: Array<Record<string, unknown>> } | undefined, maxLines = 20): string {
  const parts: string[] = [];
  for (const out of cell?.outputs ?? []) {
    if (out.output_type === 'error') {
      const tb = Array.isArray(out.traceback) ? (out.traceback as string[]).join('\n') : '';
      parts.push(tb || `${String(out.ename)}: ${String(out.evalue)}`);
    } else if (out.output_type === 'stream' && out.name === 'stderr') {
      parts.push(Array.isArray(out.text) ? (out.text as string[]).join('') : String(out.text));
    }
  }
  const lines = stripAnsi(parts.join('\n')).trimEnd().split('\n');
  return lines.length > maxLines
    ? [...lines.slice(0, maxLines), `… (${lines.length - maxLines} more lines)`].join('\n')
    : lines.join('\n');
}

interface RunOneOptions {
  overrides: Record<string, ParameterValue>;
  timeout: number;
  python: string;
  outDir?: string;
}

/** Run one notebook; never throws for cell errors (they are returned). */
function runOne(path: string, options: RunOneOptions, work: string, env: NodeJS.ProcessEnv): NotebookRun {
  const started = performance.now();
  const original = JSON.parse(readFileSync(path, 'utf8')) as Notebook;
  const { notebook, missing } = injectParameters(original, options.overrides);
  const input = join(work, `in-${basename(path)}`);
  const output = join(work, `out-${basename(path)}`);
  writeFileSync(input, JSON.stringify(notebook));
  const script = join(projectRoot(), 'scripts', 'execute-notebook.py');
  const proc = spawnSync(
    options.python,
    [
      script,
      input,
      output,
      '--kernel',
      KERNEL_NAME,
      '--cwd',
      dirname(resolve(path)),
      '--timeout',
      String(options.timeout),
    ],
    { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  const last = proc.stdout.trim().split('\n').pop() ?? '';
  let result: { ok: boolean; cell?: number | null; kind?: string; message?: string };
  try {
    result = JSON.parse(last) as typeof result;
  } catch {
    return {
      notebook: path,
      seconds,
      ok: false,
      missing,
      error: messages.executorFailed(path, proc.status, proc.stderr.trim().split('\n').slice(-15).join('\n')),
    };
  }
  if (result.ok) {
    const target = options.outDir ? join(options.outDir, basename(path)) : path;
    writeFileSync(target, readFileSync(output, 'utf8'));
    return { notebook: path, seconds, ok: true, missing };
  }
  const executed = JSON.parse(readFileSync(output, 'utf8')) as Notebook;
  const index = result.cell ?? -1;
  const failed = executed.cells[index];
  const injectedAt = notebook.cells.findIndex((c) => c.metadata.tags?.includes(INJECTED_TAG));
  // Number cells as in the file the analyst edits: the injected cell is not in it.
  const cellNumber =
    index < 0 || index === injectedAt ? undefined : injectedAt >= 0 && index > injectedAt ? index : index + 1;
  const where = messages.failedWhere(cellNumber, index);
  const source = failed
    ? cellSource(failed)
        .split('\n')
        .slice(0, 3)
        .map((l) => `  > ${l}`)
        .join('\n')
    : '';
  const detail = cellErrorText(failed) || stripAnsi(result.message ?? '').trim();
  const kind = messages.failedKind(result.kind, options.timeout);
  const failedCopy = join(tmpdir(), `failed-${basename(path)}`);
  // Readable by the owner only: the partial outputs may hold whatever the notebook printed.
  writeFileSync(failedCopy, JSON.stringify(executed, null, 1), { mode: 0o600 });
  chmodSync(failedCopy, 0o600);
  return {
    notebook: path,
    seconds,
    ok: false,
    missing,
    ...(cellNumber !== undefined ? { cell: cellNumber } : {}),
    error: messages.notebookFailed(path, where, kind, source, detail, failedCopy),
  };
}

/**
 * Execute notebooks in order, each in a fresh kernel; stop at the first failure.
 * @example const runs = runNotebooks({ notebooks: ['notebooks/01-load-and-validate.ipynb'], overrides: { locale: 'nl' } });
 */
export function runNotebooks(options: RunOptions): NotebookRun[] {
  const log = options.log ?? ((line: string) => console.log(line));
  // Before anything runs: an override no notebook of the run declares is an error, not a note.
  checkOverrides(
    options.notebooks.map((p) => JSON.parse(readFileSync(p, 'utf8')) as Notebook),
    options.overrides ?? {},
    PARAMETER_FLAGS,
  );
  const python = options.python ?? findJupyterPython();
  if (!python) throw new Error(JUPYTER_MISSING);
  const work = mkdtempSync(join(tmpdir(), 'swb-notebooks-'));
  const runs: NotebookRun[] = [];
  try {
    const jupyterPath = join(work, 'share', 'jupyter');
    installKernelSpec({ prefix: work });
    const env = {
      ...process.env,
      JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter),
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
    };
    if (options.outDir) mkdirSync(options.outDir, { recursive: true });
    for (const path of options.notebooks) {
      const run = runOne(
        path,
        {
          overrides: options.overrides ?? {},
          timeout: options.timeout ?? 600,
          python,
          ...(options.outDir ? { outDir: options.outDir } : {}),
        },
        work,
        env,
      );
      runs.push(run);
      // The named flags belong to some notebooks by design (--subscriptions to 08, --preset to 01–07): no note for those.
      const noted = run.missing.filter((name) => !FLAG_PARAMETERS.has(name));
      if (noted.length) log(messages.noteMissingParameters(basename(path), noted));
      if (!run.ok) {
        log(`✗ ${run.error ?? path}`);
        break;
      }
      log(`✓ ${path} (${run.seconds.toFixed(1)} s)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return runs;
}
