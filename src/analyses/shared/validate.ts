/**
 * The option validators every analysis uses (and its public SQL builders, which splice some options
 * into SQL text): one rule, one message, one error code (`BAD_OPTION`), as Observable Plot's
 * `keyword()` does. Each returns the value it checked, typed, so a check reads as an assignment:
 * `const minSize = minSizeOption(options.minSize)`.
 */
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';

const bad = (name: string, value: unknown, message: string): WorkbenchError =>
  new WorkbenchError('BAD_OPTION', message, { [name]: value });

/**
 * A whole number ≥ `min` (and ≤ `max` when given).
 * @example wholeNumber('minSize', 0) // throws "minSize must be a whole number ≥ 1, got 0."
 */
export function wholeNumber(name: string, value: number, min = 1, max?: number): number {
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw bad(
      name,
      value,
      max === undefined
        ? messages.notWholeNumber(name, value, min)
        : messages.notWholeNumberBetween(name, value, min, max),
    );
  }
  return value;
}

/** Segments, clusters and groups with fewer customers than this are flagged too small to act on. */
export const DEFAULT_MIN_SIZE = 30;

/**
 * The `minSize` option of an analysis: a whole number ≥ `min`, {@link DEFAULT_MIN_SIZE} when not given.
 * @example const minSize = minSizeOption(options.minSize);
 */
export function minSizeOption(value: number | undefined, min = 1): number {
  return wholeNumber('minSize', value ?? DEFAULT_MIN_SIZE, min);
}

/** Limits of {@link numberInRange}; an open end excludes the limit itself. */
export interface NumberRange {
  /** Lower limit. @defaultValue none */
  min?: number;
  /** Upper limit. @defaultValue none */
  max?: number;
  /** Exclude `min` itself. @defaultValue false */
  minOpen?: boolean;
  /** Exclude `max` itself. @defaultValue false */
  maxOpen?: boolean;
  /** A few words after the range in the message, e.g. `0.1 = 10% a year`. @defaultValue none */
  hint?: string;
}

/** The range as a reader writes it: `in (0, 1]`, `≥ 0`, `> 0`, `≤ 1`. */
function rangeText(r: NumberRange): string {
  if (r.min !== undefined && r.max !== undefined)
    return `in ${r.minOpen ? '(' : '['}${r.min}, ${r.max}${r.maxOpen ? ')' : ']'}`;
  if (r.min !== undefined) return `${r.minOpen ? '>' : '≥'} ${r.min}`;
  if (r.max !== undefined) return `${r.maxOpen ? '<' : '≤'} ${r.max}`;
  return 'a number';
}

/**
 * A number (not NaN) within the range.
 * @example numberInRange('margin', 2, { min: 0, max: 1, minOpen: true }) // throws "margin must be in (0, 1], got 2."
 */
export function numberInRange(name: string, value: number, range: NumberRange): number {
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    (range.min === undefined || (range.minOpen ? value > range.min : value >= range.min)) &&
    (range.max === undefined || (range.maxOpen ? value < range.max : value <= range.max));
  if (!ok) throw bad(name, value, messages.outOfRange(name, value, rangeText(range), range.hint));
  return value;
}

/**
 * One of a list of keywords.
 * @example keyword('period', 'day', ['week', 'month', 'quarter']) // throws "unknown period: day (expected one of: week, month, quarter)"
 */
export function keyword<const T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value))
    throw bad(name, value, messages.unknownKeyword(name, value, allowed));
  return value as T;
}

/**
 * A valid `Date`.
 * @example validDate('asOf', new Date('x')) // throws "asOf is not a valid date."
 */
export function validDate(name: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw bad(name, value, messages.invalidDate(name));
  return value;
}

/** A date option: a `Date`, or an ISO date `'YYYY-MM-DD'` (00:00 UTC) or date-time with its zone (`'2011-12-10T09:30:00Z'`). */
export type DateInput = Date | string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date option as a `Date`: a valid `Date`, an ISO day `'YYYY-MM-DD'` (00:00 UTC) or an ISO date-time
 * with its zone. Anything else is a `BAD_OPTION` error naming the option.
 * @example dateOption('asOf', '2011-12-10') // 2011-12-10T00:00:00.000Z
 */
export function dateOption(name: string, value: unknown): Date {
  if (value instanceof Date) return validDate(name, value);
  if (typeof value === 'string') {
    const day = ISO_DAY.exec(value);
    const d = day ? new Date(`${value}T00:00:00Z`) : ISO_DATE_TIME.test(value) ? new Date(value) : undefined;
    // `2011-02-30` parses to 2 March: only a day that round-trips is accepted.
    if (d && !Number.isNaN(d.getTime()) && (!day || d.toISOString().slice(0, 10) === value)) return d;
  }
  throw bad(name, value, messages.badDateOption(name, value));
}

/** {@link dateOption} for an optional option: `undefined` stays `undefined`. */
export function optionalDate(name: string, value: unknown): Date | undefined {
  return value === undefined ? undefined : dateOption(name, value);
}

/** Edit distance between two words (insertions, deletions, substitutions; case-insensitive). */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[t.length] ?? 0;
}

/** The known word nearest to `word`: one it abbreviates, else the closest by edit distance (ties: the first listed); undefined when none is close. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  // A shortened name (`horizon` for `horizonMonths`) is nearer than any edit distance says.
  const prefixed = word.length >= 3 ? known.find((k) => k.toLowerCase().startsWith(word.toLowerCase())) : undefined;
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein(word, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Close means at most a third of the word changed (at least 2 edits allowed): `bin` → `bins`, not `x` → `k`.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The option names of an options type, listed once: the `Record` type makes a missing or extra name a compile error.
 * @example const RFM_KEYS = optionKeys<RfmOptions>({ asOf: true, bins: true, … });
 */
export function optionKeys<T>(keys: Record<keyof Required<T>, true>): readonly string[] {
  return Object.keys(keys);
}

/**
 * Check that an options object has only known keys; an unknown one is a `BAD_OPTION` error naming the
 * nearest known key (`unknown option bin for rfm(); did you mean bins?`). Keys whose value is undefined count too.
 */
export function checkOptionKeys(verb: string, options: object | undefined, known: readonly string[]): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options))
    throw bad('options', options, messages.optionsNotObject(verb));
  for (const key of Object.keys(options)) {
    if (!known.includes(key))
      throw bad(
        key,
        (options as Record<string, unknown>)[key],
        messages.unknownOptionKey(verb, key, nearest(key, known), known),
      );
  }
}

/** The tables a Workbench loads its data into: no analysis may write over them. */
export const INPUT_TABLES: readonly string[] = ['transactions', 'customers'];

/**
 * The table an analysis writes: its default, or the name given, which must not be one of the input tables
 * ({@link INPUT_TABLES}) or the analysis's own source, unless `replace: true` says so explicitly.
 * @example outputTable('segmentBy', options.table, 'segments', { replace: options.replace })
 */
export function outputTable(
  verb: string,
  given: string | undefined,
  fallback: string,
  protect: { replace?: boolean; source?: string } = {},
): string {
  if (given === undefined) return fallback;
  if (typeof given !== 'string' || given.trim() === '') throw bad('table', given, messages.badTableOption(verb, given));
  const inputs = protect.source ? [...INPUT_TABLES, protect.source] : INPUT_TABLES;
  const hit = inputs.find((t) => t.toLowerCase() === given.toLowerCase());
  if (hit && protect.replace !== true) throw bad('table', given, messages.wouldReplaceInput(verb, given));
  return given;
}
