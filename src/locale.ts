/**
 * Locales and number/date formatting. Every user-visible number in charts, tables and reports is
 * formatted here with `Intl`, so `nl` gets `€ 1.234,50` and `en` gets `€1,234.50`.
 */
import { messages } from './messages.js';
import { texts } from './i18n/index.js';

/** Supported report/chart languages. */
export type { Locale } from './i18n/types.js';
import type { Locale } from './i18n/types.js';

/** All supported locales, in display order. */
export const LOCALES: readonly Locale[] = ['en', 'nl'];

/** BCP 47 tag used with `Intl` for each locale. */
export function intlTag(locale: Locale): string {
  return locale === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Check an ISO 4217 currency code (`GBP`, `eur` → `EUR`), or throw a `RangeError` saying what is expected. */
export function toCurrency(value: string): string {
  const code = value.toUpperCase();
  if (
    /^[A-Z]{3}$/.test(code) &&
    (Intl as unknown as { supportedValuesOf(key: 'currency'): string[] }).supportedValuesOf('currency').includes(code)
  )
    return code;
  throw new RangeError(messages.unknownCurrency(value));
}

/** Parse a user-supplied locale, or throw a `RangeError` that lists the supported ones. */
export function toLocale(value: string): Locale {
  if (value === 'en' || value === 'nl') return value;
  throw new RangeError(messages.unknownLocale(value, LOCALES));
}

/** Format a number with grouping, e.g. `12.345` in nl. */
export function formatNumber(x: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** Format money, e.g. `€ 1.234,50` (nl) or `€1,234.50` (en). @defaultValue currency `'EUR'`, 2 digits */
export function formatCurrency(x: number, locale: Locale, currency = 'EUR', digits = 2): string {
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** Format a share (0..1) as a percentage, e.g. `12,5%` in nl. */
export function formatPercent(share: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** Format a date (UTC) as e.g. `9 Dec 2011` (en) or `9 dec 2011` (nl). */
export function formatDate(d: Date, locale: Locale): string {
  // Month names from the text table: Intl's en-GB writes "Sept", which is neither English nor Dutch style.
  return `${d.getUTCDate()} ${texts(locale).charts.months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** ISO date `YYYY-MM-DD` of a Date in UTC. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A Vega/d3 format locale for numbers, so chart axes use the right separators and currency symbol
 * (the `$` format type): `€ ` in nl, `£` for GBP in en, as `Intl` writes them.
 */
export function d3NumberLocale(
  locale: Locale,
  currency = 'EUR',
): { decimal: string; thousands: string; grouping: number[]; currency: [string, string] } {
  const parts = new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency }).formatToParts(1);
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = parts[at]?.value ?? currency;
  const before = at < parts.findIndex((p) => p.type === 'integer');
  const space = parts.find((p) => p.type === 'literal')?.value ?? '';
  const affix: [string, string] = before ? [symbol + space, ''] : ['', space + symbol];
  return locale === 'nl'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: affix }
    : { decimal: '.', thousands: ',', grouping: [3], currency: affix };
}
