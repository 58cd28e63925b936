/**
 * Descriptive cluster names from a profile, as keys: a list of `{ feature, level }` parts that the text
 * layer (`clusterName` in src/i18n/analyses.ts) turns into "Recent, frequent, high spend" or
 * "Recent, frequent, hoge besteding". Rule: a feature is "high" when the cluster's mean z-score is above
 * +{@link NAME_THRESHOLD}, "low" below −{@link NAME_THRESHOLD}, otherwise "mid". Recency, frequency and
 * monetary always get a part (mid included); other features only when high or low.
 */

/** z-score beyond which a feature counts as high or low in a name. */
export const NAME_THRESHOLD = 0.5;

/** How a cluster's mean of a feature lies against the overall mean. */
export type ClusterLevel = 'low' | 'mid' | 'high';

/** One part of a cluster name: a feature and its level (recency: a low value means recent). */
export interface ClusterNamePart {
  feature: string;
  level: ClusterLevel;
}

/** Features named even at the mid level. */
const ALWAYS_NAMED: ReadonlySet<string> = new Set(['recency', 'frequency', 'monetary']);

function level(z: number): ClusterLevel {
  return z > NAME_THRESHOLD ? 'high' : z < -NAME_THRESHOLD ? 'low' : 'mid';
}

/**
 * The name parts of one profile, in feature order (empty: an average cluster).
 * @example clusterNameParts({ recency: -1, frequency: 1.2, monetary: 0.9 }, ['recency', 'frequency', 'monetary']) // [{ feature: 'recency', level: 'low' }, …]
 */
export function clusterNameParts(z: Readonly<Record<string, number>>, features: readonly string[]): ClusterNamePart[] {
  return features.map((feature) => ({ feature, level: level(z[feature] ?? 0) }))
    .filter((p) => p.level !== 'mid' || ALWAYS_NAMED.has(p.feature));
}
