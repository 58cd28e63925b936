/**
 * Descriptive cluster names from a profile, as keys: a list of `{ feature, level }` parts that the text
 * layer (`clusterName` in src/i18n/analyses.ts) turns into "Recent, frequent, high spend" or
 * "Recent, frequent, hoge besteding". Rule: a feature is "high" when the cluster's mean z-score is above
 * +{@link NAME_THRESHOLD}, "low" below −{@link NAME_THRESHOLD}, otherwise "mid" (a neutral word: "average
 * recency"). The z-scores are of transformed values (ln(1 + x)), so with the raw means given, a level also
 * needs the cluster's raw mean on the same side of the overall raw mean: a cluster whose mean recency in days
 * is worse than the whole base's is never called recent. Recency, frequency and monetary always get a part
 * (mid included); other features only when high or low.
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

/** A cluster's raw (untransformed) means beside the whole base's, per feature. */
export interface ClusterPosition {
  /** The cluster's mean raw value per feature. */
  means: Readonly<Record<string, number>>;
  /** The mean raw value per feature over all clustered customers. */
  overall: Readonly<Record<string, number>>;
}

/** Level of one feature: beyond the threshold in z, and (when known) on the same side in raw units. */
export function clusterLevel(z: number, rawSide = Math.sign(z)): ClusterLevel {
  if (z > NAME_THRESHOLD && rawSide > 0) return 'high';
  if (z < -NAME_THRESHOLD && rawSide < 0) return 'low';
  return 'mid';
}

/**
 * The name parts of one profile, in feature order (empty: an average cluster).
 * @param position the raw means of the cluster and of all customers; a feature whose raw mean lies on the
 *   other side of the overall mean than its z-score is named "mid". @defaultValue z-scores only
 * @example clusterNameParts({ recency: -1, frequency: 1.2, monetary: 0.9 }, ['recency', 'frequency', 'monetary']) // [{ feature: 'recency', level: 'low' }, …]
 */
export function clusterNameParts(
  z: Readonly<Record<string, number>>,
  features: readonly string[],
  position?: ClusterPosition,
): ClusterNamePart[] {
  const side = (feature: string): number | undefined => {
    const mean = position?.means[feature];
    const overall = position?.overall[feature];
    return mean === undefined || overall === undefined || !Number.isFinite(mean) || !Number.isFinite(overall)
      ? undefined
      : Math.sign(mean - overall);
  };
  return features
    .map((feature) => ({ feature, level: clusterLevel(z[feature] ?? 0, side(feature)) }))
    .filter((p) => p.level !== 'mid' || ALWAYS_NAMED.has(p.feature));
}
