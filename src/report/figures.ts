/**
 * The report's headline figures that more than one section states, each written once: its label and
 * its value in the reader's words. The header, the summary, RFM and cohorts all call these, so the
 * same quantity never shows up under two names or with two numbers.
 */
import { formatDate, type Locale } from '../locale.js';
import { texts } from '../i18n/index.js';

/**
 * The as-of fact: the date (the start of a day; later orders are left out) and the last day whose
 * orders count, e.g. `['As-of date', '10 Dec 2011 (orders up to and including 9 Dec 2011)']`.
 */
export function asOfFact(asOf: Date, locale: Locale): [string, string] {
  const t = texts(locale).report;
  return [t.asOf, t.figures.asOfValue(formatDate(asOf, locale), formatDate(new Date(asOf.getTime() - 1), locale))];
}
