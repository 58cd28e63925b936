/**
 * The section shown in place of an analysis that could not be computed on this data (one customer,
 * customers who all look the same, a model that cannot be fitted): its usual title, one plain sentence
 * on why, and the error's own message as the detail, so the rest of the report can still be written.
 */
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import type { ReportSection } from '../section.js';

/** Why a section is missing: the error code and message of its analysis. */
export interface SectionFailure {
  /** Error code (`TOO_FEW_POINTS`, `NO_DATA`, …; `INTERNAL` for an unexpected error). */
  code: string;
  /** The error's message (English, from src/messages). */
  message: string;
}

/**
 * A section saying that `title` could not be computed, and why.
 * @example unavailableSection({ id: 'clusters', title: 'Clusters' }, { code: 'TOO_FEW_POINTS', message: '…' }, { locale: 'nl' })
 */
export function unavailableSection(
  section: { id: string; title: string },
  failure: SectionFailure,
  options: { locale?: Locale } = {},
): ReportSection {
  const t = texts(options.locale ?? 'en').report.unavailable;
  const reason =
    failure.code === 'TOO_FEW_POINTS' || failure.code === 'NO_DATA' ? t.reasons[failure.code] : t.reasons.other;
  return { id: section.id, title: section.title, intro: [t.intro, reason], facts: [[t.detail, failure.message]] };
}
