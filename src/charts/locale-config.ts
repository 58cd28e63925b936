/**
 * The number and time format locale of a chart, carried INSIDE its Vega-Lite spec (`config.locale`),
 * so every renderer of the same spec agrees: vega-embed in JupyterLab or a report, and the static
 * SVG rendered in Node. Built here only, from the report locale and an ISO 4217 currency.
 * Pure; no vega import.
 */
import type { TopLevelSpec } from 'vega-lite';
import { d3NumberLocale, intlTag, type Locale } from '../locale.js';
import { texts } from '../i18n/index.js';

/** A d3-format number locale (Vega `locale.number`). */
export interface ChartNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  /** Currency prefix and suffix used by the `$` format type, e.g. `['€\u00a0', '']`. */
  currency: [string, string];
}

/** A d3-time-format locale (Vega `locale.time`). */
export interface ChartTimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** Vega's `locale` object: number and time formatting. */
export interface ChartLocale {
  number: ChartNumberLocale;
  time: ChartTimeLocale;
}

/** Options naming the language and currency of a chart. */
export interface ChartLocaleOptions {
  /** Language of numbers and dates. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of money formats (`$` in a d3 format). @defaultValue 'EUR' */
  currency?: string;
}

/** Names of the 7 days (Sunday first) or 12 months in the locale, as `Intl` writes them. */
function intlNames(locale: Locale, field: 'weekday' | 'month', width: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat(intlTag(locale), { [field]: width, timeZone: 'UTC' });
  // 2023-01-01 is a Sunday; d3 wants days Sunday first.
  const dates =
    field === 'weekday'
      ? Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2023, 0, 1 + i)))
      : Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2023, i, 1)));
  return dates.map((d) => format.format(d));
}

/** The d3 time locale: day and month names from `Intl`, short months from the text table (as tables write them). */
function timeLocale(locale: Locale): ChartTimeLocale {
  const shortMonths = [...texts(locale).charts.months];
  const common = {
    time: '%H:%M:%S',
    periods: ['AM', 'PM'] as [string, string],
    days: intlNames(locale, 'weekday', 'long'),
    shortDays: intlNames(locale, 'weekday', 'short'),
    months: intlNames(locale, 'month', 'long'),
    shortMonths,
  };
  return locale === 'nl'
    ? { dateTime: '%a %e %B %Y %X', date: '%d-%m-%Y', ...common }
    : { dateTime: '%a %e %b %X %Y', date: '%d/%m/%Y', ...common };
}

/**
 * The Vega `locale` of a chart: `nl` writes `€ 1.234,50`, `en` with GBP writes `£1,234.50`.
 * @example chartLocale({ locale: 'nl', currency: 'EUR' }).number.currency // ['€\u00a0', '']
 */
export function chartLocale(options: ChartLocaleOptions = {}): ChartLocale {
  const locale = options.locale ?? 'en';
  const number = d3NumberLocale(locale, options.currency ?? 'EUR');
  return { number: { ...number, currency: [...number.currency] }, time: timeLocale(locale) };
}

/** The `config.locale` a spec carries, or undefined. */
export function specLocale(spec: TopLevelSpec): ChartLocale | undefined {
  const loc = (spec.config as { locale?: unknown } | undefined)?.locale;
  return typeof loc === 'object' && loc !== null ? (loc as ChartLocale) : undefined;
}

/**
 * A copy of `spec` whose `config.locale` is the chart locale of `options` (the rest of the config
 * kept; the input is not changed).
 * @example await show(withChartLocale(rfmHeatmap(result), { locale: 'nl', currency: 'GBP' }));
 */
export function withChartLocale<S extends TopLevelSpec>(spec: S, options: ChartLocaleOptions = {}): S {
  return { ...spec, config: { ...(spec.config ?? {}), locale: chartLocale(options) } };
}
