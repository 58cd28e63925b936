/**
 * Words for what the analyses return. Analyses hand back keys and numbers (segment keys, loyalty groups,
 * cluster-name parts, migration flows, value-tier keys); these small functions turn them into the words of
 * one locale, so charts, report sections and notebooks name things the same way. Pure, no I/O.
 */
import { formatNumber, type Locale } from '../locale.js';
import type { ClusterNamePart } from '../analyses/clusters/names.js';
import type { LoyaltyGroup, SegmentDefinition } from '../analyses/rfm/segment-map.js';
import type { MigrationFlow, MigrationResult } from '../analyses/segments/migration.js';
import { texts } from './index.js';

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

/** Display label of a cluster feature: computed features in words, customers columns by {@link columnTitle}. */
export function featureLabel(feature: string, locale: Locale): string {
  const table: Readonly<Record<string, string | undefined>> = texts(locale).analyses.features;
  return (Object.hasOwn(table, feature) ? table[feature] : undefined) ?? columnTitle(feature, locale);
}

function clusterWord(part: ClusterNamePart, locale: Locale): string {
  const t = texts(locale).analyses;
  const words: Readonly<Record<string, Partial<Record<ClusterNamePart['level'], string>> | undefined>> = t.clusterWords;
  const known = Object.hasOwn(words, part.feature) ? words[part.feature]?.[part.level] : undefined;
  const label = columnLabel(part.feature, locale);
  return known ?? (part.level === 'mid' ? label : t.clusterColumnWord(part.level, label));
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Name of one cluster from its name parts: the feature words joined with commas.
 * @example clusterName([{ feature: 'recency', level: 'low' }, { feature: 'monetary', level: 'high' }], 'en') // "Recent, high spend"
 */
export function clusterName(parts: readonly ClusterNamePart[], locale: Locale): string {
  return parts.length ? capitalise(parts.map((p) => clusterWord(p, locale)).join(', ')) : texts(locale).analyses.clusterAverage;
}

/**
 * Names of all clusters in cluster order; a name that comes out the same for two clusters gets " (n)" with
 * the cluster number.
 * @example clusterNames(result.profiles, 'nl')[0]
 */
export function clusterNames(profiles: ReadonlyArray<{ readonly nameParts: readonly ClusterNamePart[] }>, locale: Locale): string[] {
  const names = profiles.map((p) => clusterName(p.nameParts, locale));
  return names.map((n, i) => (names.filter((m) => m === n).length > 1 ? `${n} (${i + 1})` : n));
}

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

/** Display name of a segment key of a migration result (RFM names for RFM, attribute values otherwise). */
export function migrationSegmentName(result: Pick<MigrationResult, 'segments' | 'options'>, key: string, locale: Locale): string {
  if (result.options.segmentation !== 'rfm') return segmentValueName(key, locale);
  return segmentName(result.segments.find((s) => s.key === key) ?? key, locale);
}

/**
 * One migration flow in words.
 * @example flowText(m, m.flows[0], 'en') // "212 Champions became At Risk"
 */
export function flowText(result: Pick<MigrationResult, 'segments' | 'options'>, flow: Pick<MigrationFlow, 'from' | 'to' | 'count'>, locale: Locale): string {
  const name = (key: string) => migrationSegmentName(result, key, locale);
  return texts(locale).analyses.flow(formatNumber(flow.count, locale), name(flow.from), name(flow.to));
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
  const words = column.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\s]+/g, ' ').trim();
  // Keep abbreviations (NPS, ID) as they are; lower-case ordinary words.
  return words.split(' ').map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');
}

/** {@link columnLabel} with a capital first letter, for table headers and field names. */
export function columnTitle(column: string, locale: Locale): string {
  return capitalise(columnLabel(column, locale));
}
