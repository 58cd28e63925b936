/** Words for migration results: segment names of either segmentation, and one flow as a sentence. Pure. */
import { segmentValueName } from '../../i18n/analyses.js';
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
  if (result.options.segmentation !== 'rfm') return segmentValueName(key, locale);
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
