/**
 * The flags of each `swb` command, listed once: one table per command drives both the parser and its
 * `--help`, so the help cannot miss a flag or state another default than the one used. The parser is our
 * own (not `node:util` parseArgs) for one-line errors that say what to type: the nearest known flag for a
 * typo, the placeholder for a missing value, and values that start with `-` (`--min-group -1`) taken as
 * values to be checked, not as flags.
 */
import { levenshtein, nearest, numberInRange, type NumberRange } from '../analyses/shared/validate.js';
import { PRESETS } from '../data/presets.js';
import { DEFAULT_MEMORY_LIMIT } from '../workbench.js';
import { cliMessages as cli } from '../messages/cli.js';

/** Thrown for bad command-line usage (exit code 2). */
export class UsageError extends Error {}

/** One flag of a command. */
export interface Flag {
  /** Name without dashes: `min-group`. */
  name: string;
  /** Placeholder of its value (`N`, `FILE`); absent for a switch such as `--clv`. */
  value?: string;
  /** What it does, in one line. */
  help: string;
  /** The default, as the help states it (`off` for a switch, `none` when absent means not used). */
  default: string;
}

/** A command's line: its positional arguments, what it does, its flags. */
export interface CommandSpec {
  /** `report`. */
  name: string;
  /** Positional arguments as the usage line shows them: `[FILE]`. */
  args: string;
  /** What the command does. */
  summary: string;
  /** Every flag it takes, in the order the help lists them. */
  flags: readonly Flag[];
  /** Lines after the flags (e.g. what FILE is). @defaultValue none */
  notes?: readonly string[];
}

/** Parsed command line: string values, switches, positionals, and whether help was asked for. */
export interface ParsedArgs {
  values: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positionals: string[];
  help: boolean;
}

const HELP_FLAGS = new Set(['-h', '--help']);

/** A value-taking flag's next argument is its value unless it is itself a flag (`--x`) or a help request. */
const looksLikeFlag = (arg: string): boolean => (arg.startsWith('--') && arg.length > 2) || HELP_FLAGS.has(arg);

/** The known flag a typed one most likely meant (`--local` → `locale`); none for short ones (`-x`), which any name is near. */
function suggestion(typed: string, known: readonly string[]): string | undefined {
  const word = typed.replace(/^-+/, '');
  if (!typed.startsWith('--') || word.length < 2) return undefined;
  const starting = known.filter((k) => k.startsWith(word));
  if (starting.length === 1) return starting[0];
  // Two letters are near almost any short name: suggest only one a single edit away (`--ot` → `--out`).
  if (word.length === 2) return known.find((k) => levenshtein(word, k) === 1);
  return nearest(word, known);
}

/**
 * Parse `args` against the command's flags: `--name value`, `--name=value`, switches, positionals, `--`
 * ending the flags. `-h`/`--help` anywhere before `--` wins over every other argument.
 * @throws UsageError naming the flag: unknown (with the nearest known one), missing its value, or a switch given a value.
 */
export function parseFlags(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { values: {}, flags: {}, positionals: [], help: false };
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.has(a))) return { ...out, help: true };
  const known = spec.flags.map((f) => f.name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) {
      const typed = eq < 0 ? arg : arg.slice(0, eq);
      throw new UsageError(cli.unknownFlag(typed, spec.name, suggestion(typed, known)));
    }
    if (flag.value === undefined) {
      if (eq >= 0) throw new UsageError(cli.flagTakesNoValue(name, arg.slice(eq + 1)));
      out.flags[name] = true;
      continue;
    }
    const next = args[i + 1];
    if (eq < 0 && (next === undefined || looksLikeFlag(next)))
      throw new UsageError(cli.flagNeedsValue(name, flag.value, next));
    out.values[name] = eq >= 0 ? arg.slice(eq + 1) : next;
    if (eq < 0) i += 1;
  }
  return out;
}

