/** Words for migration results: segment names of either segmentation, and one flow as a sentence. Pure. */
import { segmentValueName } from '../../i18n/analyses.js';
import { dataValue } from '../../i18n/countries.js';
import { isSegmentationId, SEGMENTATIONS } from '../segmentations.js';
import { MISSING_SEGMENT } from './index.js';
import { texts } from '../../i18n/index.js';
import { formatNumber, type Locale } from '../../locale.js';
import { segmentName } from '../rfm/words.js';
import type { MigrationFlow, MigrationResult } from './migration.js';

/** Display name of a segment key of a migration result (RFM names for RFM, attribute values otherwise). */
export function migrationSegmentName(
  result: Pick<MigrationResult, 'segments' | 'options'>,
  key: string,
  locale: Locale,
): string {
  const s = result.options.segmentation;
  if (s !== 'rfm') return 'column' in s ? byValueName(s.column, key, locale) : segmentValueName(key, locale);
  return segmentName(result.segments.find((s) => s.key === key) ?? key, locale);
}

/**
 * One migration flow in words.
 * @example flowText(m, m.flows[0], 'en') // "212 Champions became At Risk"
 */
export function flowText(
  result: Pick<MigrationResult, 'segments' | 'options'>,
  flow: Pick<MigrationFlow, 'from' | 'to' | 'count'>,
  locale: Locale,
): string {
  const name = (key: string) => migrationSegmentName(result, key, locale);
  return texts(locale).analyses.flow(formatNumber(flow.count, locale), name(flow.from), name(flow.to));
}

/**
 * A value of a grouping variable as a reader sees it: a behavioural segmentation's key by its label
 * (`weekend` → "Weekend buyers"), a country code by its name, a missing value in words, any other value as it is.
 */
export function byValueName(variable: string, value: string, locale: Locale): string {
  if (value === MISSING_SEGMENT) return texts(locale).analyses.missingValue;
  if (isSegmentationId(variable)) return SEGMENTATIONS[variable].label(value, locale);
  return dataValue(variable, value, locale);
}
