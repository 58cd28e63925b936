/**
 * Cluster analysis: k-means segments that are standardised, seeded, named and computed for every
 * customer. The pipeline:
 *
 *   transactions (+ customers) ─SQL─▶ features per customer ─SQL─▶ z-scores ─SQL─▶ seeded sample
 *   sample ─JS (k-means, restarts; k by silhouette)─▶ centroids ─SQL─▶ every customer's nearest
 *   centroid in `table` ─SQL─▶ profiles, covariance ─JS─▶ stable numbering, names, 2-D projection
 *
 * Only the sample (default 50,000 customers) and k centroids pass through JS; assignment of 1M+
 * customers happens in DuckDB. Numbering is stable: cluster 1 has the highest mean revenue per customer.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import {
  WORK,
  assignSql,
  baseSql,
  centroidsSql,
  overallSql,
  profileSql,
  renumberSql,
  resolveFeatures,
  sampleSql,
  standardiseSql,
  statsSql,
} from './features.js';
import {
  chooseK,
  countDistinct,
  fitKMeans,
  KMEANS_TOLERANCE,
  nearestCentroid,
  silhouetteScore,
  type KChoiceRow,
} from './fit.js';
import { clusterNameParts, type ClusterNamePart } from './names.js';
import { resolveOptions, type ClusterOptions, type ClusterOptionsUsed } from './options.js';
import { pcaFromCovariance, project, type Projection } from './projection.js';
import { checkTransactionSource } from '../shared/source.js';
import { resolveAsOf, type ResolvedAsOf } from '../shared/as-of.js';
import type { DateInput } from '../shared/validate.js';
import { withCustomerAggregate, withStableSources } from '../shared/customer-cache.js';
import { dataSufficiency, type Sufficiency } from '../shared/sufficiency.js';
import { tagResult } from '../../inspect.js';
import { clusterMessages } from './messages.js';

export type { ClusterOptions, ClusterOptionsUsed } from './options.js';
export type { KChoiceRow } from './fit.js';

/** A feature as used: how it was transformed and standardised. */
export interface ClusterFeature {
  /** Feature name. */
  name: string;
  /** Computed from transactions, or a customers column. */
  source: 'transactions' | 'customers';
  /** Transform before standardising (`log1p` = `ln(1 + max(x, 0))`). */
  transform: 'log1p' | 'none';
  /** Mean of the transformed values (z = (value − mean) / sd). */
  mean: number;
  /** Population standard deviation of the transformed values. */
  sd: number;
  /** Customers without a (finite) value. */
  missing: number;
}

/** Profile of one cluster. */
export interface ClusterProfile {
  /** Cluster number, 1 = highest mean revenue per customer. */
  cluster: number;
  /** Descriptive name as parts (feature and level); in words with `clusterNames` from src/i18n/analyses.ts. */
  nameParts: ClusterNamePart[];
  /** Customers. */
  size: number;
  /** Share of the clustered customers. */
  share: number;
  /** Net revenue of its customers. */
  revenue: number;
  /** Share of the clustered customers' revenue (NaN when total revenue is 0). */
  revenueShare: number;
  /** Mean raw (untransformed) value per feature. */
  means: Record<string, number>;
  /** Mean z-score per feature: distance from the overall mean in standard deviations. */
  z: Record<string, number>;
  /** Centroid in the standardised space, in feature order. */
  centroid: number[];
  /** Fewer customers than `minSize`: too small to act on as a segment. */
  tooSmall: boolean;
}

/** A sampled customer placed on the 2-D projection. */
export interface ClusterPoint {
  cluster: number;
  x: number;
  y: number;
  /** Raw feature values (for tooltips). */
  values: Record<string, number | null>;
}