/** `--customers N`: a whole number in [min, max]; absent → undefined. */
export function wholeFlag(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(cli.flagNotWhole(flag, value, min, max));
  return n;
}

/** `--margin M`: a number checked by the same range as the library option it sets; absent → undefined. */
export function numberFlag(flag: string, value: string | undefined, range: NumberRange): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  try {
    return numberInRange(flag, n, range);
  } catch {
    throw new UsageError(cli.flagNotInRange(flag, value, rangeText(range), range.hint));
  }
}

/** The range as the library's messages write it: `in (0, 1]`, `≥ 0`. */
function rangeText(r: NumberRange): string {
  if (r.min !== undefined && r.max !== undefined)
    return `in ${r.minOpen ? '(' : '['}${r.min}, ${r.max}${r.maxOpen ? ')' : ']'}`;
  if (r.min !== undefined) return `${r.minOpen ? '>' : '≥'} ${r.min}`;
  if (r.max !== undefined) return `${r.maxOpen ? '<' : '≤'} ${r.max}`;
  return '';
}

// Flags several commands share.

export const PRESET_FLAG: Flag = {
  name: 'preset',
  value: 'P',
  help: 'column names and rules of a known export, listed under Presets below',
  default: 'online-retail without FILE; otherwise columns are recognised by their names',
};
export const MAPPING_FLAG: Flag = {
  name: 'mapping',
  value: 'map.json',
  help: 'JSON file naming the columns, e.g. {"customerId": "Klant", "orderDate": "Datum", "amount": "Bedrag"}',
  default: 'none',
};
export const AS_OF_FLAG: Flag = {
  name: 'as-of',
  value: 'YYYY-MM-DD',
  help: 'the day the analyses look back from',
  default: 'the day after the last order',
};
export const DATE_FORMAT_FLAG: Flag = {
  name: 'date-format',
  value: 'FMT',
  help: 'strptime format of the order dates, e.g. %m/%d/%Y %H:%M, for dates that read both day-first and month-first',
  default: 'detected',
};
export const RETURNS_FLAG: Flag = {
  name: 'returns',
  value: 'net|exclude',
  help: 'returns and cancellations: net them against purchases, or set them aside',
  default: 'net',
};
export const LOCALE_FLAG: Flag = {
  name: 'locale',
  value: 'en|nl',
  help: 'language of labels and format of numbers, money and dates',
  default: 'en',
};
export const MEMORY_LIMIT_FLAG: Flag = {
  name: 'memory-limit',
  value: 'SIZE',
  help: "DuckDB's memory limit, e.g. 2GB; work beyond it spills to a temporary folder",
  default: DEFAULT_MEMORY_LIMIT,
};
export const CLV_FLAG: Flag = {
  name: 'clv',
  help: 'add predicted customer value (BG/NBD and Gamma-Gamma)',
  default: 'off',
};

/** The help of a command: usage line, what it does, every flag with its default, then notes and presets. */
export function helpText(spec: CommandSpec): string {
  const label = (f: Flag): string => `--${f.name}${f.value ? ` ${f.value}` : ''}`;
  const rows: Array<readonly [string, string]> = [
    ...spec.flags.map((f) => [label(f), `${f.help} ${cli.helpDefault(f.default)}`] as const),
    ['-h, --help', cli.helpFlag()],
  ];
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  const lines = [
    cli.helpUsage(spec.name, spec.args),
    '',
    spec.summary,
    '',
    cli.helpOptions(),
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`),
  ];
  if (spec.notes?.length) lines.push('', ...spec.notes);
  if (spec.flags.some((f) => f.name === 'preset')) lines.push('', presetList());
  return lines.join('\n');
}

/** The built-in presets, one per line with what they are for. */
export function presetList(): string {
  const presets = Object.values(PRESETS);
  const width = Math.max(...presets.map((p) => p.name.length)) + 2;
  return [cli.helpPresets(), ...presets.map((p) => `  ${p.name.padEnd(width)}${p.description}`)].join('\n');
}
