/** Messages of the cluster analysis: options, features, fitting, and its warnings. */

/** What a feature may be: the computed features and the numeric columns of the customers table. */
const featuresAvailable = (
  computed: readonly string[],
  customersTable: string,
  numeric: readonly string[],
  hasTable: boolean,
): string =>
  `Computed features: ${computed.join(', ')}; numeric columns of ${customersTable}: ${numeric.length ? numeric.join(', ') : hasTable ? '(none)' : `(there is no ${customersTable} table; load one with loadCustomers())`}.`;

/** Message builders for clusters() and clusterVsRfm(). */
export const clusterMessages = {
  // options
  badKRange: (kRange: readonly number[]) =>
    `kRange must be [min, max] with whole numbers 2 ≤ min ≤ max, got [${kRange.join(', ')}].`,
  badSeed: (seed: number) => `seed must be a whole number, got ${seed}.`,

  // features
  noFeatures: (defaults: readonly string[]) =>
    `features is empty. Pass feature names, e.g. ${JSON.stringify(defaults)}.`,
  featureTwice: (names: readonly string[]) => `features lists a name twice: ${JSON.stringify(names)}.`,
  featureNotNumeric: (
    name: string,
    type: string,
    customersTable: string,
    computed: readonly string[],
    numeric: readonly string[],
    hasTable: boolean,
  ) =>
    `Feature ${JSON.stringify(name)} is a ${type} column of ${customersTable}, not a number. ${featuresAvailable(computed, customersTable, numeric, hasTable)}`,
  unknownFeature: (
    name: string,
    customersTable: string,
    computed: readonly string[],
    numeric: readonly string[],
    hasTable: boolean,
  ) => `Unknown feature ${JSON.stringify(name)}. ${featuresAvailable(computed, customersTable, numeric, hasTable)}`,

  // data and fitting
  noOrdersToCluster: (source: string) => `Table ${source} has no orders to cluster.`,
  nothingToCluster: (asOf: Date, source: string) =>
    `No customer has a purchase before ${asOf.toISOString()} in ${source}; nothing to cluster.`,
  allFeaturesDropped: (dropped: readonly string[]) =>
    `Every feature is constant or missing (${dropped.join(', ')}); there is nothing to cluster on. Choose other features.`,
  everyCustomerMissing: () =>
    "Every customer misses a feature value; nothing to cluster. Use missing: 'mean' or other features.",
  tooFewProfiles: (distinct: number, kRange: readonly [number, number]) =>
    `The customers have only ${distinct} distinct feature profile(s); k from ${kRange[0]} to ${kRange[1]} cannot be fitted. Pass a smaller kRange or other features.`,
  kAboveProfiles: (k: number, distinct: number, points: number) =>
    `k = ${k} clusters were asked for, but the customers have only ${distinct} distinct feature profile(s)${points > distinct ? ` among ${points} points` : ''}. Choose k ≤ ${distinct}, or add features that tell customers apart.`,
  emptyClusters: (k: number, restarts: number) =>
    `k-means could not form ${k} non-empty clusters in ${restarts} restart(s). Choose a smaller k.`,
  noKEvaluated: () => 'No k could be evaluated.',

  // cluster × RFM
  runFirst: (table: string, how: string) => `There is no table ${table}. Run ${how} first.`,
  noCommonCustomers: (clustersTable: string, rfmTable: string) =>
    `No customer is in both ${clustersTable} and ${rfmTable}.`,

  // warnings
  warnFeatureEmpty: (name: string) => `Feature ${JSON.stringify(name)} has no values; it was dropped.`,
  warnFeatureConstant: (name: string) =>
    `Feature ${JSON.stringify(name)} has the same value for every customer; it was dropped (it cannot separate clusters).`,
  warnFeatureMissingExcluded: (customers: number, name: string) =>
    `${customers} customer(s) have no value for ${JSON.stringify(name)} and were left out of the clustering.`,
  warnFeatureMissingMean: (customers: number, name: string) =>
    `${customers} customer(s) have no value for ${JSON.stringify(name)}; the mean was used for them.`,
  warnKSkipped: (skipped: readonly number[], distinct: number) =>
    `k = ${skipped.join(', ')} skipped: only ${distinct} distinct feature profiles.`,
} as const;