/** What {@link clusters} returns; per-customer labels are in the DuckDB table `table`. */
export interface ClusterResult {
  /** Table with `customer_id, cluster`. */
  table: string;
  /** Options actually used. */
  options: ClusterOptionsUsed;
  /** Chosen (or given) number of clusters. */
  k: number;
  /** Features used (after dropping constant ones), with standardisation parameters. */
  features: ClusterFeature[];
  /** Features dropped because they were constant or entirely missing. */
  droppedFeatures: string[];
  /** Customers assigned to a cluster. */
  customerCount: number;
  /** Customers left out for missing feature values. */
  excludedCount: number;
  /** Customers in the fit sample. */
  sampleSize: number;
  /** k → inertia, silhouette (the search with `k: 'auto'`; the final fit otherwise). */
  kTable: KChoiceRow[];
  /** Inertia of the final fit on the sample. */
  inertia: number;
  /** Mean silhouette of the final fit on the silhouette sample. */
  silhouette: number;
  /** Profiles, cluster 1 first. */
  profiles: ClusterProfile[];
  /** All clustered customers: size, revenue, mean raw feature values. */
  overall: { size: number; revenue: number; means: Record<string, number> };
  /** 2-D PCA projection with sampled points. */
  projection: Projection & { points: ClusterPoint[] };
  /** Is the data enough: customers with a purchase and days of history before `asOf` against `options.minimums`. */
  sufficiency: Sufficiency;
  /** Recoverable problems (dropped features, excluded customers, k values skipped). */
  warnings: string[];
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

/** Check the transactions table, then the as-of moment (the shared rule). */
async function checkSourceAsOf(wb: Workbench, source: string, asOf: DateInput | undefined): Promise<ResolvedAsOf> {
  await checkTransactionSource(wb, source);
  return resolveAsOf(wb, source, asOf, clusterMessages.noOrdersToCluster(source));
}

/**
 * Cluster customers with k-means on standardised features; (re)creates `options.table` with every
 * clustered customer's cluster number.
 * @example const result = await clusters(wb, { k: 'auto', seed: 7 });
 */
export async function clusters(wb: Workbench, options: ClusterOptions = {}): Promise<ClusterResult> {
  // One fingerprint of the transactions for the whole call (it changes none): src/analyses/shared/customer-cache.ts.
  return withStableSources(wb, () => fitClusters(wb, options));
}

async function fitClusters(wb: Workbench, options: ClusterOptions = {}): Promise<ClusterResult> {
  const o = resolveOptions(options);
  const { asOf, fromData } = await checkSourceAsOf(wb, o.source, options.asOf);
  const used: ClusterOptionsUsed = { ...o, asOf, asOfFromData: fromData };
  const warnings: string[] = [];
  const defs = await resolveFeatures(wb, o.features, o.customers, o.logScale);
  try {
    await withCustomerAggregate(wb, { source: o.source, asOf }, (aggregate) =>
      wb.run(baseSql({ source: o.source, customersTable: o.customers, features: defs, aggregate }), { asOf }),
    );
    const [stats = {}] = await wb.query(statsSql(defs.length));
    const n = num(stats['n']);
    if (!(n > 0)) throw new WorkbenchError('NO_DATA', clusterMessages.nothingToCluster(asOf, o.source), { asOf });
    const kept: number[] = [];
    const dropped: string[] = [];
    defs.forEach((f, i) => {
      const m = num(stats[`m${i}`]);
      const s = num(stats[`s${i}`]);
      if (num(stats[`c${i}`]) === 0) warnings.push(clusterMessages.warnFeatureEmpty(f.name));
      else if (!(s > 1e-12 * Math.max(1, Math.abs(m)))) warnings.push(clusterMessages.warnFeatureConstant(f.name));
      else return kept.push(i);
      dropped.push(f.name);
    });
    if (kept.length === 0) {
      throw new WorkbenchError('TOO_FEW_POINTS', clusterMessages.allFeaturesDropped(dropped), { dropped });
    }
    const features: ClusterFeature[] = kept.map((i) => {
      const f = defs[i] as (typeof defs)[number];
      return { ...f, mean: num(stats[`m${i}`]), sd: num(stats[`s${i}`]), missing: n - num(stats[`c${i}`]) };
    });
    const params: Record<string, number> = { seed: o.seed };
    for (const i of kept) {
      params[`m${i}`] = num(stats[`m${i}`]);
      params[`s${i}`] = num(stats[`s${i}`]);
    }
    await wb.run(standardiseSql(kept, o.missing), params);
    const d = kept.length;
    const [{ n: customerCount = 0 } = {}] = await wb.query<{ n: number }>(`select count(*) as n from ${WORK.z}`);
    for (const f of features.filter((x) => x.missing > 0)) {
      warnings.push(
        o.missing === 'exclude'
          ? clusterMessages.warnFeatureMissingExcluded(f.missing, f.name)
          : clusterMessages.warnFeatureMissingMean(f.missing, f.name),
      );
    }
    if (customerCount === 0) throw new WorkbenchError('NO_DATA', clusterMessages.everyCustomerMissing(), {});

    const sample = await wb.query(sampleSql(d), { n: o.sampleSize });
    const points = sample.map((r) => Array.from({ length: d }, (_, j) => num(r[`z${j}`])));
    const silN = Math.min(o.silhouetteSampleSize, points.length);
    const fitOpts = { seed: o.seed, restarts: o.restarts, maxIterations: o.maxIterations };
    let k: number;
    const kTable: KChoiceRow[] = [];
    if (o.k === 'auto') {
      const search = points.slice(0, Math.min(o.searchSampleSize, points.length));
      const distinct = countDistinct(search);
      const ks = Array.from({ length: o.kRange[1] - o.kRange[0] + 1 }, (_, i) => o.kRange[0] + i);
      const skipped = ks.filter((x) => x > distinct);
      if (skipped.length === ks.length) {
        throw new WorkbenchError('TOO_FEW_POINTS', clusterMessages.tooFewProfiles(distinct, o.kRange), { distinct });
      }
      if (skipped.length) warnings.push(clusterMessages.warnKSkipped(skipped, distinct));
      for (const kk of ks.filter((x) => x <= distinct)) {
        const fit = await fitKMeans(search, kk, {
          ...fitOpts,
          restarts: o.searchRestarts,
          tolerance: KMEANS_TOLERANCE,
        });
        const silPoints = search.slice(0, silN);
        kTable.push({
          k: kk,
          inertia: fit.inertia,
          silhouette: silhouetteScore(silPoints, fit.labels.slice(0, silN), kk),
        });
      }
      k = chooseK(kTable);
    } else {
      k = o.k;
    }
    const fit = await fitKMeans(points, k, fitOpts);
    const silhouette = silhouetteScore(points.slice(0, silN), fit.labels.slice(0, silN), k);
    if (o.k !== 'auto') kTable.push({ k, inertia: fit.inertia, silhouette });

    const cParams: Record<string, number> = {};
    fit.centroids.forEach((c, ci) => c.forEach((x, j) => (cParams[`c${ci}_${j}`] = x)));
    await wb.run(centroidsSql(k, d), cParams);
    await wb.run(assignSql(k, d));
    const rawProfiles = await wb.query(profileSql(d));
    const byRaw = new Map(rawProfiles.map((r) => [num(r['cluster']), r]));
    const order = Array.from({ length: k }, (_, i) => i + 1).sort((a, b) => {
      const ra = byRaw.get(a);
      const rb = byRaw.get(b);
      const meanA = ra ? num(ra['revenue']) / num(ra['n']) : -Infinity;
      const meanB = rb ? num(rb['revenue']) / num(rb['n']) : -Infinity;
      return meanB - meanA || num(rb?.['n'] ?? 0) - num(ra?.['n'] ?? 0) || a - b;
    });
    const mapping = Array.from({ length: k }, (_, raw) => order.indexOf(raw + 1) + 1);
    await wb.run(renumberSql(o.table, mapping));

    const [overallRow = {}] = await wb.query(overallSql(d));
    const totalRevenue = num(overallRow['revenue']);
    const byName = (row: Record<string, unknown> | undefined, prefix: string) =>
      Object.fromEntries(features.map((f, j) => [f.name, num(row?.[`${prefix}${j}`])]));
    const centroids = order.map((raw) => fit.centroids[raw - 1] as number[]);
    const zs = order.map((raw) => byName(byRaw.get(raw), 'z'));
    const profiles: ClusterProfile[] = order.map((raw, i) => {
      const row = byRaw.get(raw);
      const size = num(row?.['n'] ?? 0);
      const revenue = num(row?.['revenue'] ?? 0);
      return {
        cluster: i + 1,
        nameParts: clusterNameParts(
          zs[i] as Record<string, number>,
          features.map((f) => f.name),
          { means: byName(row, 'r'), overall: byName(overallRow, 'r') },
        ),
        size,
        share: size / customerCount,
        revenue,
        revenueShare: totalRevenue === 0 ? NaN : revenue / totalRevenue,
        means: byName(row, 'r'),
        z: zs[i] as Record<string, number>,
        centroid: centroids[i] as number[],
        tooSmall: size < o.minSize,
      };
    });

    const cov = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => num(overallRow[`v${Math.min(i, j)}_${Math.max(i, j)}`])),
    );
    const pca = await pcaFromCovariance(cov);
    const pts: ClusterPoint[] = sample.slice(0, o.projectionPoints).map((r, i) => {
      const z = points[i] as number[];
      // Plot coordinates to 1e-6: enough for any chart, and free of the last-bit noise of the covariance.
      const [x, y] = project(z, pca).map((c) => Math.round(c * 1e6) / 1e6) as [number, number];
      const values = Object.fromEntries(features.map((f, j) => [f.name, r[`r${j}`] === null ? null : num(r[`r${j}`])]));
      return { cluster: nearestCentroid(z, centroids) + 1, x, y, values };
    });

    return tagResult(
      {
        table: o.table,
        options: used,
        k,
        features,
        droppedFeatures: dropped,
        customerCount,
        excludedCount: n - customerCount,
        sampleSize: points.length,
        kTable,
        inertia: fit.inertia,
        silhouette,
        profiles,
        overall: { size: customerCount, revenue: totalRevenue, means: byName(overallRow, 'r') },
        projection: { ...pca, points: pts },
        sufficiency: await dataSufficiency(wb, 'clusters', { asOf, source: o.source, minimums: o.minimums }),
        warnings,
      },
      'ClusterResult',
    );
  } finally {
    for (const t of Object.values(WORK)) await wb.run(`drop table if exists ${t}`);
  }
}
