/**
 * Command-line arguments of `npm run notebooks` (pure, so it is tested without running anything).
 * The named flags map onto the parameter names the notebooks declare in their parameters cells
 * (`subscriptionsPath` and `eventsPath` in notebook 08 only; the others note what they do not declare).
 */
import { isAbsolute, resolve } from 'node:path';
import { WorkbenchError } from '../errors.js';
import type { ParameterValue } from './parameters.js';
import { messages } from '../messages.js';

/** Named flags → notebook parameter names. */
export const PARAMETER_FLAGS: Readonly<Record<string, string>> = {
  '--data': 'dataPath',
  '--preset': 'preset',
  '--as-of': 'asOf',
  '--locale': 'locale',
  '--subscriptions': 'subscriptionsPath',
  '--events': 'eventsPath',
};

/** Parameters holding file paths: a relative path given on the command line is taken from where the command runs. */
export const PATH_PARAMETERS: readonly string[] = ['dataPath', 'subscriptionsPath', 'eventsPath'];

/**
 * The overrides with every non-empty relative path of {@link PATH_PARAMETERS} made absolute from `cwd`
 * (the notebooks run in notebooks/, so a path typed elsewhere would otherwise point somewhere else).
 * @example resolveParameterPaths({ subscriptionsPath: 'subs.csv' }, '/home/me') // { subscriptionsPath: '/home/me/subs.csv' }
 */
export function resolveParameterPaths(
  overrides: Readonly<Record<string, ParameterValue>>,
  cwd: string,
): Record<string, ParameterValue> {
  const out = { ...overrides };
  for (const name of PATH_PARAMETERS) {
    const path = out[name];
    if (typeof path === 'string' && path !== '' && !isAbsolute(path)) out[name] = resolve(cwd, path);
  }
  return out;
}

/** Parsed arguments. */
export interface RunArgs {
  /** Notebook files given on the command line (empty: all of notebooks/). */
  notebooks: string[];
  /** Parameter overrides. */
  overrides: Record<string, ParameterValue>;
  /** Directory for executed copies instead of saving in place. */
  outDir?: string;
  /** Per-cell timeout in seconds. */
  timeout?: number;
  /** Print usage and exit. */
  help: boolean;
}

/** Usage text for `npm run notebooks -- --help`. */
export const RUN_USAGE = `Usage: npm run notebooks -- [options] [notebook.ipynb ...]

Executes notebooks/*.ipynb (or the given files) in order, each in a fresh tslab kernel, and saves
the outputs into the notebooks. Stops at the first failing cell (exit code 1).

Parameter overrides (written into an "injected-parameters" cell after each parameters cell):
  --data PATH          dataPath  (a relative path is taken from where you run the command)
  --preset NAME        preset    (online-retail, online-retail-ii, cdnow; "" for header recognition)
  --as-of YYYY-MM-DD   asOf
  --locale en|nl       locale
  --subscriptions PATH subscriptionsPath (notebook 08; relative as --data)
  --events PATH        eventsPath (notebook 08; relative as --data)
  --param NAME=VALUE   any parameter declared with let (numbers, true/false/null as such, else a string)

Other options:
  --out-dir DIR        write executed notebooks to DIR instead of in place
  --timeout SECONDS    limit per cell (default 600)
  --help               this text
Environment: SWB_PYTHON=python with nbclient (default: the python behind "jupyter", then python3).`;

/** A --param value: JSON numbers, booleans and null as such, anything else as a string. */
export function paramValue(text: string): ParameterValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

const bad = (message: string): WorkbenchError => new WorkbenchError('BAD_OPTION', message);

/**
 * Parse `npm run notebooks` arguments.
 * @example parseRunArgs(['--data', 'x.csv', '--as-of', '2011-12-01']).overrides // { dataPath: 'x.csv', asOf: '2011-12-01' }
 */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { notebooks: [], overrides: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--param=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw bad(messages.flagNeedsValue(flag));
      return next;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag in PARAMETER_FLAGS) args.overrides[PARAMETER_FLAGS[flag] as string] = value();
    else if (flag === '--param' || arg.startsWith('--param=')) {
      const pair = arg.startsWith('--param=') ? arg.slice('--param='.length) : value();
      const eq = pair.indexOf('=');
      if (eq <= 0 || !/^[A-Za-z_$][\w$]*$/.test(pair.slice(0, eq))) throw bad(messages.badParamFlag(pair));
      args.overrides[pair.slice(0, eq)] = paramValue(pair.slice(eq + 1));
    } else if (flag === '--out-dir') args.outDir = value();
    else if (flag === '--timeout') {
      const t = Number(value());
      if (!Number.isFinite(t) || t <= 0) throw bad(messages.badTimeoutFlag(argv[i] ?? ''));
      args.timeout = t;
    } else if (arg.startsWith('-')) throw bad(messages.unknownOption(arg));
    else args.notebooks.push(arg);
  }
  const asOf = args.overrides.asOf;
  if (typeof asOf === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw bad(messages.badNotebookAsOf(asOf));
  const locale = args.overrides.locale;
  if (locale !== undefined && locale !== 'en' && locale !== 'nl') throw bad(messages.badNotebookLocale(locale));
  return args;
}
