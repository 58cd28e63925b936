/**
 * A section on data that misses its analysis's minimums gets one line, shown first, naming each failed
 * check with its value and minimum. Pure.
 */
import type { Sufficiency } from './sufficiency.js';
import { texts } from '../../i18n/index.js';
import { formatNumber, type Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';

/**
 * The line for failed checks, or undefined when the data is enough.
 * @example insufficientLine({ ok: false, checks: [{ name: 'customers', value: 5, minimum: 50 }] }, 'en')
 * // 'Not enough data for reliable results here: 5 customers with a purchase (needs 50). …'
 */
export function insufficientLine(s: Sufficiency, locale: Locale = 'en'): string | undefined {
  if (s.ok) return undefined;
  const t = texts(locale).report.sufficiency;
  const failed = s.checks
    .filter((c) => c.value < c.minimum)
    .map((c) => t.check[c.name](formatNumber(c.value, locale), formatNumber(c.minimum, locale)));
  return t.line(failed.join(locale === 'nl' ? '; ' : ', '));
}

/** The section with the line first in its caution (after any caution it has), or as given when the data is enough. */
export function withSufficiency(
  section: ReportSection,
  s: Sufficiency | undefined,
  locale: Locale = 'en',
): ReportSection {
  const line = s && insufficientLine(s, locale);
  if (!line) return section;
  return { ...section, caution: section.caution ? `${line} ${section.caution}` : line };
}
