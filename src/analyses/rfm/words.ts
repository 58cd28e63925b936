/** Words for RFM's keys: segment names, descriptions and actions (the map's own, else the standard ones), loyalty groups. Pure. */
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import type { LoyaltyGroup, SegmentDefinition } from './segment-map.js';

/** The words of one standard segment. */
type SegmentWords = { name: string; description: string; action: string };

/** A segment as the text layer needs it: its key, and the user's own words when the map gives them. */
export type SegmentRef = string | Pick<SegmentDefinition, 'key' | 'label' | 'description' | 'action'>;

function standardWords(key: string, locale: Locale): SegmentWords | undefined {
  const table: Readonly<Record<string, SegmentWords | undefined>> = texts(locale).analyses.rfmSegments;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const refKey = (segment: SegmentRef): string => (typeof segment === 'string' ? segment : segment.key);

/**
 * Display name of an RFM segment: the map's own `label` when it has one, else the standard name of its key,
 * else the key itself.
 * @example segmentName('champions', 'nl') // "Kampioenen"
 */
export function segmentName(segment: SegmentRef, locale: Locale): string {
  if (typeof segment !== 'string' && segment.label !== undefined) return segment.label;
  return standardWords(refKey(segment), locale)?.name ?? refKey(segment);
}

/** One-line description of an RFM segment's customers (the map's own, the standard one, or empty). */
export function segmentDescription(segment: SegmentRef, locale: Locale): string {
  if (typeof segment !== 'string' && segment.description !== undefined) return segment.description;
  return standardWords(refKey(segment), locale)?.description ?? '';
}

/** What to do with an RFM segment's customers (the map's own, the standard one, or empty). */
export function segmentAction(segment: SegmentRef, locale: Locale): string {
  if (typeof segment !== 'string' && segment.action !== undefined) return segment.action;
  return standardWords(refKey(segment), locale)?.action ?? '';
}

/**
 * Display name of a loyalty group (an unknown key is returned as it is).
 * @example loyaltyName('at-risk', 'en') // "At risk"
 */
export function loyaltyName(group: LoyaltyGroup | string, locale: Locale): string {
  const table: Readonly<Record<string, string | undefined>> = texts(locale).analyses.loyalty;
  return (Object.hasOwn(table, group) ? table[group] : undefined) ?? group;
}

/** Display names of every segment of an RFM result's map, by key (for sections that name RFM segments). */
export function segmentNames(
  result: { readonly options: { readonly segmentMap: { readonly segments: readonly SegmentDefinition[] } } },
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(result.options.segmentMap.segments.map((sg) => [sg.key, segmentName(sg, locale)]));
}
