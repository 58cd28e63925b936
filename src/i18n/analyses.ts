/**
 * Shared words for what the analyses return: column names and value-tier keys, which several analyses,
 * the data-quality section and the exports show. Words for one analysis's own keys (RFM segments, cluster
 * names, migration flows) live in that analysis's `words.ts`. Pure, no I/O.
 */
import type { Locale } from './types.js';
import { texts } from './index.js';

/** The text with a capital first letter. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Display name of a value-tier key (`top-20%` → "Top 20%" / "Volgende 30%" …), or undefined for any
 * other segment value.
 */
export function tierName(key: string, locale: Locale): string | undefined {
  const m = /^(top|next|rest)-(\d+(?:\.\d+)?%)$/.exec(key);
  return m ? texts(locale).analyses.tiers[m[1] as 'top' | 'next' | 'rest'](m[2] as string) : undefined;
}

/**
 * Display name of an attribute segment value: value tiers in words, every other value as it is (it is data).
 * @example segmentValueName('next-30%', 'nl') // "Volgende 30%"
 */
export function segmentValueName(value: string, locale: Locale): string {
  return tierName(value, locale) ?? value;
}

/**
 * A column name as a reader should see it inside a sentence: the words for well-known columns
 * (`age_band` → "age band" / "leeftijdsgroep"), any other name humanised (`loyalty_tier` → "loyalty tier",
 * `firstOrderChannel` → "first order channel"). Never shows a raw snake_case identifier.
 * @example columnLabel('city_size', 'nl') // "stadsgrootte"
 */
export function columnLabel(column: string, locale: Locale): string {
  const table: Readonly<Record<string, string | undefined>> = texts(locale).analyses.columns;
  const known = Object.hasOwn(table, column) ? table[column] : undefined;
  if (known !== undefined) return known;
  const words = column
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim();
  // Keep abbreviations (NPS, ID) as they are; lower-case ordinary words.
  return words
    .split(' ')
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}

/** {@link columnLabel} with a capital first letter, for table headers and field names. */
export function columnTitle(column: string, locale: Locale): string {
  return capitalise(columnLabel(column, locale));
}
