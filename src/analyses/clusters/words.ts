/** Words for cluster results: feature labels and cluster names from their name parts. Pure. */
import { capitalise, columnLabel, columnTitle } from '../../i18n/analyses.js';
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import type { ClusterNamePart } from './names.js';

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

/**
 * Name of one cluster from its name parts: the feature words joined with commas.
 * @example clusterName([{ feature: 'recency', level: 'low' }, { feature: 'monetary', level: 'high' }], 'en') // "Recent, high spend"
 */
export function clusterName(parts: readonly ClusterNamePart[], locale: Locale): string {
  return parts.length
    ? capitalise(parts.map((p) => clusterWord(p, locale)).join(', '))
    : texts(locale).analyses.clusterAverage;
}

/**
 * Names of all clusters in cluster order; a name that comes out the same for two clusters gets " (n)" with
 * the cluster number.
 * @example clusterNames(result.profiles, 'nl')[0]
 */
export function clusterNames(
  profiles: ReadonlyArray<{ readonly nameParts: readonly ClusterNamePart[] }>,
  locale: Locale,
): string[] {
  const names = profiles.map((p) => clusterName(p.nameParts, locale));
  return names.map((n, i) => (names.filter((m) => m === n).length > 1 ? `${n} (${i + 1})` : n));
}
