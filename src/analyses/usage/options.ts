/**
 * Options of the usage analyses, their defaults and their checks, in one place: `usageSegments` and
 * `usageChurn` share the window, the segment thresholds and the feature bands, so a usage segment means
 * the same in both.
 */
import { WorkbenchError } from '../../errors.js';
import { dateOption, numberInRange, wholeNumber, type DateInput } from '../shared/validate.js';
import { usageMessages } from './messages.js';

/** Usage segments from least to most used; `segment_order` in the table is the index here. */
export const USAGE_SEGMENTS = ['dormant', 'light', 'regular', 'power'] as const;

/** A usage segment key. */
export type UsageSegment = (typeof USAGE_SEGMENTS)[number];

/** Defaults of the shared options. */
export const USAGE_DEFAULTS = {
  windowDays: 30,
  lightBelow: 0.25,
  powerAbove: 0.6,
  featureBands: [1, 2, 5] as readonly number[],
  events: 'events',
  subscriptions: 'subscriptions',
} as const;

/** Options shared by {@link usageSegments} and {@link usageChurn}. */
export interface UsageWindowOptions {
  /**
   * Usage is measured over the days `[at − windowDays, at)`: an event at `at − windowDays` 00:00 counts, an event
   * at `at` does not. A day (00:00 UTC); a `Date` or `'YYYY-MM-DD'`.
   * @defaultValue usageSegments: the day after the latest event; usageChurn: the latest subscription date minus horizonMonths
   */
  at?: DateInput;
  /** Length of the usage window in days. @defaultValue 30 */
  windowDays?: number;
  /** A customer active on fewer than this share of the window's days (but at least one) is `light`. @defaultValue 0.25 */
  lightBelow?: number;
  /** A customer active on more than this share of the window's days is `power`; in between is `regular`. @defaultValue 0.6 */
  powerAbove?: number;
  /**
   * Lower edges of the feature bands after `0`: `[1, 2, 5]` gives the bands `0`, `1`, `2-4`, `5+` (distinct event
   * names in the window). Ascending whole numbers ≥ 1. @defaultValue [1, 2, 5]
   */
  featureBands?: readonly number[];
  /** Events table (`customer_id, event_time, event_name, platform, …`). @defaultValue 'events' */
  events?: string;
  /** Subscriptions table; who pays at a date is `mrrAtSql` of subscriptions/paying.ts. @defaultValue 'subscriptions' */
  subscriptions?: string;
}

/** The shared options, checked, with defaults filled in (`at` still to be resolved from the data). */
export interface UsageSettings {
  /** End of the window (exclusive), a day; undefined until resolved from the data. */
  at: Date | undefined;
  /** Window length in days. */
  windowDays: number;
  /** `light` below this share of the window's days. */
  lightBelow: number;
  /** `power` above this share of the window's days. */
  powerAbove: number;
  /** Lower edges of the feature bands after `0`. */
  featureBands: number[];
  /** Events table read. */
  events: string;
  /** Subscriptions table read. */
  subscriptions: string;
}

/** The window settings as a result states them: `at` resolved, whether it came from the data, and the window's start. */
export function windowUsed(s: UsageSettings, at: Date, windowStart: Date) {
  const { windowDays, lightBelow, powerAbove, featureBands, events, subscriptions } = s;
  return {
    at,
    atFromData: s.at === undefined,
    windowStart,
    windowDays,
    lightBelow,
    powerAbove,
    featureBands,
    events,
    subscriptions,
  };
}

/** A given `at`: a valid day at 00:00 UTC (usage days and paying status are whole days). */
export function dayOption(name: string, value: DateInput): Date {
  const d = dateOption(name, value);
  if (d.getTime() % 86_400_000 !== 0)
    throw new WorkbenchError('BAD_OPTION', usageMessages.atNotDay(name, d), { [name]: value });
  return d;
}

/** Check the shared options and fill in their defaults. */
export function usageSettings(o: UsageWindowOptions): UsageSettings {
  const windowDays = wholeNumber('windowDays', o.windowDays ?? USAGE_DEFAULTS.windowDays, 1, 3660);
  const lightBelow = numberInRange('lightBelow', o.lightBelow ?? USAGE_DEFAULTS.lightBelow, {
    min: 0,
    max: 1,
    minOpen: true,
  });
  const powerAbove = numberInRange('powerAbove', o.powerAbove ?? USAGE_DEFAULTS.powerAbove, {
    min: 0,
    max: 1,
    maxOpen: true,
  });
  if (lightBelow > powerAbove) {
    throw new WorkbenchError('BAD_OPTION', usageMessages.badUsageThresholds(lightBelow, powerAbove), {
      lightBelow,
      powerAbove,
    });
  }
  const edges = o.featureBands ?? USAGE_DEFAULTS.featureBands;
  const ok =
    Array.isArray(edges) &&
    edges.length > 0 &&
    edges.every((e, i) => Number.isInteger(e) && e >= 1 && (i === 0 || e > (edges[i - 1] ?? Infinity)));
  if (!ok) throw new WorkbenchError('BAD_OPTION', usageMessages.badFeatureBands(edges), { featureBands: edges });
  return {
    at: o.at === undefined ? undefined : dayOption('at', o.at),
    windowDays,
    lightBelow,
    powerAbove,
    featureBands: [...edges],
    events: tableName('events', o.events ?? USAGE_DEFAULTS.events),
    subscriptions: tableName('subscriptions', o.subscriptions ?? USAGE_DEFAULTS.subscriptions),
  };
}

function tableName(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new WorkbenchError('BAD_OPTION', usageMessages.badUsageTable(name, value), { [name]: value });
  return value;
}

/**
 * Labels of the feature bands: `0`, then one per edge, `lower-upper` (whole numbers, both included), a single
 * number when the band holds one value, and `lower+` for the last.
 * @example featureBandLabels([1, 2, 5]) // ['0', '1', '2-4', '5+']
 */
export function featureBandLabels(edges: readonly number[]): string[] {
  const span = (lo: number, hi: number): string => (hi === lo ? `${lo}` : `${lo}-${hi}`);
  const first = edges[0] ?? 1;
  return [
    span(0, first - 1),
    ...edges.slice(1).map((e, i) => span(edges[i] ?? 0, e - 1)),
    `${edges[edges.length - 1] ?? first}+`,
  ];
}
