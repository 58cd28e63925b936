/**
 * The option validators every analysis uses (and its public SQL builders, which splice some options
 * into SQL text): one rule, one message, one error code (`BAD_OPTION`), as Observable Plot's
 * `keyword()` does. Each returns the value it checked, typed, so a check reads as an assignment:
 * `const minSize = wholeNumber('minSize', options.minSize ?? 30)`.
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
    throw bad(name, value, max === undefined ? messages.notWholeNumber(name, value, min) : messages.notWholeNumberBetween(name, value, min, max));
  }
  return value;
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
  if (r.min !== undefined && r.max !== undefined) return `in ${r.minOpen ? '(' : '['}${r.min}, ${r.max}${r.maxOpen ? ')' : ']'}`;
  if (r.min !== undefined) return `${r.minOpen ? '>' : '≥'} ${r.min}`;
  if (r.max !== undefined) return `${r.maxOpen ? '<' : '≤'} ${r.max}`;
  return 'a number';
}

/**
 * A number (not NaN) within the range.
 * @example numberInRange('margin', 2, { min: 0, max: 1, minOpen: true }) // throws "margin must be in (0, 1], got 2."
 */
export function numberInRange(name: string, value: number, range: NumberRange): number {
  const ok = typeof value === 'number' && !Number.isNaN(value)
    && (range.min === undefined || (range.minOpen ? value > range.min : value >= range.min))
    && (range.max === undefined || (range.maxOpen ? value < range.max : value <= range.max));
  if (!ok) throw bad(name, value, messages.outOfRange(name, value, rangeText(range), range.hint));
  return value;
}

/**
 * One of a list of keywords.
 * @example keyword('period', 'day', ['week', 'month', 'quarter']) // throws "unknown period: day (expected one of: week, month, quarter)"
 */
export function keyword<const T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) throw bad(name, value, messages.unknownKeyword(name, value, allowed));
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
